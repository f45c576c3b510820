# shellcheck shell=bash
# PostgreSQL for one profile: a private cluster under $STATE/postgres, run as
# the `postgres` OS user, listening on 127.0.0.1:$PG_PORT and a socket in state.

pg_paths() {
    PG_BIN="${HUB_PG_BIN:-$(pg_detect_bin)}"
    PG_DIR="$STATE/postgres"
    PG_DATA="$PG_DIR/data"
    PG_SOCKET_DIR="$PG_DIR/run"
    PG_LOG="$LOG_DIR/postgres.log"
}

# Highest /usr/lib/postgresql/<version>/bin that has pg_ctl.
pg_detect_bin() {
    local dir
    dir="$(find /usr/lib/postgresql -mindepth 3 -maxdepth 3 -path '*/bin/pg_ctl' 2>/dev/null | sort -V | tail -n 1)"
    [[ -n "$dir" ]] && dirname "$dir"
}

# as_postgres CMD...: run as the postgres OS user (PostgreSQL refuses root).
as_postgres() {
    if ((EUID == 0)); then
        (cd / && runuser -u postgres -- "$@")
    else
        (cd / && "$@")
    fi
}

pg_ensure_os_user() {
    ((EUID == 0)) || return 0
    id -u postgres >/dev/null 2>&1 && return 0
    useradd --system --user-group --home-dir /var/lib/postgresql --no-create-home \
        --shell /bin/bash postgres
}

pg_server_pid() { read_pid "$PG_DATA/postmaster.pid"; }

