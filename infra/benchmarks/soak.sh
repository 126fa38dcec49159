#!/usr/bin/env bash
# Soak (issue #12): $DURATION (30 minutes) of mixed load at a steady rate against the standalone run, measured in
# slices of $SLICE (5 minutes): per slice and kind of request the requests, the error rate, 429s and p50/p99
# latency; between slices the standalone JVM's heap after a full GC. Ends with the end heap against the start heap
# (target: within 10 %, PASS/FAIL), and with every sync request, bulk job and fetched item accounted for.
#
#   infra/benchmarks/soak.sh                                    # 30 minutes of load (about 40 minutes once built)
#   DURATION=3m SLICE=1m WARMUP=1m infra/benchmarks/soak.sh     # a try (about 8 minutes once built)
#
# What it does:
#   1. installs wrk, jq and the PostgreSQL client (psql) with apt-get if any is missing: runs `apt-get update` first,
#      so it needs root (or sudo) and network access to Debian's mirrors the first time;
#   2. starts the whole pipeline with `./mvnw -Pstandalone -Dtrackgeek.standalone.tiered-stop-at-level=4` (C2, as
#      deployed; the standalone run is C1-only by default for a fast start) on ports of its own (18180...: it may
#      run beside another benchmark), with a data folder under /tmp, and waits for the API's health. Configured
#      for the load, not to refuse it: TRACKGEEK_API_QUOTA_ANONYMOUS=1000000 (the load comes from one address
#      without a key, and its misses and searches are far over the 30 a minute of one anonymous client; 429s are
#      still counted apart) and TRACKGEEK_API_REFRESH_GUARD=$REFRESH_GUARD (an item may be refreshed again after
#      that long instead of 24 h, so refreshes do fetch and not only answer 409);
#   3. stores the items the load reads: a few recorded titles of each type (anime, manga, movie, tv, game, book)
#      and $SEED_MOVIES movies the fake TMDB synthesises (ids 1..$SEED_MOVIES), each read with ?wait=PT30S;
#   4. runs the load, one wrk process per kind (infra/benchmarks/lib/soak-load.lua: a steady rate held by a
#      timetable on the monotonic clock, not by the server's speed), all at once, for $WARMUP (not counted),
#      then slice after slice until $DURATION is spent:
#        read     GET /api/v1/{type}/{id} of a stored item                      READ_RATE [40]/s    only 2xx right
#        miss     GET /api/v1/movie/{id} of a movie never asked for: Kafka, a   MISS_RATE [1]/s     200 or 202
#                 sync worker, the fake TMDB, PostgreSQL, the embedding worker
#        search   GET /api/v1/{type}/search?q= titles of stored items (the      SEARCH_RATE [4]/s   200
#                 provider asked the first time, its answer cached after)
#        similar  GET /api/v1/{type}/{id}/similar of a stored item              SIMILAR_RATE [4]/s  200
#        refresh  POST /api/v1/movie/{id}/refresh with the demo key             REFRESH_RATE [0.2]/s 202, or 409
#                                                                                                   (refreshed lately)
#      plus a bulk job of $BULK_ITEMS movies (IDS selector, the demo key standalone-demo-key) at the start of each
#      slice. The rates are the targets; each kind's achieved rate is printed (a kind whose connections are all
#      waiting falls behind and says so: "skipped" slots);
#   5. between two slices (the load paused a few seconds, so the full GC stops no measured request): `jcmd <pid>
#      GC.run` twice, then `GC.heap_info`, with the jcmd of the standalone JVM's own JDK: the heap used after a full
#      GC (every generation), Metaspace, and from /proc the JVM's resident memory and threads; also
#      `GC.class_histogram`, from which the summary names the five classes that grew most. The first sample
#      (after the warm-up) is the start, the last (after the last slice) the end;
#   6. stops the load and waits (up to $DRAIN_TIMEOUT s) until nothing is queued or running: every sync request done
#      or failed, every bulk job finished, every item fetched also embedded; then counts, through PostgreSQL,
#      requests accepted vs completed, the misses accepted (a sync request recorded) vs stored, the bulk jobs'
#      items stored;
#   7. prints the summary (per slice and kind, totals, the heap trend, PASS/FAIL lines) and writes it to
#      infra/benchmarks/target/soak/soak-<UTC time>.txt; stops the pipeline and deletes the data folder (KEEP=1
#      keeps it and the logs).
# Judged (printed, not the exit status; the script exits non-zero only when it could not run):
#   heap after GC at the end <= 1.10 x at the start (a smaller end heap passes); error rate 0 (429s apart);
#   nothing stuck: no sync request open, no bulk job unfinished, every miss stored, no fetched item without a vector.
#
# Settings (environment variables, defaults in brackets): DURATION [30m], SLICE [5m], WARMUP [2m] (s, m or h),
# READ_RATE [40], MISS_RATE [1], SEARCH_RATE [4], SIMILAR_RATE [4], REFRESH_RATE [0.2] (requests a second),
# CONNECTIONS_READ [4], CONNECTIONS_MISS [8], CONNECTIONS_SEARCH [8], CONNECTIONS_SIMILAR [4], CONNECTIONS_REFRESH [2],
# BULK_ITEMS [25] (0: no bulk jobs), SEED_MOVIES [300], REFRESH_GUARD [1m], TIMEOUT [35s] (wrk's, per request),
# DRAIN_TIMEOUT [300], API_PORT [18180], SYNC_WORKER_PORT [18181], EMBEDDING_WORKER_PORT [18182], SIMULATOR_PORT
# [18190], POSTGRES_PORT [15533], KAFKA_PORT [19192]. MVN_ARGS [-B -q] is passed to ./mvnw (e.g. MVN_ARGS="-B -q -o"
# to build offline). TRACKGEEK_FIXTURES points the simulator at the fixture folder (default: ../shared/fixtures).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# "30m", "90s", "1h" or plain seconds -> seconds.
seconds_of() {
    case "$1" in
        *h) echo $((${1%h} * 3600)) ;;
        *m) echo $((${1%m} * 60)) ;;
        *s) echo "${1%s}" ;;
        *) echo "$1" ;;
    esac
}

