# Sourced by bin/suite and .ci/run: selects a JDK 21 or newer and exports JAVA_HOME.
# Order: $JAVA_HOME if it is 21+, the `java` on PATH if it is 21+, then JDKs installed beside
# that java (e.g. /usr/lib/jvm/*), newest first.

java_major() {
  # prints the feature version of the java binary $1 (e.g. 17, 21, 25), or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1 | cut -d. -f1
}

select_jdk() {
  local candidate major
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    major=$(java_major "$JAVA_HOME/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      export JAVA_HOME
      return 0
    fi
    echo "JAVA_HOME=$JAVA_HOME is Java ${major:-unknown}; looking for a JDK 21 or newer instead." >&2
  fi
  local dirs=()
  if command -v java >/dev/null 2>&1; then
    local default_java
    default_java=$(readlink -f "$(command -v java)")
    dirs+=("$(dirname "$(dirname "$default_java")")")
    dirs+=("$(dirname "$(dirname "$(dirname "$default_java")")")"/*)
  fi
  dirs+=(/usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/*)
  local best="" best_major=0
  for candidate in "${dirs[@]}"; do
    [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(java_major "$candidate/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best=$candidate
      best_major=$major
    fi
  done
  if [ -z "$best" ]; then
    echo "No JDK 21 or newer found. Install one (e.g. Temurin 21) and set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME=$best
}