pg_ready() { "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -t 2 >/dev/null 2>&1; }

pg_running() { pid_alive "$(pg_server_pid)" && pg_ready; }

# The state folder must be reachable by the postgres user, and the socket
# path short enough for a unix socket (107 bytes).
pg_check_paths() {
    if ! as_postgres test -w "$PG_DIR" -a -x "$PG_DIR"; then
        die "the postgres OS user cannot reach $PG_DIR (a parent folder is not traversable).
       Put the state elsewhere, e.g. HUB_STATE_DIR=/var/tmp/pph-hub ./hub $(state_hint)"
    fi
    local sock="$PG_SOCKET_DIR/.s.PGSQL.$PG_PORT"
    if ((${#sock} > 107)); then
        die "socket path too long (${#sock} > 107): $sock
       Use a shorter state path, e.g. HUB_STATE_DIR=/var/tmp/pph-hub ./hub $(state_hint)"
    fi
}

state_hint() {
    [[ "$PROFILE" == test ]] && echo "test (or HUB_TEST_STATE_DIR=...)" || echo up
}

pg_prepare_dirs() {
    pg_ensure_os_user
    mkdir -p "$PG_DIR" "$PG_SOCKET_DIR"
    touch "$PG_LOG"
    if ((EUID == 0)); then
        chown postgres:postgres "$PG_DIR" "$PG_SOCKET_DIR" "$PG_LOG"
    fi
    chmod 700 "$PG_DIR"
    pg_check_paths
}

pg_init() {
    [[ -f "$PG_DATA/PG_VERSION" ]] && return 0
    step "initialising PostgreSQL cluster in $PG_DATA" "$LOG_DIR/initdb.log"
    local pwfile="$PG_DIR/.initdb-pw"
    (umask 077 && pg_superuser_password >"$pwfile")
    if ((EUID == 0)); then chown postgres:postgres "$pwfile"; fi
    as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --pwfile="$pwfile" \
        --auth-host=scram-sha-256 --auth-local=peer \
        --encoding=UTF8 --locale=C.UTF-8 >"$LOG_DIR/initdb.log" 2>&1 ||
        { rm -f "$pwfile"; die "initdb failed"; }
    rm -f "$pwfile"
    pg_write_hba
}

# Only the postgres superuser on the socket (peer); everyone else over TCP
# on loopback with a password.
pg_write_hba() {
    as_postgres tee "$PG_DATA/pg_hba.conf" >/dev/null <<'EOF'
# Written by ./hub (infra/local/postgres.sh).
# TYPE  DATABASE  USER      ADDRESS        METHOD
local   all       postgres                 peer
host    all       all       127.0.0.1/32   scram-sha-256
EOF
}

pg_server_options() {
    local opts="-p $PG_PORT -k $PG_SOCKET_DIR -c listen_addresses=127.0.0.1 -c max_connections=200"
    if [[ "$PROFILE" == test ]]; then
        # Throwaway data: trade durability for speed.
        opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    fi
    printf '%s' "$opts"
}

pg_start() {
    pg_paths
    HUB_STEP="preparing PostgreSQL ($PROFILE)"
    [[ -x "$PG_BIN/pg_ctl" ]] || die "no PostgreSQL binaries found (set HUB_PG_BIN)"
    pg_prepare_dirs
    if pg_running; then
        step "PostgreSQL already running on 127.0.0.1:$PG_PORT (pid $(pg_server_pid))"
        return
    fi
    pg_init
    step "starting PostgreSQL on 127.0.0.1:$PG_PORT" "$PG_LOG"
    require_free_port "$PG_PORT" "$(pg_port_var)"
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -o "$(pg_server_options)" \
        -w -t 60 start >>"$LOG_DIR/pg_ctl.log" 2>&1 || die "pg_ctl start failed"
    pg_ready || die "PostgreSQL started but does not answer on 127.0.0.1:$PG_PORT"
}

pg_port_var() { [[ "$PROFILE" == test ]] && echo HUB_TEST_PG_PORT || echo HUB_PG_PORT; }

pg_stop() {
    pg_paths
    local pid
    pid="$(pg_server_pid)"
    if ! pid_alive "$pid"; then
        return 1
    fi
    step "stopping PostgreSQL ($PROFILE, pid $pid)" "$PG_LOG"
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >>"$LOG_DIR/pg_ctl.log" 2>&1 ||
        die "pg_ctl stop failed"
}

# psql as superuser over the unix socket (peer auth).
pg_psql() {
    local db="$1"
    shift
    as_postgres "$PG_BIN/psql" -h "$PG_SOCKET_DIR" -p "$PG_PORT" -U postgres -d "$db" \
        -v ON_ERROR_STOP=1 -qAtX "$@"
}

# pg_provision_sql: roles and databases, idempotent (passwords re-synced every run).
pg_provision_sql() {
    local svc login db pw
    printf "ALTER ROLE postgres WITH PASSWORD '%s';\n" "$(pg_superuser_password)"
    for svc in "${HUB_SERVICES[@]}"; do
        login="$(db_login "$svc")"
        db="$(db_name "$svc")"
        pw="$(pg_password "$svc")"
        cat <<EOF
SELECT 'CREATE ROLE $login' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$login')\\gexec
ALTER ROLE $login WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '$pw';
SELECT 'CREATE DATABASE $db OWNER $login' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$db')\\gexec
ALTER DATABASE $db OWNER TO $login;
REVOKE ALL ON DATABASE $db FROM PUBLIC;
EOF
    done
}

pg_provision() {
    pg_paths
    local log="$LOG_DIR/provision-postgres.log" svc
    step "provisioning PostgreSQL databases and logins" "$log"
    pg_provision_sql | pg_psql postgres >"$log" 2>&1 || die "creating roles/databases failed"
    for svc in "${HUB_SERVICES[@]}"; do
        pg_psql "$(db_name "$svc")" -c 'CREATE EXTENSION IF NOT EXISTS postgis' >>"$log" 2>&1 ||
            die "CREATE EXTENSION postgis in $(db_name "$svc") failed"
    done
}

pg_status_line() {
    pg_paths
    local pid health=down
    pid="$(pg_server_pid)"
    if pid_alive "$pid"; then
        pg_ready && health=healthy || health=unhealthy
    else
        pid=-
    fi
    status_row "postgres${1:-}" "$pid" "$PG_PORT" "$health"
}