DURATION_S="$(seconds_of "${DURATION:-30m}")"
SLICE_S="$(seconds_of "${SLICE:-5m}")"
WARMUP_S="$(seconds_of "${WARMUP:-2m}")"
READ_RATE="${READ_RATE:-40}"
MISS_RATE="${MISS_RATE:-1}"
SEARCH_RATE="${SEARCH_RATE:-4}"
SIMILAR_RATE="${SIMILAR_RATE:-4}"
REFRESH_RATE="${REFRESH_RATE:-0.2}"
CONNECTIONS_READ="${CONNECTIONS_READ:-4}"
CONNECTIONS_MISS="${CONNECTIONS_MISS:-8}"
CONNECTIONS_SEARCH="${CONNECTIONS_SEARCH:-8}"
CONNECTIONS_SIMILAR="${CONNECTIONS_SIMILAR:-4}"
CONNECTIONS_REFRESH="${CONNECTIONS_REFRESH:-2}"
BULK_ITEMS="${BULK_ITEMS:-25}"
SEED_MOVIES="${SEED_MOVIES:-300}"
REFRESH_GUARD="${REFRESH_GUARD:-1m}"
TIMEOUT="${TIMEOUT:-35s}"
DRAIN_TIMEOUT="${DRAIN_TIMEOUT:-300}"
API_PORT="${API_PORT:-18180}"
export SYNC_WORKER_PORT="${SYNC_WORKER_PORT:-18181}"
export EMBEDDING_WORKER_PORT="${EMBEDDING_WORKER_PORT:-18182}"
export SIMULATOR_PORT="${SIMULATOR_PORT:-18190}"
export POSTGRES_PORT="${POSTGRES_PORT:-15533}"
export KAFKA_PORT="${KAFKA_PORT:-19192}"
MVN_ARGS="${MVN_ARGS:--B -q} -Dtrackgeek.standalone.tiered-stop-at-level=4"
DEMO_KEY=standalone-demo-key

