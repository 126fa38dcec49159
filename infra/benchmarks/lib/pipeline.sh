# shellcheck shell=bash
# What the benchmarks that run the whole pipeline share (search.sh, cached-read.sh, similar.sh): sourced, never run.
#
# Before sourcing, the script sets BENCHMARK (its name: the log lines' prefix and the work folder's), ROOT (the
# repository), API_PORT and MVN_ARGS. It may define stop_extras, called at exit before the pipeline is stopped
# (e.g. to stop its own nginx). Sourcing creates the work folder WORK and installs the exit trap; then:
#   log TEXT...                        a line on stderr, prefixed with [$BENCHMARK]
#   install_tools COMMAND:PACKAGE...   apt-get installs the packages whose command is missing (update first)
#   start_pipeline                     ./mvnw $MVN_ARGS -Pstandalone in the background, in its own process group
#   stop_pipeline                      stops it (SIGTERM to its process group, SIGKILL after 60 s); the data stays
#   wait_for WHAT URL SECONDS          until URL answers 200, or exits 1 (also if the pipeline stopped)
#   median_of COLUMN FILE              the median of a whitespace-separated column of numbers (one row per round)
# At exit the pipeline is stopped and WORK deleted, unless KEEP=1 or the script failed.
#
# The standalone run's ports come from API_PORT and from SYNC_WORKER_PORT [18081], EMBEDDING_WORKER_PORT
# [18082], SIMULATOR_PORT [18090], POSTGRES_PORT [15433], KAFKA_PORT [19092]; TRACKGEEK_FIXTURES points the
# simulator at the fixture folder (default: ../shared/fixtures beside the repository).

log() { printf '[%s] %s\n' "$BENCHMARK" "$*" >&2; }

install_tools() {
    local missing=() tool
    for tool in "$@"; do
        command -v "${tool%%:*}" >/dev/null || missing+=("${tool#*:}")
    done
    if [ "${#missing[@]}" -eq 0 ]; then
        return
    fi
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        sudo="sudo"
    fi
    log "installing ${missing[*]} (apt-get update, then apt-get install)"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

WORK="$(mktemp -d "/tmp/trackgeek-$BENCHMARK.XXXXXX")"
PIPELINE_PID=""

stop_pipeline() {
    if [ -n "$PIPELINE_PID" ] && kill -0 "$PIPELINE_PID" 2>/dev/null; then
        log "stopping the pipeline"
        # Its own process group (setsid below): Maven and the JVM it started, nothing else.
        kill -TERM -- "-$PIPELINE_PID" 2>/dev/null || true
        for _ in $(seq 1 60); do
            kill -0 "$PIPELINE_PID" 2>/dev/null || break
            sleep 1
        done
        kill -KILL -- "-$PIPELINE_PID" 2>/dev/null || true
    fi
    PIPELINE_PID=""
}

cleanup() {
    local status=$?
    if declare -F stop_extras >/dev/null; then
        stop_extras
    fi
    stop_pipeline
    if [ "${KEEP:-0}" = "1" ] || [ "$status" -ne 0 ]; then
        log "logs and data kept in $WORK"
    else
        rm -rf "$WORK"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start_pipeline() {
    log "starting the pipeline (./mvnw $MVN_ARGS -Pstandalone; log: $WORK/pipeline.log)"
    (
        cd "$ROOT"
        export TRACKGEEK_DATA_DIR="$WORK/data"
        export TRACKGEEK_FIXTURES="${TRACKGEEK_FIXTURES:-$ROOT/../shared/fixtures}"
        export TRACKGEEK_API_PORT="$API_PORT"
        export TRACKGEEK_SYNC_WORKER_PORT="${SYNC_WORKER_PORT:-18081}"
        export TRACKGEEK_EMBEDDING_WORKER_PORT="${EMBEDDING_WORKER_PORT:-18082}"
        export TRACKGEEK_SIMULATOR_PORT="${SIMULATOR_PORT:-18090}"
        export TRACKGEEK_POSTGRES_PORT="${POSTGRES_PORT:-15433}"
        export TRACKGEEK_KAFKA_PORT="${KAFKA_PORT:-19092}"
        # shellcheck disable=SC2086
        exec setsid ./mvnw $MVN_ARGS -Pstandalone
    ) >"$WORK/pipeline.log" 2>&1 &
    PIPELINE_PID=$!
}

wait_for() {
    local what="$1" url="$2" seconds="$3"
    log "waiting for $what ($url, up to ${seconds}s)"
    for _ in $(seq 1 "$seconds"); do
        if ! kill -0 "$PIPELINE_PID" 2>/dev/null; then
            log "the pipeline stopped; last lines of $WORK/pipeline.log:"
            tail -n 40 "$WORK/pipeline.log" >&2
            exit 1
        fi
        if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$url")" = "200" ]; then
            return
        fi
        sleep 1
    done
    log "$what did not answer 200 in ${seconds}s"
    exit 1
}

median_of() {
    local column="$1" file="$2"
    awk -v c="$column" '{ print $c }' "$file" | sort -g \
        | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
