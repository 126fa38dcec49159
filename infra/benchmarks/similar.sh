#!/usr/bin/env bash
# Benchmark: latency of similar titles (`GET /api/v1/{type}/{id}/similar`) with 100,000 stored 384-dimension
# vectors, against two yardsticks measured in the same run: the memory-bandwidth floor (the bytes one query's scan
# reads ÷ the rate at which this machine copies an array of that size, System.arraycopy, best of 50) and the HTTP
# overhead (the same route refused with a 400 before the index is touched). Prints p50/p95/p99 at each
# concurrency, the bytes scanned per query, the copy rate, the floor, p95 ÷ floor, and PASS/FAIL against the
# targets of issue #11: p95 <= 15 ms and p95 <= 1.5 x floor (judged at concurrency 1, a lone caller).
#
#   infra/benchmarks/similar.sh
#
# What it does:
#   1. installs wrk, the PostgreSQL client (psql) and jq with apt-get if any is missing: runs `apt-get update`
#      first, so it needs root (or sudo) and network access to Debian's mirrors the first time;
#   2. starts the whole pipeline with `./mvnw -Pstandalone -Dtrackgeek.standalone.tiered-stop-at-level=4` (the
#      standalone run is C1-only by default, for a fast start; the Vector API the scan uses needs C2) in the
#      background, with its own data folder under /tmp and its own ports, and waits for the API's health;
#   3. stores $ITEMS items through SQL (media_item rows of the six types in turn, ids above 50,000,000 so they meet
#      no provider id the simulator serves) and for each a random normalised 384-dimension vector of model $MODEL in
#      item_embedding (no event: the API's catch-up finds the new model within trackgeek.similar.catch-up-interval,
#      30 s, and streams it into its index as a rebuild would), and waits until the API's index holds them all
#      (GET /api/v1/similar/model);
#   4. picks $QUERIES random stored items; each query asks for limit=10 among every type (types=anime,...,book), so
#      every query scans all $ITEMS vectors: the worst case (the default, the item's own type, scans a sixth);
#   5. for each concurrency in $CONCURRENCY: warms up, then runs wrk against the similar route and against the
#      baseline (the same URLs with limit=0, a 400 before any lookup), alternating, $ROUNDS times, and reports the
#      median of each percentile;
#      after each concurrency it reads the index's own time per request (scan + exact re-rank, without HTTP and the
#      titles' round trip) from the API's timer trackgeek.similar.scan (percentiles over the last minute);
#   6. measures the copy rate with infra/benchmarks/lib/CopyRate.java (run by a JDK >= 21) while the pipeline idles;
#   7. stops the pipeline and deletes the data folder (KEEP=1 keeps it and the logs).
#
# Bytes scanned per query, counted honestly: the index scans every row's int8 codes (384 B) and its float32 scale
# (4 B), then re-ranks limit x candidates-factor (10 x 4 = 40) candidates exactly with their float32 vectors
# (1,536 B each): 100,000 x 388 + 40 x 1,536 = 38,861,440 B. (A plain float32 scan would read 153.6 MB.)
#
# Settings (environment variables, defaults in brackets): ITEMS [100000], MODEL [benchmark-random:384], QUERIES
# [2000], CONCURRENCY [1 4] (wrk connections; threads = min(connections, 2)), DURATION [15s], WARMUP [15s],
# ROUNDS [3], API_PORT [18080], POSTGRES_PORT [15433], and the standalone run's other ports SYNC_WORKER_PORT
# [18081], EMBEDDING_WORKER_PORT [18082], SIMULATOR_PORT [18090], KAFKA_PORT [19092]. MVN_ARGS [-B -q] is passed to
# ./mvnw (e.g. MVN_ARGS="-B -q -o" to build offline). TRACKGEEK_FIXTURES points the simulator at the fixture folder
# (default: ../shared/fixtures beside the repository).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ITEMS="${ITEMS:-100000}"
MODEL="${MODEL:-benchmark-random:384}"
DIMENSIONS=384
QUERIES="${QUERIES:-2000}"
CONCURRENCY="${CONCURRENCY:-1 4}"
DURATION="${DURATION:-15s}"
WARMUP="${WARMUP:-15s}"
ROUNDS="${ROUNDS:-3}"
API_PORT="${API_PORT:-18080}"
POSTGRES_PORT="${POSTGRES_PORT:-15433}"
MVN_ARGS="${MVN_ARGS:--B -q} -Dtrackgeek.standalone.tiered-stop-at-level=4"
# limit x trackgeek.similar.candidates-factor (api.yml), re-ranked in float32 per query.
CANDIDATES=40