# Ids of the load's movies, each range its own: the seed (read, searched, refreshed), the bulk jobs (one range of
# 1,000 per job) and the misses (one range of 20,000 per slice, far more than a slice asks). The fake TMDB
# synthesises every id up to 1,000,000.
BULK_FIRST_ID=200001
MISS_FIRST_ID=500001
MISS_IDS_PER_SLICE=20000

# Recorded titles of every type besides the synthesised movies: "path" lines as the API reads them.
RECORDED_ITEMS="anime/5114 anime/457 anime/20 anime/1735 manga/25 movie/671 tv/4607 game/19560 book/328491"

BENCHMARK=soak
# shellcheck source=lib/pipeline.sh
source "$ROOT/infra/benchmarks/lib/pipeline.sh"

API="http://127.0.0.1:$API_PORT"
OUT_DIR="$ROOT/infra/benchmarks/target/soak"
OUT="$OUT_DIR/soak-$(date -u +%Y%m%dT%H%M%SZ).txt"
LOAD_LUA="$ROOT/infra/benchmarks/lib/soak-load.lua"
KINDS="read miss search similar refresh"

export TRACKGEEK_API_QUOTA_ANONYMOUS=1000000
export TRACKGEEK_API_REFRESH_GUARD="$REFRESH_GUARD"

fail() {
    log "$*"
    exit 1
}

sql() {
    PGCONNECT_TIMEOUT=10 psql -X -q -At -v ON_ERROR_STOP=1 -h localhost -p "$POSTGRES_PORT" -U postgres -d trackgeek "$@"
}

# The standalone JVM (StandaloneLauncher, a child of Maven in the pipeline's process group) and its own JDK's jcmd.
find_jvm() {
    for _ in $(seq 1 30); do
        JVM_PID="$(pgrep -g "$PIPELINE_PID" -f 'com.trackgeek.standalone.StandaloneLauncher' | head -n 1 || true)"
        [ -n "$JVM_PID" ] && break
        sleep 1
    done
    [ -n "$JVM_PID" ] || fail "no StandaloneLauncher JVM in the pipeline's process group $PIPELINE_PID"
    JCMD="$(dirname "$(readlink -f "/proc/$JVM_PID/exe")")/jcmd"
    [ -x "$JCMD" ] || JCMD="$(command -v jcmd || true)"
    [ -n "$JCMD" ] || fail "no jcmd beside $(readlink -f "/proc/$JVM_PID/exe") nor on PATH"
    log "the standalone JVM is pid $JVM_PID ($(readlink -f "/proc/$JVM_PID/exe")); jcmd: $JCMD"
}

# One line "label epoch heap_mb metaspace_mb rss_mb threads": heap used after two full GCs (every generation's
# "used" in GC.heap_info, whichever collector), Metaspace used (VM.metaspace), the JVM's resident memory and threads.
heap_sample() {
    local label="$1" info
    "$JCMD" "$JVM_PID" GC.run >/dev/null
    "$JCMD" "$JVM_PID" GC.run >/dev/null
    info="$("$JCMD" "$JVM_PID" GC.heap_info; "$JCMD" "$JVM_PID" VM.metaspace basic)"
    echo "$info" >"$WORK/heap-$label.txt"
    # What the heap holds, class by class (after a full GC of its own), for the summary's growth between samples.
    "$JCMD" "$JVM_PID" GC.class_histogram >"$WORK/histogram-$label.txt"
    awk -v label="$label" -v epoch="$(date +%s)" -v status="/proc/$JVM_PID/status" '
        /total [0-9]+K, used [0-9]+K/ && !/Metaspace|class space/ {
            match($0, /used [0-9]+K/); heap += substr($0, RSTART + 5, RLENGTH - 6)
        }
        /Metaspace/ && /used [0-9]+K/ { match($0, /used [0-9]+K/); meta = substr($0, RSTART + 5, RLENGTH - 6) }
        END {
            while ((getline line < status) > 0) {
                split(line, f, /[ \t]+/)
                if (f[1] == "VmRSS:") rss = f[2]
                if (f[1] == "Threads:") threads = f[2]
            }
            if (heap == 0) exit 1
            printf "%s %d %.1f %.1f %.1f %d\n", label, epoch, heap / 1024, meta / 1024, rss / 1024, threads
        }' <<<"$info" || fail "could not read the heap from GC.heap_info: $info"
}

