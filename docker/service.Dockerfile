# One image recipe for every deployable RuralWatch service.
#
#   docker build -f docker/service.Dockerfile --build-arg SERVICE=household-service \
#       -t ruralwatch/household-service .
#
# The build context is the repository root: Maven needs the root pom, the
# wrapper and the shared platform modules next to the service module.
# SERVICE is the Maven module directory of the service: household-service,
# indicator-service, project-fund-service, report-service or gateway.
#
# Only classic Dockerfile instructions are used, so the legacy builder and
# BuildKit both build it.

ARG JAVA_VERSION=21

# ---------------------------------------------------------------------------
# Build stage: package the service and the platform modules it depends on.
# ---------------------------------------------------------------------------
FROM eclipse-temurin:${JAVA_VERSION}-jdk-noble AS build

ARG SERVICE

WORKDIR /workspace
COPY . .

# The Maven Wrapper downloads Maven 3.9 on first use (with curl, wget or its
# own Java downloader, so no extra packages are needed).
# Formatting (Spotless) is a CI gate on the sources, not a packaging concern;
# it is skipped here so the image build needs neither the .git folder nor the
# formatter's own downloads. Tests run in CI, not in image builds.
RUN set -eu; \
    if [ -z "${SERVICE:-}" ]; then \
        echo "Build argument SERVICE is required (for example --build-arg SERVICE=household-service)." >&2; \
        exit 1; \
    fi; \
    if [ ! -f "${SERVICE}/pom.xml" ]; then \
        echo "SERVICE=${SERVICE} is not a Maven module of this repository." >&2; \
        exit 1; \
    fi; \
    chmod +x mvnw; \
    ./mvnw -B -ntp -pl "${SERVICE}" -am package -DskipTests -Dspotless.check.skip=true; \
    test -f "${SERVICE}/target/quarkus-app/quarkus-run.jar"

# ---------------------------------------------------------------------------
# Runtime stage: JRE only, unprivileged user, Quarkus fast-jar layout.
# ---------------------------------------------------------------------------
FROM eclipse-temurin:${JAVA_VERSION}-jre-noble

ARG SERVICE

# curl backs the container health check (GET /q/health/ready, see
# docker-compose.yml). It is installed explicitly rather than relying on
# whatever the base image happens to ship.
RUN set -eux; \
    apt-get update; \
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl; \
    rm -rf /var/lib/apt/lists/*; \
    groupadd --system --gid 185 ruralwatch; \
    useradd --system --uid 185 --gid ruralwatch --home-dir /deployments \
        --no-create-home --shell /usr/sbin/nologin ruralwatch

WORKDIR /deployments

# Layered as Quarkus recommends, from least to most frequently changing:
# third-party libraries, the launcher, the application classes, then the
# generated Quarkus metadata. Files stay owned by root: the service only
# reads them.
COPY --from=build /workspace/${SERVICE}/target/quarkus-app/lib/ /deployments/lib/
COPY --from=build /workspace/${SERVICE}/target/quarkus-app/*.jar /deployments/
COPY --from=build /workspace/${SERVICE}/target/quarkus-app/app/ /deployments/app/
COPY --from=build /workspace/${SERVICE}/target/quarkus-app/quarkus/ /deployments/quarkus/

# MaxRAMPercentage sizes the heap from the container memory limit; exit on
# OOM so the restart policy replaces a broken JVM instead of keeping it.
# JAVA_OPTS replaces these defaults; JAVA_OPTS_APPEND adds to them.
ENV SERVICE_NAME=${SERVICE} \
    JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -Djava.util.logging.manager=org.jboss.logmanager.LogManager" \
    JAVA_OPTS_APPEND="" \
    QUARKUS_HTTP_PORT=8080

LABEL org.opencontainers.image.title="ruralwatch-${SERVICE}" \
      org.opencontainers.image.description="RuralWatch 县域防返贫动态监测与帮扶 — ${SERVICE}"

EXPOSE 8080
USER 185:185

# exec: the JVM becomes PID 1 and receives SIGTERM for a graceful shutdown.
ENTRYPOINT ["/bin/sh", "-c", "exec java $JAVA_OPTS $JAVA_OPTS_APPEND -jar /deployments/quarkus-run.jar"]
