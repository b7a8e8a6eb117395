#!/usr/bin/env bash
# PostgreSQL's entrypoint in the RuralWatch postgres image.
#
# On the first start (no cluster in $PGDATA) it runs initdb with the superuser password from POSTGRES_PASSWORD_FILE
# (or POSTGRES_PASSWORD), lets only password (SCRAM) logins in over the network, starts a server on its socket only,
# runs /docker-entrypoint-initdb.d/*.sh (init-databases.sh: one role and database per service) and stops it again.
# Then, and on every later start, it runs the server in the foreground with the arguments given (e.g. -c settings).
#
# Each variable NAME read at initialisation may come from a file named by NAME_FILE instead (compose secrets are
# mounted as files under /run/secrets); a password missing in both ways stops the first start before anything is
# created. The values are handed to the init scripts only, never to the running server.
set -euo pipefail

# NAME from the file NAME_FILE names, or from NAME itself; both set is an error
file_env() {
    local name="$1" file_name="${1}_FILE"
    local value="${!name:-}" file="${!file_name:-}"
    if [ -n "$value" ] && [ -n "$file" ]; then
        echo "postgres-entrypoint: both $name and $file_name are set; set only one" >&2
        exit 1
    fi
    if [ -n "$file" ]; then
        if [ ! -f "$file" ] || [ ! -r "$file" ]; then
            echo "postgres-entrypoint: $file_name=$file is not a readable file" >&2
            exit 1
        fi
        value=$(< "$file")
    fi
    export "$name=$value"
    unset "$file_name"
}

initialise() {
    local variable
    file_env POSTGRES_PASSWORD
    if [ -z "$POSTGRES_PASSWORD" ]; then
        echo "postgres-entrypoint: the superuser password is missing: set POSTGRES_PASSWORD_FILE (a secret file) or POSTGRES_PASSWORD" >&2
        exit 1
    fi
    for variable in HOUSEHOLD_DB_PASSWORD INDICATOR_DB_PASSWORD PROJECT_FUND_DB_PASSWORD REPORT_DB_PASSWORD; do
        file_env "$variable"
    done
    export POSTGRES_USER="${POSTGRES_USER:-postgres}"

    # built beside its place and moved there once complete: a first start that dies midway leaves no cluster behind
    local target="$PGDATA"
    export PGDATA="$target.initialising"
    rm -rf "$PGDATA"
    echo "postgres-entrypoint: initialising a new cluster for $target"
    initdb --pgdata="$PGDATA" --username="$POSTGRES_USER" --pwfile=<(printf '%s' "$POSTGRES_PASSWORD") \
        --encoding=UTF8 --locale=C.UTF-8 --auth-local=peer --auth-host=scram-sha-256 > /dev/null
    # the compose network reaches the server by name: any address, always with a password
    printf '\n# any network address, with a password\nhost all all all scram-sha-256\n' >> "$PGDATA/pg_hba.conf"

    pg_ctl --pgdata="$PGDATA" --silent --wait -o "-c listen_addresses='' -c unix_socket_directories=/var/run/postgresql" start
    local script
    for script in /docker-entrypoint-initdb.d/*; do
        case "$script" in
            *.sh)
                echo "postgres-entrypoint: running $script"
                PGHOST=/var/run/postgresql "$script"
                ;;
            *.sql)
                echo "postgres-entrypoint: running $script"
                psql -v ON_ERROR_STOP=1 --no-psqlrc -h /var/run/postgresql -U "$POSTGRES_USER" -d postgres -f "$script"
                ;;
        esac
    done
    pg_ctl --pgdata="$PGDATA" --silent --wait -m fast stop
    mv "$PGDATA" "$target"
    export PGDATA="$target"
    unset POSTGRES_PASSWORD HOUSEHOLD_DB_PASSWORD INDICATOR_DB_PASSWORD PROJECT_FUND_DB_PASSWORD REPORT_DB_PASSWORD
    echo "postgres-entrypoint: cluster ready"
}

if [ ! -s "$PGDATA/PG_VERSION" ]; then
    if [ -e "$PGDATA" ]; then
        echo "postgres-entrypoint: $PGDATA exists but holds no cluster; move it away to start afresh" >&2
        exit 1
    fi
    initialise
fi

exec postgres -D "$PGDATA" -c listen_addresses='*' -c unix_socket_directories=/var/run/postgresql "$@"
