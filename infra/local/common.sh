# shellcheck shell=bash disable=SC2034
# (SC2034: the globals set here are used by the other infra/local/*.sh files.)
# Shared helpers for ./hub: output, failure reporting, profiles, secrets,
# packages, ports and PIDs. Sourced by ./hub; not meant to be run directly.

# ---------------------------------------------------------------- output

HUB_STEP="starting"
HUB_STEP_LOG=""

# step "message" [logfile]: announce a step; failures name it and its log.
step() {
    HUB_STEP="$1"
    HUB_STEP_LOG="${2:-}"
    printf '==> %s\n' "$1"
}

info() { printf '    %s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }

# die "message" [logfile]: fail the current step with a clear message.
die() {
    local log="${2:-$HUB_STEP_LOG}"
    printf 'error: %s failed: %s\n' "$HUB_STEP" "$1" >&2
    if [[ -n "$log" ]]; then
        printf '       read the log: %s\n' "$log" >&2
        if [[ -f "$log" ]]; then
            printf '       last lines:\n' >&2
            tail -n 15 "$log" | sed 's/^/         | /' >&2
        fi
    fi
    exit 1
}

# ERR trap: an unexpected failing command still names the step and its log.
on_error() {
    local rc="$1" line="$2"
    trap - ERR
    printf 'error: %s failed (exit %s, hub line %s)\n' "$HUB_STEP" "$rc" "$line" >&2
    [[ -n "$HUB_STEP_LOG" ]] && printf '       read the log: %s\n' "$HUB_STEP_LOG" >&2
    exit "$rc"
}

# ---------------------------------------------------------------- services

# Service name -> default port and Release DLL (relative to the repo root).
HUB_SERVICES=(identity risk-of-harm mappa victim-contact telephone-monitoring case-record)
declare -A HUB_DEFAULT_PORT=(
    [identity]=5101 [risk-of-harm]=5102 [mappa]=5103
    [victim-contact]=5104 [telephone-monitoring]=5105 [case-record]=5106
    [hmpps-stand-in]=5107
)
declare -A HUB_DLL=(
    [identity]=services/identity/bin/Release/net10.0/PublicProtectionHub.Identity.dll
    [risk-of-harm]=services/risk-of-harm/bin/Release/net10.0/PublicProtectionHub.RiskOfHarm.dll
    [mappa]=services/mappa/bin/Release/net10.0/PublicProtectionHub.Mappa.dll
    [victim-contact]=services/victim-contact/bin/Release/net10.0/PublicProtectionHub.VictimContact.dll
    [telephone-monitoring]=services/telephone-monitoring/bin/Release/net10.0/PublicProtectionHub.TelephoneMonitoring.dll
    [case-record]=services/case-record/bin/Release/net10.0/PublicProtectionHub.CaseRecord.dll
    [gateway]=gateway/bin/Release/net10.0/PublicProtectionHub.Gateway.dll
    [hmpps-stand-in]=tests/PublicProtectionHub.HmppsStandIn/bin/Release/net10.0/PublicProtectionHub.HmppsStandIn.dll
)

db_login() { printf '%s' "${1//-/_}"; }           # case-record -> case_record
db_name() { printf 'pph_%s' "${1//-/_}"; }        # case-record -> pph_case_record

# service_port NAME: HUB_PORT_<NAME> (e.g. HUB_PORT_CASE_RECORD) or the default.
service_port() {
    local name="$1" var
    if [[ "$name" == gateway ]]; then
        printf '%s' "${HUB_GATEWAY_PORT:-5080}"
        return
    fi
    var="HUB_PORT_$(tr 'a-z-' 'A-Z_' <<<"$name")"
    printf '%s' "${!var:-${HUB_DEFAULT_PORT[$name]}}"
}

# ---------------------------------------------------------------- profiles

# use_profile dev|test: sets the PROFILE, STATE, port and path globals.
use_profile() {
    PROFILE="$1"
    local base="${HUB_STATE_DIR:-.hub}"
    case "$PROFILE" in
        dev)
            STATE="$base"
            PG_PORT="${HUB_PG_PORT:-55432}"
            RABBIT_PORT="${HUB_RABBIT_PORT:-55672}"
            EPMD_PORT="${HUB_EPMD_PORT:-55369}"
            RABBIT_DIST_PORT="${HUB_RABBIT_DIST_PORT:-55670}"
            CTL_DIST_PORT_MIN="${HUB_RABBIT_CTL_DIST_PORT_MIN:-55680}"
            ;;
        test)
            STATE="${HUB_TEST_STATE_DIR:-$base/test}"
            PG_PORT="${HUB_TEST_PG_PORT:-56432}"
            RABBIT_PORT="${HUB_TEST_RABBIT_PORT:-56672}"
            EPMD_PORT="${HUB_TEST_EPMD_PORT:-56369}"
            RABBIT_DIST_PORT="${HUB_TEST_RABBIT_DIST_PORT:-56670}"
            CTL_DIST_PORT_MIN="${HUB_TEST_RABBIT_CTL_DIST_PORT_MIN:-56680}"
            ;;
        *) die "unknown profile '$PROFILE'" ;;
    esac
    CTL_DIST_PORT_MAX=$((CTL_DIST_PORT_MIN + 9))
    RABBIT_NODE="pph-$PROFILE@localhost"
    mkdir -p "$STATE"
    STATE="$(cd "$STATE" && pwd -P)"   # absolute: handed to other processes
    LOG_DIR="$STATE/logs"
    PID_DIR="$STATE/pids"
    SECRETS_FILE="$STATE/secrets.env"
    mkdir -p "$LOG_DIR" "$PID_DIR"
    reserve_ports
}

