# shellcheck shell=bash
# The .NET side for the dev profile: build, migrations, starting the six
# services, the HMPPS stand-in and the gateway in the background, health waits
# and stopping.

# The stand-in answers for the HMPPS APIs behind domain events' detailUrl
# (tests/PublicProtectionHub.HmppsStandIn); case-record fetches from it as
# the demo client HUB_DETAIL_CLIENT.
HUB_STAND_IN=hmpps-stand-in
HUB_APPS=("${HUB_SERVICES[@]}" "$HUB_STAND_IN" gateway)
HUB_DEMO_DATA=infra/demo/demo-data.json
HUB_DETAIL_CLIENT=case-record-hmpps

# Every hub process (and the bench client) shares the machine's cores with the others. An idle thread-pool worker
# spins before it sleeps, to catch work that arrives within microseconds; with eight .NET processes on two cores that
# spin takes the core another process is waiting for. Measured on the gateway benchmark (500 pairs/s, A/B minutes
# apart): the gateway's CPU per proxied request fell from 590-680 us to 310-430 us, and straight-to-identity p99 with it.
HUB_SHARED_CORES_ENV=(DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0)

app_pid_file() { printf '%s/%s.pid' "$PID_DIR" "$1"; }
app_log() { printf '%s/%s.log' "$LOG_DIR" "$1"; }
app_url() { printf 'http://127.0.0.1:%s' "$(service_port "$1")"; }
gateway_url() { app_url gateway; }

# http_status URL: the HTTP status code, or 000 when nothing answers.
http_status() {
    curl -s -o /dev/null -m "${2:-3}" -w '%{http_code}' "$1" 2>/dev/null || true
}

# app_pid NAME: the recorded PID if that process is still our dotnet <dll>.
app_pid() {
    local pid
    pid="$(read_pid "$(app_pid_file "$1")")"
    pid_alive "$pid" || return 0
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$(basename "${HUB_DLL[$1]}")" || return 0
    printf '%s' "$pid"
}

# app_running NAME: recorded PID alive and its port answering.
app_running() {
    [[ -n "$(app_pid "$1")" ]] && port_open "$(service_port "$1")"
}

# app_env NAME: the environment (NAME=value lines) for one service or the gateway.
app_env() {
    local name="$1" svc
    echo "ASPNETCORE_URLS=$(app_url "$name")"
    echo "ASPNETCORE_ENVIRONMENT=Development"
    echo "Hub__StateDir=$STATE"
    echo "Hub__GatewayUrl=$(gateway_url)"
    printf '%s\n' "${HUB_SHARED_CORES_ENV[@]}"
    for svc in "${HUB_SERVICES[@]}"; do
        echo "Services__$svc=$(app_url "$svc")"
    done
    [[ "$name" == gateway || "$name" == case-record ]] && latency_env
    [[ "$name" == gateway || "$name" == "$HUB_STAND_IN" ]] && return 0
    [[ "$name" == case-record ]] && detail_env
    [[ "$name" == victim-contact || "$name" == telephone-monitoring ]] && phone_hashing_env
    [[ "$name" == victim-contact ]] && victim_encryption_env
    echo "Demo__DataFile=$REPO_ROOT/$HUB_DEMO_DATA"
    echo "ConnectionStrings__Database=Host=127.0.0.1;Port=$PG_PORT;Database=$(db_name "$name");Username=$(db_login "$name");Password=$(pg_password "$name")"
    echo "Messaging__Host=127.0.0.1"
    echo "Messaging__Port=$RABBIT_PORT"
    echo "Messaging__VirtualHost=$HUB_VHOST"
    echo "Messaging__Username=$name"
    echo "Messaging__Password=$(rabbit_password "$name")"
    echo "Messaging__QueueType=quorum"
    echo "Messaging__QuorumReplicas=1"
}

# latency_env: the gateway and case-record (every push, every stream) spend most of a request waiting on sockets:
# PostgreSQL round trips and proxied calls. Running a socket's completion on the I/O thread that saw it, instead of
# queueing it to the thread pool, takes a thread hand-off out of each round trip (SSE push p50 11.5 -> 10.0 ms in one
# pair of runs on 2 cores). Safe only for code that does not block a thread, which ours does not on these paths.
latency_env() {
    echo "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1"
}