BENCHMARK=similar
# shellcheck source=lib/pipeline.sh
source "$ROOT/infra/benchmarks/lib/pipeline.sh"

sql() {
    PGCONNECT_TIMEOUT=10 psql -X -q -v ON_ERROR_STOP=1 -h localhost -p "$POSTGRES_PORT" -U postgres -d trackgeek "$@"
}

# A java of version 21 or later (the one on PATH may be older): JAVA_HOME, PATH, then the usual JDK folders.
find_java() {
    local candidate version
    for candidate in "${JAVA_HOME:-/nonexistent}/bin/java" "$(command -v java || true)" /usr/lib/jvm/*/bin/java \
                     "$HOME"/.jdks/*/bin/java; do
        [ -x "$candidate" ] || continue
        version="$("$candidate" -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print v[1]; exit }')"
        if [ "${version:-0}" -ge 21 ] 2>/dev/null; then
            echo "$candidate"
            return
        fi
    done
    log "no java >= 21 found (set JAVA_HOME)"
    exit 1
}

fill_database() {
    log "storing $ITEMS items with a random $DIMENSIONS-dimension vector each (model $MODEL)"
    sql -v items="$ITEMS" -v model="$MODEL" -v dims="$DIMENSIONS" <<'EOF_SQL'
insert into media_item (media_type, provider_id, document, title, last_refreshed_at)
select (array['ANIME','MANGA','MOVIE','TV_SHOW','GAME','BOOK'])[1 + g % 6], 50000000 + g, '{}'::jsonb,
       'Benchmark title ' || g, now()
  from generate_series(1, :items) g
on conflict do nothing;

-- Normalised random vectors: uniform components, divided by their norm (the index normalises anyway). Stamped a
-- minute ago, all alike: the API's first catch-up reads the new model whole, and the next ones (which look back to
-- their predecessor's start less 10 s) find nothing to read again during the measurement.
insert into item_embedding (media_type, provider_id, model, dimensions, embedding, content_hash, embedded_at)
select m.media_type, m.provider_id, :'model', :dims, v.embedding, 'benchmark', now() - interval '1 minute'
  from media_item m,
       lateral (select array_agg(random() - 0.5) as raw from generate_series(1, :dims) where m.provider_id > 0) r,
       lateral (select sqrt(sum(x * x)) as norm from unnest(r.raw) x) n,
       lateral (select array_agg((x / n.norm)::real order by i) as embedding
                  from unnest(r.raw) with ordinality u(x, i)) v
 where m.provider_id > 50000000 and m.provider_id <= 50000000 + :items
on conflict do nothing;
analyze media_item;
analyze item_embedding;
EOF_SQL
    log "item_embedding holds $(sql -At -c "select count(*) from item_embedding where model = '$MODEL'") vectors of $MODEL"
}

wait_for_index() {
    log "waiting until the API's index holds the $ITEMS vectors (its catch-up runs every 30 s)"
    local start=$SECONDS indexed
    for _ in $(seq 1 600); do
        indexed="$(curl -s "http://127.0.0.1:$API_PORT/api/v1/similar/model" \
            | jq -r --arg m "$MODEL" '[.models[] | select(.model == $m) | .indexed][0] // 0')"
        if [ "${indexed:-0}" -ge "$ITEMS" ]; then
            log "indexed $indexed vectors $((SECONDS - start)) s after they were stored; the API's log:"
            grep -h "similar titles now answer\|similar-titles index" "$WORK/pipeline.log" | tail -n 3 >&2 || true
            curl -s "http://127.0.0.1:$API_PORT/api/v1/similar/model" | jq -c '{model, why, catalogItems}' >&2
            return
        fi
        sleep 1
    done
    log "the index did not reach $ITEMS vectors (last: $indexed)"
    exit 1
}

