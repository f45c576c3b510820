# shellcheck shell=bash
# ./hub test and ./hub bench: hand the servers of a profile to dotnet.

# Connection settings for the current profile's servers, in the PPH_* formats.
pg_admin_conn() { printf 'Host=127.0.0.1;Port=%s;Username=postgres;Password=%s' "$PG_PORT" "$(pg_superuser_password)"; }
rabbit_admin_url() { printf 'amqp://%s:%s@127.0.0.1:%s/%s' "$HUB_RABBIT_ADMIN" "$(rabbit_admin_password)" "$RABBIT_PORT" "$HUB_VHOST"; }

servers_up() {
    ensure_packages
    pg_start
    pg_provision
    rabbit_start
    rabbit_provision
}

servers_down() {
    local stopped=1
    rabbit_stop && stopped=0
    pg_stop && stopped=0
    return "$stopped"
}

# trx_count OUTCOME_REGEX: UnitTestResult elements with that outcome, over all trx files.
trx_count() {
    local files=("$RESULTS_DIR"/*.trx)
    [[ -e "${files[0]}" ]] || { echo 0; return; }
    grep -ho '<UnitTestResult [^>]*>' "${files[@]}" | grep -cE "outcome=\"($1)\"" || true
}

run_tests() {
    use_profile test
    servers_up
    RESULTS_DIR="$STATE/test-results"
    rm -rf "$RESULTS_DIR"
    mkdir -p "$RESULTS_DIR"
    local log="$LOG_DIR/test.log" rc=0
    step "running dotnet test PublicProtectionHub.sln -c Release $*" "$log"
    [[ -f PublicProtectionHub.sln ]] || die "PublicProtectionHub.sln not found in $REPO_ROOT"
    set +o pipefail   # the pipeline's status is tee's; dotnet's is in PIPESTATUS
    PPH_TEST_POSTGRES="$(pg_admin_conn)" \
        PPH_TEST_RABBITMQ="$(rabbit_admin_url)" \
        PPH_TEST_RABBITMQCTL="$RABBITMQCTL" \
        PPH_TEST_STATE_DIR="$STATE" \
        dotnet test PublicProtectionHub.sln -c Release \
        --logger "trx;LogFilePrefix=pph" --logger "console;verbosity=normal" \
        --results-directory "$RESULTS_DIR" "$@" </dev/null 2>&1 | tee "$log"
    rc="${PIPESTATUS[0]}"
    set -o pipefail
    maybe_stop_test_servers
    summarise_tests "$rc"
    [[ "$TESTS_OK" == 1 ]] || exit 1
}

# CI clones are thrown away after the run, so their servers are too.
maybe_stop_test_servers() {
    local keep=1
    [[ "${CI:-}" == true ]] && keep=0
    [[ "${HUB_TEST_KEEP_SERVERS:-$keep}" == 1 ]] && return 0
    servers_down || true
}

# summarise_tests DOTNET_EXIT: prints the one summary line; TESTS_OK=1 when all passed.
summarise_tests() {
    local rc="$1" passed failed skipped
    passed="$(trx_count Passed)"
    failed="$(trx_count 'Failed|Error|Timeout|Aborted')"
    skipped="$(trx_count 'NotExecuted|Inconclusive|Pending|Disconnected|Warning')"
    if ((rc != 0 && failed == 0)); then
        echo "dotnet test exited $rc with no failed test: the build (or the test host) failed; see $LOG_DIR/test.log"
        failed=1
    fi
    echo "$passed passed, $failed failed, $skipped skipped"
    TESTS_OK=0
    if ((rc == 0 && failed == 0)); then TESTS_OK=1; fi
}

run_bench() {
    local project=tests/PublicProtectionHub.Benchmarks
    if ! compgen -G "$project/*.csproj" >/dev/null; then
        echo "$project does not exist yet: no benchmarks to run."
        exit 1
    fi
    use_profile dev
    servers_up
    step "running the benchmarks ($project)"
    PPH_BENCH_POSTGRES="$(pg_admin_conn)" \
        PPH_BENCH_RABBITMQ="$(rabbit_admin_url)" \
        PPH_BENCH_RABBITMQCTL="$RABBITMQCTL" \
        PPH_BENCH_STATE_DIR="$STATE" \
        PPH_BENCH_PHONE_HASH_KEY="$(secret PHONE_HASH_KEY_1)$(secret PHONE_HASH_KEY_1_PART_2)" \
        HUB_GATEWAY_URL="$(gateway_url)" \
        env "${HUB_SHARED_CORES_ENV[@]}" \
        dotnet run -c Release --project "$project" -- "$@"
}