# detail_env: case-record fetches HMPPS events' detail from the stand-in only.
detail_env() {
    echo "HmppsEvents__Detail__TokenEndpoint=$(app_url identity)/connect/token"
    echo "HmppsEvents__Detail__ClientId=$HUB_DETAIL_CLIENT"
    echo "HmppsEvents__Detail__ClientSecret=$(demo_client_secret "$HUB_DETAIL_CLIENT")"
    echo "HmppsEvents__Detail__Scope=hmpps-apis"
    echo "HmppsEvents__Detail__AllowedOrigins__0=$(app_url "$HUB_STAND_IN")"
}

# phone_hashing_env: the one key both services hash phone numbers with (64 hex = 32 bytes).
phone_hashing_env() {
    echo "PhoneHashing__Keys__1=$(secret PHONE_HASH_KEY_1)$(secret PHONE_HASH_KEY_1_PART_2)"
    echo "PhoneHashing__CurrentKeyVersion=1"
}

# victim_encryption_env: the key victim-contact encrypts victims' personal details with (64 hex = 32 bytes).
# A rotation adds VictimContact__Encryption__Keys__2 and makes it current; rows keep the version they were written with.
victim_encryption_env() {
    echo "VictimContact__Encryption__Keys__1=$(secret VICTIM_ENCRYPTION_KEY_1)$(secret VICTIM_ENCRYPTION_KEY_1_PART_2)"
    echo "VictimContact__Encryption__CurrentKeyVersion=1"
}

# demo_client_secret ID: the clientSecret written on the line after the client's id in the demo data.
demo_client_secret() {
    grep -A1 -F "\"clientId\": \"$1\"" "$REPO_ROOT/$HUB_DEMO_DATA" | sed -nE 's/.*"clientSecret": *"([^"]+)".*/\1/p'
}

# in_app_env NAME CMD...: run CMD in NAME's bin folder with NAME's environment.
# (OTEL_EXPORTER_OTLP_ENDPOINT and the rest of the caller's environment pass through.)
in_app_env() {
    local name="$1" vars
    shift
    mapfile -t vars < <(app_env "$name")
    cd "$REPO_ROOT/$(dirname "${HUB_DLL[$name]}")" && exec env "${vars[@]}" "$@"
}

ensure_dotnet_tools() {
    [[ -f .config/dotnet-tools.json ]] || return 0
    local log="$LOG_DIR/dotnet-tools.log"
    step "restoring .NET local tools" "$log"
    dotnet tool restore >"$log" 2>&1 || die "dotnet tool restore failed"
}

build_solution() {
    local log="$LOG_DIR/build.log"
    step "building PublicProtectionHub.sln (Release)" "$log"
    [[ -f PublicProtectionHub.sln ]] || die "PublicProtectionHub.sln not found in $REPO_ROOT"
    dotnet build PublicProtectionHub.sln -c Release -nologo -v q >"$log" 2>&1 || die "dotnet build failed"
}

require_dll() {
    [[ -f "$REPO_ROOT/${HUB_DLL[$1]}" ]] || die "build output missing: ${HUB_DLL[$1]} (did the build succeed?)" "$LOG_DIR/build.log"
}

migrate_service() {
    local name="$1" log
    log="$LOG_DIR/$name-migrate.log"
    step "applying $name migrations" "$log"
    require_dll "$name"
    (in_app_env "$name" timeout "${HUB_MIGRATE_TIMEOUT:-300}" dotnet "$(basename "${HUB_DLL[$name]}")" --migrate) \
        </dev/null >"$log" 2>&1 || die "'dotnet ${HUB_DLL[$name]} --migrate' failed"
}

start_app() {
    local name="$1" port log
    port="$(service_port "$name")"
    log="$(app_log "$name")"
    require_dll "$name"
    if app_running "$name"; then
        step "$name already running on 127.0.0.1:$port (pid $(app_pid "$name"))"
        return
    fi
    step "starting $name on 127.0.0.1:$port" "$log"
    require_free_port "$port" "$(app_port_var "$name")"
    (in_app_env "$name" setsid nohup dotnet "$(basename "${HUB_DLL[$name]}")") </dev/null >"$log" 2>&1 &
    echo $! >"$(app_pid_file "$name")"
}

app_port_var() {
    [[ "$1" == gateway ]] && echo HUB_GATEWAY_PORT || echo "HUB_PORT_$(tr 'a-z-' 'A-Z_' <<<"$1")"
}