# Reads each path (with ?wait=PT30S) 16 at a time; prints "code path" a line.
read_all() {
    local file="$1" path
    : >"$WORK/read-all.urls"
    while read -r path; do
        echo "url = \"$API$path?wait=PT30S\"" >>"$WORK/read-all.urls"
        echo "output = /dev/null" >>"$WORK/read-all.urls"
    done <"$file"
    curl -s --no-progress-meter --parallel --parallel-max 16 --max-time 60 -w '%{http_code} %{url_effective}\n' \
        -K "$WORK/read-all.urls" 2>>"$WORK/read-all.err" | sed "s|$API||; s|?wait=PT30S||" || true
}

store_seed_items() {
    local path
    : >"$WORK/seed.paths"
    for path in $RECORDED_ITEMS; do
        echo "/api/v1/$path" >>"$WORK/seed.paths"
    done
    seq 1 "$SEED_MOVIES" | sed 's|^|/api/v1/movie/|' >>"$WORK/seed.paths"
    log "storing $(wc -l <"$WORK/seed.paths") items for the load to read ($SEED_MOVIES synthesised movies and $RECORDED_ITEMS)"
    read_all "$WORK/seed.paths" >"$WORK/seed.codes"
    # Anything not stored yet (a recorded anime waits for Jikan's 60 calls a minute) is read again once.
    awk '$1 != "200" { print $2 }' "$WORK/seed.codes" >"$WORK/seed.again"
    if [ -s "$WORK/seed.again" ]; then
        log "$(wc -l <"$WORK/seed.again") not answered 200 yet; reading them again"
        read_all "$WORK/seed.again" >>"$WORK/seed.codes"
    fi
    awk '$1 == "200" { print $2 }' "$WORK/seed.codes" | sort -u >"$WORK/read.paths"
    [ "$(wc -l <"$WORK/read.paths")" -ge $((SEED_MOVIES / 2)) ] \
        || fail "only $(wc -l <"$WORK/read.paths") of $(wc -l <"$WORK/seed.paths") seed items answered 200"
    log "$(wc -l <"$WORK/read.paths") items stored; the load reads them"
    sed 's|$|/similar|' "$WORK/read.paths" >"$WORK/similar.paths"
    grep '^/api/v1/movie/' "$WORK/read.paths" | sed 's|$|/refresh|' >"$WORK/refresh.paths"
    # Searches: the stored items' titles (the first three words), of the item's own type.
    sql -F ' ' -c "select case media_type when 'TV_SHOW' then 'tv' else lower(media_type) end, title
                     from media_item order by random() limit 60" \
        | while read -r type title; do
            printf '/api/v1/%s/search?q=%s\n' "$type" "$(printf %s "$title" | cut -d' ' -f1-3 | tr -d '\n' | jq -sRr @uri)"
        done >"$WORK/search.paths"
    log "$(wc -l <"$WORK/search.paths") searches, e.g. $(head -n 1 "$WORK/search.paths")"
}

