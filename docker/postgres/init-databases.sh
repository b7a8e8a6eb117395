#!/usr/bin/env bash
# Creates the RuralWatch service databases; the postgres image's entrypoint (entrypoint.sh) runs it from
# /docker-entrypoint-initdb.d/ once, when the data volume is still empty, with a server listening on its socket only.
# An existing cluster is left untouched (change a password later with ALTER ROLE, or recreate the volume).
#
# Each data service gets its own login role owning its own database, and PUBLIC loses CONNECT on it, so a service
# cannot open another service's database. Role names and passwords come from the environment, the passwords put
# there by the entrypoint from the secret files that NAME_FILE variables name:
#
#   database      role variable (default)            password variable (required)
#   household     HOUSEHOLD_DB_USER (household)       HOUSEHOLD_DB_PASSWORD
#   indicator     INDICATOR_DB_USER (indicator)       INDICATOR_DB_PASSWORD
#   project_fund  PROJECT_FUND_DB_USER (project_fund) PROJECT_FUND_DB_PASSWORD
#   report        REPORT_DB_USER (report)             REPORT_DB_PASSWORD
#
# The file must stay executable: the entrypoint runs it as a process of its own.
set -euo pipefail

create_service_database() {
    local database="$1" role="$2" password="$3"

    echo "init-databases: creating role '${role}' owning database '${database}'"
    # Names and the password travel as psql variables; :"name" and :'value'
    # quote them as identifier and literal, so no value needs escaping here.
    psql -v ON_ERROR_STOP=1 --no-psqlrc \
        --username "${POSTGRES_USER:-postgres}" \
        --dbname "${POSTGRES_DB:-${POSTGRES_USER:-postgres}}" \
        --set=database="${database}" \
        --set=role="${role}" \
        --set=password="${password}" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE DATABASE :"database" OWNER :"role" ENCODING 'UTF8' TEMPLATE template0;
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
SQL
}

# Read every setting before creating anything: a missing password stops the
# script before the first database exists, not halfway through.
household_user="${HOUSEHOLD_DB_USER:-household}"
household_password="${HOUSEHOLD_DB_PASSWORD:?HOUSEHOLD_DB_PASSWORD must be set}"
indicator_user="${INDICATOR_DB_USER:-indicator}"
indicator_password="${INDICATOR_DB_PASSWORD:?INDICATOR_DB_PASSWORD must be set}"
project_fund_user="${PROJECT_FUND_DB_USER:-project_fund}"
project_fund_password="${PROJECT_FUND_DB_PASSWORD:?PROJECT_FUND_DB_PASSWORD must be set}"
report_user="${REPORT_DB_USER:-report}"
report_password="${REPORT_DB_PASSWORD:?REPORT_DB_PASSWORD must be set}"

create_service_database household "$household_user" "$household_password"
create_service_database indicator "$indicator_user" "$indicator_password"
create_service_database project_fund "$project_fund_user" "$project_fund_password"
create_service_database report "$report_user" "$report_password"