# Our ports lie inside Linux's ephemeral range (32768-60999), so an outgoing
# loopback connection could borrow one while a server (re)starts, e.g. when the
# tests restart the RabbitMQ app. Reserve them (best effort, root only, until
# reboot; HUB_RESERVE_PORTS=0 to skip).
reserve_ports() {
    local file=/proc/sys/net/ipv4/ip_local_reserved_ports current ours
    [[ "${HUB_RESERVE_PORTS:-1}" == 1 && -w "$file" ]] || return 0
    current="$(cat "$file" 2>/dev/null || true)"
    ours="$PG_PORT,$RABBIT_PORT,$EPMD_PORT,$RABBIT_DIST_PORT,$CTL_DIST_PORT_MIN-$CTL_DIST_PORT_MAX"
    printf '%s\n' "${current:+$current,}$ours" >"$file" 2>/dev/null || true
}

# ---------------------------------------------------------------- secrets

# random_secret: 32 hex characters (128 bits); only [a-f0-9], so safe in URLs and SQL.
random_secret() { od -An -N16 -tx1 /dev/urandom | tr -d ' \n'; }

# secret KEY: value from secrets.env, generated and stored on first use.
secret() {
    local key="$1" line value=""
    [[ "$key" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || die "bad secret name '$key'"
    if [[ -f "$SECRETS_FILE" ]]; then
        line="$(grep -E "^${key}=" "$SECRETS_FILE" | tail -n 1 || true)"
        value="${line#*=}"
    fi
    if [[ -z "$value" ]]; then
        value="$(random_secret)"
        (umask 077 && printf '%s=%s\n' "$key" "$value" >>"$SECRETS_FILE")
    fi
    chmod 600 "$SECRETS_FILE"
    [[ "$value" =~ ^[A-Za-z0-9]+$ ]] || die "secret $key in $SECRETS_FILE must be [A-Za-z0-9] only"
    printf '%s' "$value"
}

pg_password() { secret "PG_PASSWORD_$(db_login "$1")"; }
pg_superuser_password() { secret PG_SUPERUSER_PASSWORD; }
rabbit_password() { secret "RABBIT_PASSWORD_$(db_login "$1")"; }
rabbit_admin_password() { secret RABBIT_ADMIN_PASSWORD; }

# ---------------------------------------------------------------- packages

HUB_APT_PACKAGES=(rabbitmq-server postgresql-15 postgresql-15-postgis-3 postgresql-contrib)

deb_installed() {
    [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" == "install ok installed" ]]
}

missing_packages() {
    local pkg
    for pkg in "${HUB_APT_PACKAGES[@]}"; do
        deb_installed "$pkg" || printf '%s\n' "$pkg"
    done
    command -v curl >/dev/null || echo curl
    command -v ss >/dev/null || echo iproute2
}

# ensure_packages: apt-get install what is missing, without starting the
# Debian system services (policy-rc.d answers 101 = "action forbidden").
ensure_packages() {
    step "checking system packages"
    if [[ "${HUB_SKIP_INSTALL:-0}" == 1 ]]; then
        info "HUB_SKIP_INSTALL=1: not checking"
        return
    fi
    local missing
    mapfile -t missing < <(missing_packages)
    if ((${#missing[@]} == 0)); then
        return
    fi
    local log="$LOG_DIR/apt.log"
    step "installing ${missing[*]} (apt-get)" "$log"
    ((EUID == 0)) || die "run as root, or install them first: sudo apt-get install -y ${missing[*]}"
    install_without_starting_services "$log" "${missing[@]}"
    stop_system_services_started_by_install
}

install_without_starting_services() {
    local log="$1" rc=0 policy=/usr/sbin/policy-rc.d backup=""
    shift
    shift_policy_rc_d_in "$policy" backup
    {
        DEBIAN_FRONTEND=noninteractive apt-get update &&
            DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
                -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "$@"
    } >"$log" 2>&1 || rc=$?
    restore_policy_rc_d "$policy" "$backup"
    ((rc == 0)) || die "apt-get install $* exited $rc" "$log"
}

# shift_policy_rc_d_in PATH VAR: install a deny-all policy-rc.d, keeping any old one in VAR.
shift_policy_rc_d_in() {
    local policy="$1" __backup_var="$2" tmp=""
    if [[ -e "$policy" ]]; then
        tmp="$(mktemp)"
        cp -p "$policy" "$tmp"
    fi
    printf -v "$__backup_var" '%s' "$tmp"
    printf '#!/bin/sh\n# written by ./hub during apt-get install\nexit 101\n' >"$policy"
    chmod 755 "$policy"
}

restore_policy_rc_d() {
    local policy="$1" backup="$2"
    if [[ -n "$backup" ]]; then
        mv -f "$backup" "$policy"
    else
        rm -f "$policy"
    fi
}

# Belt and braces: if a package started a system server anyway, stop it.
stop_system_services_started_by_install() {
    if command -v pg_lsclusters >/dev/null; then
        local ver name _port status _rest
        while read -r ver name _port status _rest; do
            if [[ "$status" == online* ]]; then
                pg_ctlcluster "$ver" "$name" stop >/dev/null 2>&1 || true
            fi
        done < <(pg_lsclusters -h 2>/dev/null || true)
    fi
    # (Not `service rabbitmq-server status`: that runs rabbitmqctl as the
    # rabbitmq user, which itself starts an epmd on 4369.)
    if [[ -n "$(user_processes rabbitmq beam.smp)" ]]; then
        service rabbitmq-server stop >/dev/null 2>&1 || true
    fi
    if [[ -n "$(user_processes rabbitmq epmd)" ]]; then
        epmd -kill >/dev/null 2>&1 || true
    fi
}

# user_processes USER COMM: PIDs of USER's processes named COMM (from /proc).
user_processes() {
    local uid dir
    uid="$(id -u "$1" 2>/dev/null)" || return 0
    for dir in /proc/[0-9]*; do
        [[ "$(stat -c %u "$dir" 2>/dev/null)" == "$uid" ]] || continue
        [[ "$(cat "$dir/comm" 2>/dev/null)" == "$2" ]] && echo "${dir#/proc/}"
    done
    return 0
}

# ---------------------------------------------------------------- ports and pids

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# port_busy PORT: something holds 127.0.0.1:PORT, a listener or (since these
# ports are in the ephemeral range) the local end of some other connection.
port_busy() {
    if command -v ss >/dev/null; then
        [[ -n "$(ss -Htan exclude time-wait "sport = :$1" 2>/dev/null)" ]]
    else
        port_open "$1"
    fi
}

# require_free_port PORT VARIABLE: fail clearly when PORT is taken.
require_free_port() {
    port_busy "$1" || return 0
    local who=""
    HUB_STEP_LOG=""
    # head closes the pipe after three lines; ss's SIGPIPE must not take the message below with it.
    command -v ss >/dev/null && who="$(ss -Htanp exclude time-wait "sport = :$1" 2>/dev/null | head -n 3 || true)"
    die "port $1 is already in use by another process (choose another with $2)${who:+
$who}"
}

# wait_port_closed PORT SECONDS
wait_port_closed() {
    local port="$1" deadline=$((SECONDS + $2))
    while port_open "$port"; do
        ((SECONDS < deadline)) || return 1
        sleep 0.2
    done
}

pid_alive() { [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null; }

read_pid() { if [[ -f "$1" ]]; then head -n 1 "$1" | tr -dc '0-9'; fi; }

# wait_pid_gone PID SECONDS
wait_pid_gone() {
    local pid="$1" deadline=$((SECONDS + $2))
    while pid_alive "$pid"; do
        ((SECONDS < deadline)) || return 1
        sleep 0.2
    done
}

# listening_ports PORT...: print the given ports that still have a listener.
listening_ports() {
    local port
    for port in "$@"; do
        if command -v ss >/dev/null; then
            [[ -n "$(ss -Hltn "sport = :$port" 2>/dev/null)" ]] && echo "$port"
        else
            port_open "$port" && echo "$port"
        fi
    done
    return 0
}

# warn_if_listening PORT...: the check after a stop.
warn_if_listening() {
    local left
    left="$(listening_ports "$@" | tr '\n' ' ')"
    if [[ -n "$left" ]]; then
        warn "still listening on port(s) $left(see: ss -ltnp)"
    fi
}

# process_group PID: its process group id (from /proc, no ps needed).
process_group() { sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f3; }

# terminate_pid PID MATCH SECONDS: SIGTERM the process (and its process group
# when it leads one), SIGKILL after SECONDS. With MATCH non-empty, only if its
# command line contains MATCH (guards against a recycled PID).
terminate_pid() {
    local pid="$1" match="$2" timeout="$3" target
    pid_alive "$pid" || return 0
    if [[ -n "$match" ]] && ! tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$match"; then
        return 0
    fi
    target="$pid"
    [[ "$(process_group "$pid")" == "$pid" ]] && target="-$pid"
    kill -TERM -- "$target" 2>/dev/null || true
    if ! wait_pid_gone "$pid" "$timeout"; then
        warn "pid $pid did not stop within ${timeout}s; sending SIGKILL"
        kill -KILL -- "$target" 2>/dev/null || true
        wait_pid_gone "$pid" 5 || return 1
    fi
}

# run_logged LOG CMD...: run CMD (a function, under errexit) with its output
# in LOG; returns its status. The background job keeps errexit working
# inside CMD even though the caller tests the result with ||.
run_logged() {
    local log="$1"
    shift
    (
        trap - ERR
        set -e
        "$@"
    ) >"$log" 2>&1 &
    wait "$!"
}