# Starts one wrk of KIND in the background for DURATION seconds; its last line goes to FILE.
start_kind() {
    local kind="$1" seconds="$2" file="$3" slice_index="$4" rate connections
    local -a env=(SOAK_KIND="$kind")
    case "$kind" in
        read) rate="$READ_RATE" connections="$CONNECTIONS_READ" env+=(SOAK_PATHS="$WORK/read.paths") ;;
        miss) rate="$MISS_RATE" connections="$CONNECTIONS_MISS"
              env+=(SOAK_TEMPLATE="/api/v1/movie/%d" SOAK_FIRST_ID=$((MISS_FIRST_ID + slice_index * MISS_IDS_PER_SLICE))) ;;
        search) rate="$SEARCH_RATE" connections="$CONNECTIONS_SEARCH" env+=(SOAK_PATHS="$WORK/search.paths") ;;
        similar) rate="$SIMILAR_RATE" connections="$CONNECTIONS_SIMILAR" env+=(SOAK_PATHS="$WORK/similar.paths") ;;
        refresh) rate="$REFRESH_RATE" connections="$CONNECTIONS_REFRESH"
                 env+=(SOAK_PATHS="$WORK/refresh.paths" SOAK_METHOD=POST SOAK_KEY="$DEMO_KEY" SOAK_EXPECTED=409) ;;
    esac
    if awk -v r="$rate" 'BEGIN { exit !(r <= 0) }'; then
        return
    fi
    env "${env[@]}" SOAK_RATE="$rate" wrk -t1 -c"$connections" -d"${seconds}s" --timeout "$TIMEOUT" -s "$LOAD_LUA" "$API" \
        >"$file.out" 2>&1 &
    LOAD_PIDS+=("$!")
}

# POSTs a bulk job of BULK_ITEMS movies (the INDEX-th range); its id is appended to bulk.jobs.
start_bulk_job() {
    local index="$1" first code
    [ "$BULK_ITEMS" -gt 0 ] || return 0
    first=$((BULK_FIRST_ID + index * 1000))
    code="$(curl -s -o "$WORK/bulk-$index.json" -w '%{http_code}' --max-time 30 -X POST "$API/api/v1/bulk-syncs" \
        -H "X-API-Key: $DEMO_KEY" -H 'Content-Type: application/json' \
        -d "{\"selector\":{\"kind\":\"IDS\",\"type\":\"MOVIE\",\"ids\":[$(seq -s, "$first" $((first + BULK_ITEMS - 1)))]}}")"
    if [ "$code" = "202" ]; then
        jq -r '.id' "$WORK/bulk-$index.json" >>"$WORK/bulk.jobs"
    else
        log "POST /api/v1/bulk-syncs answered $code: $(head -c 300 "$WORK/bulk-$index.json")"
        echo "$code" >>"$WORK/bulk.refused"
    fi
}

# One slice: every kind at once for SECONDS; "slice-LABEL.txt" gets one line per kind (see soak-load.lua).
run_slice() {
    local label="$1" seconds="$2" index="$3" kind
    LOAD_PIDS=()
    start_bulk_job "$index"
    for kind in $KINDS; do
        start_kind "$kind" "$seconds" "$WORK/slice-$label-$kind" "$index"
    done
    [ "${#LOAD_PIDS[@]}" -gt 0 ] || fail "every rate is 0: nothing to send"
    wait "${LOAD_PIDS[@]}" || fail "a wrk of slice $label failed: $(tail -n 3 "$WORK"/slice-"$label"-*.out)"
    : >"$WORK/slice-$label.txt"
    for kind in $KINDS; do
        [ -f "$WORK/slice-$label-$kind.out" ] && tail -n 1 "$WORK/slice-$label-$kind.out" >>"$WORK/slice-$label.txt"
    done
    log "slice $label: $(awk '{ printf "%s %d req %.1f/s err %d 429 %d p99 %.1f ms; ", $1, $2, $11, $6, $5, $9 }' "$WORK/slice-$label.txt")"
}

open_work() {
    sql -F ' ' -c "select (select count(*) from sync_request where status in ('queued', 'running')),
                          (select count(*) from bulk_job where status in ('queued', 'expanding', 'running')),
                          (select count(*) from media_item m where not exists
                                  (select 1 from item_embedding e where e.media_type = m.media_type and e.provider_id = m.provider_id)),
                          (select count(*) from embedding_request where processed_at is null)"
}

drain() {
    local started=$SECONDS open
    log "load stopped; waiting until nothing is queued or running (up to ${DRAIN_TIMEOUT}s)"
    while true; do
        open="$(open_work)"
        [ "$open" = "0 0 0 0" ] && break
        if [ $((SECONDS - started)) -ge "$DRAIN_TIMEOUT" ]; then
            log "still open after ${DRAIN_TIMEOUT}s (sync requests, bulk jobs, items without a vector, embedding requests): $open"
            break
        fi
        sleep 2
    done
    DRAIN_SECONDS=$((SECONDS - started))
    DRAIN_OPEN="$open"
}