pick_queries() {
    sql -At -v n="$QUERIES" <<'EOF_SQL' >"$WORK/paths.txt"
select '/api/v1/' || case media_type when 'TV_SHOW' then 'tv' else lower(media_type) end || '/' || provider_id
       || '/similar?limit=10&types=anime,manga,movie,tv,game,book'
  from media_item where provider_id > 50000000 order by random() limit :n
EOF_SQL
    log "$(wc -l <"$WORK/paths.txt") queries, e.g. $(head -n 1 "$WORK/paths.txt")"
}

write_wrk_script() {
    cat >"$WORK/similar.lua" <<'EOF_LUA'
-- Sends each path in turn (from a random start per thread) and prints the latency percentiles (ms), the
-- requests, the answers that were not 2xx (all of the baseline's are 400s) and requests/s.
local paths = {}
local i = 0
local baseline = os.getenv("SIMILAR_BASELINE") == "1"

function init(args)
  for line in io.lines(os.getenv("SIMILAR_PATHS")) do
    if baseline then
      -- The same route and parameters, refused before any lookup: limit=0 is out of range.
      line = line:gsub("limit=10", "limit=0")
    end
    table.insert(paths, line)
  end
  i = math.random(#paths)
end

function request()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
EOF_LUA
    cat "$ROOT/infra/benchmarks/lib/wrk-done.lua" >>"$WORK/similar.lua"
}

# Prints "p50 p95 p99 requests errors requests/s" of one wrk run.
measure() {
    local baseline="$1" connections="$2" duration="$3" threads
    threads=$((connections < 2 ? connections : 2))
    SIMILAR_PATHS="$WORK/paths.txt" SIMILAR_BASELINE="$baseline" \
        wrk -t"$threads" -c"$connections" -d"$duration" -s "$WORK/similar.lua" "http://127.0.0.1:$API_PORT" | tail -n 1
}

# The index's own time per request (scan + exact re-rank, no HTTP, no titles' round trip), p50 p95 p99 in ms, from
# the API's timer trackgeek.similar.scan (percentiles over the last minute: the last rounds of one concurrency).
scan_percentiles() {
    curl -s "http://127.0.0.1:$API_PORT/actuator/prometheus" | awk -v m="model=\"$MODEL\"" '
        /^trackgeek_similar_scan_seconds\{/ && index($0, m) {
            if ($0 ~ /quantile="0.5"/) p50 = $NF * 1000
            if ($0 ~ /quantile="0.95"/) p95 = $NF * 1000
            if ($0 ~ /quantile="0.99"/) p99 = $NF * 1000
        }
        END { printf "%.3f %.3f %.3f\n", p50, p95, p99 }'
}

install_tools wrk:wrk psql:postgresql-client jq:jq
JAVA="$(find_java)"
start_pipeline
wait_for "the API" "http://localhost:$API_PORT/actuator/health" 900
fill_database
wait_for_index
pick_queries
write_wrk_script

code="$(curl -s -o "$WORK/sample.json" -w '%{http_code}' "http://127.0.0.1:$API_PORT$(head -n 1 "$WORK/paths.txt")")"
if [ "$code" != "200" ] || [ "$(jq -r .status "$WORK/sample.json")" != "ready" ]; then
    log "a similar request answered $code: $(head -c 400 "$WORK/sample.json")"
    exit 1
fi
log "sample: $(head -c 400 "$WORK/sample.json")"

for connections in $CONCURRENCY; do
    log "concurrency $connections: warming up both for $WARMUP each"
    measure 0 "$connections" "$WARMUP" >/dev/null
    measure 1 "$connections" "$WARMUP" >/dev/null
    : >"$WORK/similar-c$connections.txt"
    : >"$WORK/baseline-c$connections.txt"
    for round in $(seq 1 "$ROUNDS"); do
        similar="$(measure 0 "$connections" "$DURATION")"
        baseline="$(measure 1 "$connections" "$DURATION")"
        echo "$similar" >>"$WORK/similar-c$connections.txt"
        echo "$baseline" >>"$WORK/baseline-c$connections.txt"
        log "c=$connections round $round: similar p50/p95/p99 ms, requests, errors, req/s: $similar; baseline: $baseline"
    done
    if [ "$(awk '{ s += $5 } END { print s + 0 }' "$WORK/similar-c$connections.txt")" != "0" ]; then
        log "some similar requests failed"
        exit 1
    fi
    scan_percentiles >"$WORK/scan-c$connections.txt"
    log "c=$connections: the index's own scan + re-rank p50/p95/p99 ms over the last minute: $(cat "$WORK/scan-c$connections.txt")"
done

BYTES=$((ITEMS * (DIMENSIONS + 4) + CANDIDATES * DIMENSIONS * 4))
log "measuring the copy rate of $BYTES bytes ($JAVA)"
read -r _ copy_seconds copy_rate < <("$JAVA" "$ROOT/infra/benchmarks/lib/CopyRate.java" "$BYTES" 50)
floor_ms="$(awk -v s="$copy_seconds" 'BEGIN { printf "%.3f", s * 1000 }')"

printf 'similar titles: %s vectors of %s dimensions (model %s), limit=10 among every type, %s random items,\n' \
    "$ITEMS" "$DIMENSIONS" "$MODEL" "$(wc -l <"$WORK/paths.txt")"
printf '  wrk -d%s, median of %s rounds per concurrency\n' "$DURATION" "$ROUNDS"
printf '  bytes scanned per query: %s x (%s int8 + 4 scale) + %s candidates x %s float32 bytes = %s B\n' \
    "$ITEMS" "$DIMENSIONS" "$CANDIDATES" $((DIMENSIONS * 4)) "$BYTES"
printf '  copy rate (System.arraycopy of %s B, best of 50): %s GB/s -> memory-bandwidth floor %s ms\n' \
    "$BYTES" "$copy_rate" "$floor_ms"
for connections in $CONCURRENCY; do
    for p in 1 2 3; do
        name=$(echo "p50 p95 p99" | cut -d' ' -f"$p")
        s="$(median_of "$p" "$WORK/similar-c$connections.txt")"
        b="$(median_of "$p" "$WORK/baseline-c$connections.txt")"
        awk -v c="$connections" -v n="$name" -v s="$s" -v b="$b" -v f="$floor_ms" 'BEGIN {
            printf "  c=%s %s: similar %7.3f ms   baseline (400 before the index) %6.3f ms   similar/floor %5.2f\n", c, n, s, b, s / f }'
    done
    read -r scan50 scan95 scan99 <"$WORK/scan-c$connections.txt"
    awk -v c="$connections" -v a="$scan50" -v b="$scan95" -v d="$scan99" -v f="$floor_ms" 'BEGIN {
        printf "  c=%s the index alone (scan + re-rank, in the API): p50 %.3f ms (%.2f x floor), p95 %.3f ms (%.2f x floor), p99 %.3f ms\n", c, a, a / f, b, b / f, d }'
    awk -v c="$connections" -v s="$(median_of 6 "$WORK/similar-c$connections.txt")" \
        -v b="$(median_of 6 "$WORK/baseline-c$connections.txt")" \
        'BEGIN { printf "  c=%s throughput: similar %.0f requests/s, baseline %.0f requests/s\n", c, s, b }'
done
first="$(echo "$CONCURRENCY" | awk '{ print $1 }')"
p95="$(median_of 2 "$WORK/similar-c$first.txt")"
awk -v p95="$p95" -v f="$floor_ms" -v c="$first" 'BEGIN {
    printf "  target p95 <= 15 ms (c=%s): %s (%.3f ms)\n", c, (p95 <= 15 ? "PASS" : "FAIL"), p95
    printf "  target p95 <= 1.5 x floor (c=%s, HTTP end to end): %s (%.2f x %.3f ms)\n", c, (p95 <= 1.5 * f ? "PASS" : "FAIL"), p95 / f, f }'
read -r _ scan95 _ <"$WORK/scan-c$first.txt"
awk -v p95="$scan95" -v f="$floor_ms" -v c="$first" 'BEGIN {
    printf "  the index alone, p95 <= 1.5 x floor (c=%s): %s (%.2f x %.3f ms)\n", c, (p95 <= 1.5 * f ? "PASS" : "FAIL"), p95 / f, f }'