# wait_healthy NAME...: until each answers /health/ready with 200.
wait_healthy() {
    local timeout="${HUB_HEALTH_TIMEOUT:-90}" start=$SECONDS next_report=$((SECONDS + 5))
    local pending=("$@") still name
    step "waiting for /health/ready (up to ${timeout}s each): ${pending[*]}"
    while ((${#pending[@]} > 0)); do
        still=()
        for name in "${pending[@]}"; do
            pid_alive "$(read_pid "$(app_pid_file "$name")")" || die "$name exited during start" "$(app_log "$name")"
            [[ "$(http_status "$(app_url "$name")/health/ready")" == 200 ]] || still+=("$name")
        done
        pending=("${still[@]}")
        ((${#pending[@]} == 0)) && break
        if ((SECONDS - start >= timeout)); then
            HUB_STEP="waiting for ${pending[*]}"
            die "not healthy after ${timeout}s" "$(app_log "${pending[0]}")"
        fi
        if ((SECONDS >= next_report)); then
            info "pending after $((SECONDS - start))s: ${pending[*]}"
            next_report=$((SECONDS + 5))
        fi
        sleep 1
    done
}

any_app_running() {
    local name
    for name in "${HUB_APPS[@]}"; do
        [[ -n "$(app_pid "$name")" ]] && return 0
    done
    return 1
}

# stop_apps: the gateway first, then the services and the stand-in (together);
# returns 1 if none was running.
stop_apps() {
    local name pid stopped=1
    stop_app gateway && stopped=0
    for name in "${HUB_SERVICES[@]}" "$HUB_STAND_IN"; do
        pid="$(app_pid "$name")"
        [[ -n "$pid" ]] || continue
        step "stopping $name (pid $pid)"
        stopped=0
        terminate_pid "$pid" "$(basename "${HUB_DLL[$name]}")" 10 &
    done
    wait
    for name in "${HUB_APPS[@]}"; do
        rm -f "$(app_pid_file "$name")"
    done
    return "$stopped"
}

stop_app() {
    local name="$1" pid
    pid="$(app_pid "$name")"
    [[ -n "$pid" ]] || return 1
    step "stopping $name (pid $pid)" "$(app_log "$name")"
    terminate_pid "$pid" "$(basename "${HUB_DLL[$name]}")" 10 || warn "$name (pid $pid) did not stop"
}

app_status_line() {
    local name="$1" pid health=down code
    pid="$(app_pid "$name")"
    if [[ -n "$pid" ]]; then
        code="$(http_status "$(app_url "$name")/health/ready")"
        case "$code" in
            200) health=healthy ;;
            000) health=down ;;
            *) health="unhealthy ($code)" ;;
        esac
    else
        pid=-
    fi
    status_row "$name" "$pid" "$(service_port "$name")" "$health"
}

status_row() { printf '%-22s %-8s %-6s %s\n' "$@"; }

# wait_demo_data: identity seeds the demo users and clients, case-record registers the demo
# people and publishes who is responsible for them; done when every other service holds
# a responsibility row for each demo person.
wait_demo_data() {
    local people timeout="${HUB_HEALTH_TIMEOUT:-90}" start=$SECONDS svc held
    people="$(grep -c '"dateOfBirth"' "$HUB_DEMO_DATA")"
    step "loading demo data ($HUB_DEMO_DATA: $people people) into every service"
    for svc in "${HUB_SERVICES[@]}"; do
        [[ "$svc" == identity ]] && continue
        while :; do
            held="$(pg_psql "$(db_name "$svc")" -c 'SELECT count(*) FROM access.responsibilities' 2>/dev/null || echo 0)"
            ((held >= people)) && break
            if ((SECONDS - start >= timeout)); then
                HUB_STEP="loading demo data"
                die "$svc holds $held of $people demo people after ${timeout}s" "$(app_log case-record)"
            fi
            sleep 1
        done
    done
}

# load_victim_contact_demo: the demo victim contact cases, through victim-contact's own API as the demo VLO
# (tests/PublicProtectionHub.Benchmarks, command load-victim-contact); a case already loaded is skipped.
load_victim_contact_demo() {
    local log="$LOG_DIR/victim-contact-demo.log"
    step "loading the demo victim contact cases through the victim-contact API" "$log"
    HUB_GATEWAY_URL="$(gateway_url)" dotnet run -c Release --no-build --project tests/PublicProtectionHub.Benchmarks -- load-victim-contact \
        >>"$log" 2>&1 || die "loading the demo victim contact cases failed"
}