# ---- run ---------------------------------------------------------------------------------------------------------
install_tools wrk:wrk jq:jq psql:postgresql-client
[ "$SLICE_S" -gt 0 ] && [ "$DURATION_S" -gt 0 ] || fail "DURATION and SLICE must be positive"
start_pipeline
wait_for "the API" "$API/actuator/health" 900
find_jvm
store_seed_items

log "warming up for ${WARMUP_S}s with the same load (not counted)"
: >"$WORK/bulk.jobs"
run_slice warmup "$WARMUP_S" 0
: >"$WORK/heap.txt"
heap_sample start | tee -a "$WORK/heap.txt" >&2

SLICES=()
index=1
remaining="$DURATION_S"
while [ "$remaining" -gt 0 ]; do
    seconds=$((remaining < SLICE_S ? remaining : SLICE_S))
    label="$(printf '%02d' "$index")"
    log "slice $label: ${seconds}s"
    run_slice "$label" "$seconds" "$index"
    SLICES+=("$label")
    remaining=$((remaining - seconds))
    heap_sample "$label" | tee -a "$WORK/heap.txt" >&2
    index=$((index + 1))
done

drain

# ---- figures -----------------------------------------------------------------------------------------------------
first_label="${SLICES[0]}"
last_label="${SLICES[${#SLICES[@]} - 1]}"
for label in "${SLICES[@]}"; do
    sed "s/^/$label /" "$WORK/slice-$label.txt"
done >"$WORK/slices.txt"

# The misses: slice i (the warm-up is 0) asked the movies first_i .. first_i + issued - 1.
miss_ranges="$( { sed 's/^/00 /' "$WORK/slice-warmup.txt"; cat "$WORK/slices.txt"; } \
    | awk -v f="$MISS_FIRST_ID" -v n="$MISS_IDS_PER_SLICE" '$2 == "miss" && $13 > 0 {
        first = f + ($1 + 0) * n; printf "%s(provider_id between %d and %d)", (c++ ? " or " : ""), first, first + $13 - 1 }')"
misses_asked="$( { sed 's/^/00 /' "$WORK/slice-warmup.txt"; cat "$WORK/slices.txt"; } | awk '$2 == "miss" { s += $13 } END { print s + 0 }')"
# Asked = written by wrk (the last one of a slice may not have reached the api when wrk stopped); accepted = a sync
# request recorded by the api; lost = accepted and not stored.
misses_stored=0 misses_accepted=0
if [ -n "$miss_ranges" ]; then
    misses_stored="$(sql -c "select count(*) from media_item where media_type = 'MOVIE' and ($miss_ranges)")"
    misses_accepted="$(sql -c "select count(distinct provider_id) from sync_request where media_type = 'MOVIE' and ($miss_ranges)")"
