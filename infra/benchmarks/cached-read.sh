#!/usr/bin/env bash
# Benchmark: requests per second of a cached `GET /api/v1/anime/{id}` against nginx serving the very same
# bytes, with the same load tool (wrk) and the same settings, on this machine, in one run. Prints both
# figures and their ratio (api / nginx); the target of issue #5 is a ratio of at least 0.5.
#
#   infra/benchmarks/cached-read.sh
#
# What it does:
#   1. installs nginx and wrk with apt-get if either is missing: runs `apt-get update` first, so it needs root
#      (or sudo) and network access to Debian's mirrors the first time;
#   2. starts the whole pipeline with `./mvnw -Pstandalone` (which builds every module first, tests skipped)
#      in the background, with its own data folder under /tmp and its own ports, and waits for the API's health;
#   3. GETs /api/v1/anime/$ITEM until it answers 200 (the first GET has the provider simulator's anime
#      fetched and stored), saves the exact response body and serves it with nginx on another port, under
#      the same path and content type;
#   4. warms both up, then runs wrk against both, alternating, $ROUNDS times with the same threads,
#      connections and duration, and reports each server's median requests/s and the ratio;
#   5. stops nginx and the pipeline and deletes the data folder (KEEP=1 keeps it and the logs).
#
# Settings (environment variables, defaults in brackets): THREADS [2], CONNECTIONS [32], DURATION [15s],
# WARMUP [20s], ROUNDS [3], ITEM [5114], API_PORT [18080], NGINX_PORT [18088], and the standalone run's other
# ports SYNC_WORKER_PORT [18081], EMBEDDING_WORKER_PORT [18082], SIMULATOR_PORT [18090], POSTGRES_PORT [15433],
# KAFKA_PORT [19092]. MVN_ARGS [-B -q] is passed to ./mvnw (e.g. MVN_ARGS="-B -q -o" to build offline).
# TRACKGEEK_FIXTURES points the simulator at the fixture folder (default: ../shared/fixtures beside the repository).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
DURATION="${DURATION:-15s}"
WARMUP="${WARMUP:-20s}"
ROUNDS="${ROUNDS:-3}"
ITEM="${ITEM:-5114}"
API_PORT="${API_PORT:-18080}"
NGINX_PORT="${NGINX_PORT:-18088}"
MVN_ARGS="${MVN_ARGS:--B -q}"
ITEM_PATH="/api/v1/anime/$ITEM"

BENCHMARK=cached-read
NGINX_PID=""
# shellcheck source=lib/pipeline.sh
source "$ROOT/infra/benchmarks/lib/pipeline.sh"

stop_extras() {
    if [ -n "$NGINX_PID" ] && kill -0 "$NGINX_PID" 2>/dev/null; then
        kill "$NGINX_PID" 2>/dev/null || true
    fi
}

start_nginx() {
    mkdir -p "$WORK/www$(dirname "$ITEM_PATH")" "$WORK/nginx-temp"
    cp "$WORK/item.json" "$WORK/www$ITEM_PATH"
    # nginx's workers drop root for an unprivileged user, which must be able to reach the file.
    chmod a+rx "$WORK"
    chmod -R a+rX "$WORK/www"
    cat >"$WORK/nginx.conf" <<EOF
worker_processes auto;
daemon off;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000;
    client_body_temp_path $WORK/nginx-temp/body;
    proxy_temp_path $WORK/nginx-temp/proxy;
    fastcgi_temp_path $WORK/nginx-temp/fastcgi;
    uwsgi_temp_path $WORK/nginx-temp/uwsgi;
    scgi_temp_path $WORK/nginx-temp/scgi;
    types { }
    default_type application/json;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $WORK/www;
    }
}
EOF
    nginx -c "$WORK/nginx.conf" -p "$WORK" >"$WORK/nginx.log" 2>&1 &
    NGINX_PID=$!
    for _ in $(seq 1 20); do
        if curl -s -o "$WORK/nginx-item.json" --max-time 5 "http://127.0.0.1:$NGINX_PORT$ITEM_PATH"; then
            break
        fi
        sleep 0.5
    done
    if ! cmp -s "$WORK/item.json" "$WORK/nginx-item.json"; then
        log "nginx does not serve the API's bytes; see $WORK/nginx-error.log"
        exit 1
    fi
}

requests_per_second() {
    local url="$1" duration="$2"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" "$url" | awk '/^Requests\/sec:/ { print $2 }'
}

median() {
    sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

install_tools nginx:nginx wrk:wrk
start_pipeline
wait_for "the API" "http://localhost:$API_PORT/actuator/health" 900

log "reading $ITEM_PATH until it is stored"
for _ in $(seq 1 120); do
    code="$(curl -s -o "$WORK/item.json" -w '%{http_code}' --max-time 40 "http://localhost:$API_PORT$ITEM_PATH")"
    [ "$code" = "200" ] && break
    sleep 1
done
if [ "$code" != "200" ]; then
    log "$ITEM_PATH still answers $code"
    exit 1
fi
log "the item is $(wc -c <"$WORK/item.json") bytes"
start_nginx

API_URL="http://127.0.0.1:$API_PORT$ITEM_PATH"
NGINX_URL="http://127.0.0.1:$NGINX_PORT$ITEM_PATH"
log "warming up both for $WARMUP each"
requests_per_second "$API_URL" "$WARMUP" >/dev/null
requests_per_second "$NGINX_URL" "$WARMUP" >/dev/null

log "measuring: wrk -t$THREADS -c$CONNECTIONS -d$DURATION, $ROUNDS rounds, alternating"
: >"$WORK/api.rps"
: >"$WORK/nginx.rps"
for round in $(seq 1 "$ROUNDS"); do
    api="$(requests_per_second "$API_URL" "$DURATION")"
    nginx="$(requests_per_second "$NGINX_URL" "$DURATION")"
    echo "$api" >>"$WORK/api.rps"
    echo "$nginx" >>"$WORK/nginx.rps"
    log "round $round: api $api req/s, nginx $nginx req/s"
done
API_RPS="$(median <"$WORK/api.rps")"
NGINX_RPS="$(median <"$WORK/nginx.rps")"

printf 'cached GET %s (%s bytes), wrk -t%s -c%s -d%s, median of %s rounds\n' \
    "$ITEM_PATH" "$(wc -c <"$WORK/item.json")" "$THREADS" "$CONNECTIONS" "$DURATION" "$ROUNDS"
printf '  api:   %10.0f requests/s\n' "$API_RPS"
printf '  nginx: %10.0f requests/s\n' "$NGINX_RPS"
awk -v api="$API_RPS" -v nginx="$NGINX_RPS" 'BEGIN { printf "  ratio: %10.2f (api / nginx)\n", api / nginx }'
