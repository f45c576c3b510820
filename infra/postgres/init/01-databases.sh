#!/usr/bin/env bash
# One database and one login per service, each login owning only its own database.
#
# The postgres image runs this once, as the superuser, when it starts on an empty data
# volume (docker-compose.yml mounts this folder on /docker-entrypoint-initdb.d). It is safe
# to run again: existing logins get their password reset, existing databases are kept.
#
# DEVELOPMENT ONLY: the default passwords below are the ones docker-compose.yml uses; keep
# the two in step (docker-compose.yml passes the PPH_*_DB_PASSWORD variables through).
set -eo pipefail

create_service_database() {
  local database=$1 login=$2 password=$3

  psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname "${POSTGRES_DB:-postgres}" \
    -v database="$database" -v login="$login" -v password="$password" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE', :'login')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'login') \gexec
ALTER ROLE :"login" WITH LOGIN PASSWORD :'password';

SELECT format('CREATE DATABASE %I OWNER %I', :'database', :'login')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'database') \gexec
ALTER DATABASE :"database" OWNER TO :"login";
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;

\connect :"database"
CREATE EXTENSION IF NOT EXISTS postgis;
SQL
  echo "pph: database $database owned by $login"
}

create_service_database pph_identity             identity             "${PPH_IDENTITY_DB_PASSWORD:-dev-only-identity-db}"
create_service_database pph_risk_of_harm         risk_of_harm         "${PPH_RISK_OF_HARM_DB_PASSWORD:-dev-only-risk-of-harm-db}"
create_service_database pph_mappa                mappa                "${PPH_MAPPA_DB_PASSWORD:-dev-only-mappa-db}"
create_service_database pph_victim_contact       victim_contact       "${PPH_VICTIM_CONTACT_DB_PASSWORD:-dev-only-victim-contact-db}"
create_service_database pph_telephone_monitoring telephone_monitoring "${PPH_TELEPHONE_MONITORING_DB_PASSWORD:-dev-only-telephone-monitoring-db}"
create_service_database pph_case_record          case_record          "${PPH_CASE_RECORD_DB_PASSWORD:-dev-only-case-record-db}"