fi
read -r sync_total sync_done sync_failed sync_open < <(sql -F ' ' -c "select count(*), count(*) filter (where status = 'done'),
    count(*) filter (where status = 'failed'), count(*) filter (where status in ('queued', 'running')) from sync_request")
sync_failures="$(sql -F ' ' -c "select coalesce(error_code, '-') || '=' || count(*) from sync_request where status = 'failed' group by error_code" | paste -sd, -)"
bulk_jobs="$(wc -l <"$WORK/bulk.jobs")"
bulk_refused="$( [ -f "$WORK/bulk.refused" ] && wc -l <"$WORK/bulk.refused" || echo 0)"
if [ "$bulk_jobs" -gt 0 ]; then
    read -r bulk_done bulk_stored bulk_items < <(sql -F ' ' -c "select count(*) filter (where status = 'done'),
        (select count(*) from bulk_job_item i where i.outcome = 'stored' and i.job_id in ($(sed "s/.*/'&'/" "$WORK/bulk.jobs" | paste -sd, -))),
        (select count(*) from bulk_job_item i where i.job_id in ($(sed "s/.*/'&'/" "$WORK/bulk.jobs" | paste -sd, -)))
        from bulk_job where id in ($(sed "s/.*/'&'/" "$WORK/bulk.jobs" | paste -sd, -))")
else
    bulk_done=0 bulk_stored=0 bulk_items=0
fi
read -r items_total items_without_vector < <(sql -F ' ' -c "select count(*), count(*) filter (where not exists
    (select 1 from item_embedding e where e.media_type = m.media_type and e.provider_id = m.provider_id)) from media_item m")
read -r _ open_bulk _ open_embeddings <<<"$DRAIN_OPEN"

mkdir -p "$OUT_DIR"
{
    printf 'soak: %s of mixed load at a steady rate against the standalone run (after a %ss warm-up), in slices of %ss\n' \
        "${DURATION:-30m}" "$WARMUP_S" "$SLICE_S"
    printf '  target rates/s: read %s, miss %s, search %s, similar %s, refresh %s; a bulk job of %s movies per slice\n' \
        "$READ_RATE" "$MISS_RATE" "$SEARCH_RATE" "$SIMILAR_RATE" "$REFRESH_RATE" "$BULK_ITEMS"
    printf '  quota of one address raised (TRACKGEEK_API_QUOTA_ANONYMOUS=1000000), refresh guard %s; 429s counted apart\n' "$REFRESH_GUARD"
    printf '  JVM: %s, %s\n' "$(readlink -f "/proc/$JVM_PID/exe")" "$(tr '\0' ' ' <"/proc/$JVM_PID/cmdline" | grep -o -- '-XX:+Use[A-Za-z]*GC' || echo 'default GC')"
    echo
    echo "per slice and kind (latency in ms; err = not 2xx/3xx, not 429, not an expected 4xx, or a socket error):"
    printf '  %-5s %-8s %8s %8s %9s %6s %6s %8s %8s %8s %9s %8s\n' slice kind requests "req/s" "expected" 429 err "err %" p50 p99 max skipped
    awk '{ printf "  %-5s %-8s %8d %8.2f %9d %6d %6d %8.3f %8.2f %8.2f %9.1f %8d\n", $1, $2, $3, $12, $5, $6, $7,
               ($3 > 0 ? 100 * $7 / $3 : 0), $8, $10, $11, $14 }' "$WORK/slices.txt"
    echo
    echo "whole soak per kind (p99: the first slice's, the last slice's and the worst slice's):"
    printf '  %-8s %9s %9s %6s %6s %8s %10s %10s %10s  %s\n' kind requests expected 429 err "err %" "p99 first" "p99 last" "p99 worst" "statuses (last slice)"
    for kind in $KINDS; do
        awk -v k="$kind" -v f="$first_label" -v l="$last_label" '$2 == k {
                r += $3; e += $5; q += $6; x += $7; if ($10 > w) w = $10
                if ($1 == f) pf = $10
                if ($1 == l) { pl = $10; codes = $15 } seen = 1 }
            END { if (seen) printf "  %-8s %9d %9d %6d %6d %8.3f %10.2f %10.2f %10.2f  %s\n", k, r, e, q, x, (r > 0 ? 100 * x / r : 0), pf, pl, w, codes }' \
            "$WORK/slices.txt"
    done
    awk '{ r += $3; x += $7; q += $6 } END { printf "  all      %9d requests, %d errors (%.3f %%), %d answered 429\n", r, x, (r > 0 ? 100 * x / r : 0), q }' "$WORK/slices.txt"
    echo
    echo "heap of the standalone JVM after a full GC (jcmd GC.run x2, GC.heap_info), between slices:"
    printf '  %-7s %9s %10s %13s %10s %8s\n' sample minute "heap MB" "metaspace MB" "RSS MB" threads
    awk 'NR == 1 { t0 = $2 } { printf "  %-7s %9.1f %10.1f %13.1f %10.1f %8d\n", $1, ($2 - t0) / 60, $3, $4, $5, $6 }' "$WORK/heap.txt"
    awk 'NR == 1 { t0 = $2 } { x = ($2 - t0) / 3600; n++; sx += x; sy += $3; sxx += x * x; sxy += x * $3 }
         END { if (n > 1 && sxx * n - sx * sx > 0) printf "  trend (least squares over the samples): %+.1f MB an hour\n", (n * sxy - sx * sy) / (n * sxx - sx * sx) }' "$WORK/heap.txt"
    read -r _ _ heap_start meta_start _ threads_start < <(head -n 1 "$WORK/heap.txt")
    read -r _ _ heap_end meta_end _ threads_end < <(tail -n 1 "$WORK/heap.txt")
    awk -v s="$heap_start" -v e="$heap_end" 'BEGIN {
        printf "  heap after GC: start %.1f MB, end %.1f MB (%+.1f %%); target: end within 10 %% of start: %s\n",
            s, e, 100 * (e - s) / s, (e <= 1.10 * s ? "PASS" : "FAIL") }'
    printf '  metaspace %s -> %s MB, threads %s -> %s\n' "$meta_start" "$meta_end" "$threads_start" "$threads_end"
    echo "  the classes that grew most from the start to the end (jcmd GC.class_histogram; all of it in the work folder):"
    awk 'FNR == 1 { file++ } $1 ~ /^[0-9]+:$/ { key = $4; for (i = 5; i <= NF; i++) key = key " " $i
             if (file == 1) { b0[key] = $3; n0[key] = $2 } else { b1[key] = $3; n1[key] = $2 } }
         END { for (k in b1) printf "%d %d %s\n", b1[k] - b0[k], n1[k] - n0[k], k
               for (k in b0) if (!(k in b1)) printf "%d %d %s\n", -b0[k], -n0[k], k }' \
        "$WORK/histogram-start.txt" "$WORK/histogram-$last_label.txt" | sort -k1,1nr \
        | awk 'NR <= 5 { c = $3; for (i = 4; i <= NF; i++) c = c " " $i; printf "    %+10.1f KB %+9d instances  %s\n", $1 / 1024, $2, c }'
    echo
    echo "nothing stuck (PostgreSQL, after the load stopped and ${DRAIN_SECONDS}s of draining):"
    printf '  sync requests accepted %s: done %s, failed %s (%s), still queued or running %s\n' \
        "$sync_total" "$sync_done" "$sync_failed" "${sync_failures:--}" "$sync_open"
    printf '  misses (distinct movies never asked before) written by wrk %s, accepted by the api %s, stored %s\n' \
        "$misses_asked" "$misses_accepted" "$misses_stored"
    printf '  bulk jobs started %s (refused %s): done %s, items stored %s of %s; still unfinished %s\n' \
        "$bulk_jobs" "$bulk_refused" "$bulk_done" "$bulk_stored" "$bulk_items" "$open_bulk"
    printf '  items stored %s, without a vector %s; embedding requests not processed %s\n' \
        "$items_total" "$items_without_vector" "$open_embeddings"
    errors="$(awk '{ x += $7 } END { print x + 0 }' "$WORK/slices.txt")"
    stuck=$((sync_open + open_bulk + items_without_vector + open_embeddings))
    lost=$((misses_accepted > misses_stored ? misses_accepted - misses_stored : 0))
    printf '  error rate 0 (429s apart): %s (%s errors)\n' "$([ "$errors" -eq 0 ] && echo PASS || echo FAIL)" "$errors"
    printf '  nothing stuck or lost: %s (%s open, %s misses not stored, %s bulk items not stored, %s sync requests failed)\n' \
        "$([ "$stuck" -eq 0 ] && [ "$lost" -eq 0 ] && [ "$bulk_stored" -eq "$bulk_items" ] && [ "$sync_failed" -eq 0 ] && echo PASS || echo FAIL)" \
        "$stuck" "$lost" $((bulk_items - bulk_stored)) "$sync_failed"
} | tee "$OUT"
log "summary written to $OUT"
