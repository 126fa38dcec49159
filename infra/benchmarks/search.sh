#!/usr/bin/env bash
# Benchmark: latency of database-only search (`GET /api/v1/{type}/search` and `GET /api/v1/search`) with
# 100,000 stored items of the six media types, against a baseline measured in the same run: the same HTTP
# load on the same route with a query the API refuses before it reaches the database (400), so the
# difference is the search itself. Prints p50/p95/p99 of both and the ratios; the target of issue #7 is a
# search p95 <= 20 ms on a 2-core machine.
#
#   infra/benchmarks/search.sh
#
# What it does:
#   1. installs wrk and the PostgreSQL client (psql) with apt-get if either is missing: runs `apt-get update`
#      first, so it needs root (or sudo) and network access to Debian's mirrors the first time;
#   2. starts the whole pipeline with `./mvnw -Pstandalone` (which builds every module first, tests skipped)
#      in the background, with its own data folder under /tmp and its own ports, and waits for the API's health
#      (the API's start-up migrates the schema, search index included);
#   3. fills media_item with $ITEMS generated rows through SQL (titles made of common title words in random
#      combinations, each with a Japanese and a romanised alternative title, mixed types, ids above 50,000,000
#      so they meet no provider id the simulator serves), then ANALYZEs it;
#   4. picks $QUERIES varied queries from the stored rows: whole titles, single words, parts of words, Japanese
#      alternative titles, accented and upper-cased spellings, misspellings, and words stored nowhere; each is
#      sent to a type's search or to the search across types, in turn;
#   5. warms up, then runs wrk ($THREADS threads, $CONNECTIONS connections, $DURATION) against the search and
#      against the baseline, alternating, $ROUNDS times, and reports the median of each percentile;
#   6. stops the pipeline and deletes the data folder (KEEP=1 keeps it and the logs).
#
# Settings (environment variables, defaults in brackets): ITEMS [100000], QUERIES [300], THREADS [2],
# CONNECTIONS [4], DURATION [20s], WARMUP [20s], ROUNDS [3], API_PORT [18080], POSTGRES_PORT [15433], and the
# standalone run's other ports SYNC_WORKER_PORT [18081], EMBEDDING_WORKER_PORT [18082], SIMULATOR_PORT [18090],
# KAFKA_PORT [19092]. MVN_ARGS [-B -q] is passed to ./mvnw (e.g. MVN_ARGS="-B -q -o" to build offline).
# TRACKGEEK_FIXTURES points the simulator at the fixture folder (default: ../shared/fixtures beside the repository).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ITEMS="${ITEMS:-100000}"
QUERIES="${QUERIES:-300}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-4}"
DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-20s}"
ROUNDS="${ROUNDS:-3}"
API_PORT="${API_PORT:-18080}"
POSTGRES_PORT="${POSTGRES_PORT:-15433}"
MVN_ARGS="${MVN_ARGS:--B -q}"

BENCHMARK=search
# shellcheck source=lib/pipeline.sh
source "$ROOT/infra/benchmarks/lib/pipeline.sh"

sql() {
    PGCONNECT_TIMEOUT=10 psql -X -q -v ON_ERROR_STOP=1 -h localhost -p "$POSTGRES_PORT" -U postgres -d trackgeek "$@"
}

fill_database() {
    log "storing $ITEMS generated items"
    sql -v items="$ITEMS" <<'EOF'
-- Common title words (English, romanised Japanese, some accented), and katakana syllables for the Japanese
-- alternative title: titles of one to four words give the index a realistic spread of trigrams.
create temporary table words as
select array['shadow','dragon','love','night','star','blade','girl','world','war','king','heart','dream',
             'school','hero','magic','sword','city','ghost','moon','sun','fire','ice','last','first','secret',
             'lost','wild','blue','red','black','white','golden','silent','broken','eternal','little','great',
             'story','legend','chronicle','journey','academy','kingdom','empire','garden','ocean','river',
             'mountain','island','summer','winter','spring','autumn','tokyo','paris','café','pokémon','naïve',
             'élan','señor','über','kimi','no','na','wa','boku','sekai','yume','hikari','kaze','sora','hana',
             'tenshi','akuma','mahou','shoujo','senki','monogatari','densetsu','alchemist','brotherhood',
             'requiem','symphony','protocol','machine','robot','galaxy','planet','hunter','witch','knight',
             'prince','princess','detective','doctor','killer','angel','demon','spirit','memory','promise'] as w,
       array['ア','イ','ウ','エ','オ','カ','キ','ク','ケ','コ','サ','シ','ス','セ','ソ','タ','チ','ツ','テ','ト',
             'ナ','ニ','ヌ','ネ','ノ','ハ','ヒ','フ','ヘ','ホ','マ','ミ','ム','メ','モ','ラ','リ','ル','レ','ロ',
             'の','に','を','と','が','は','物','語','世','界','夢','光','風','空','花','天','使','魔','法','少','女'] as k;

-- Types as MediaType names them (TV_SHOW, not TV), which is what the searches filter on.
insert into media_item (media_type, provider_id, document, title, alternative_titles, release_status,
                        release_year, image_url, last_refreshed_at)
select (array['ANIME','MANGA','MOVIE','TV_SHOW','GAME','BOOK'])[1 + g % 6], 50000000 + g, '{}'::jsonb,
       t.title, array[t.japanese, upper(left(t.title, 1)) || substr(t.title, 2) || ' (' || g % 97 || ')'],
       'Finished', 1960 + g % 65, 'https://example.invalid/' || g || '.jpg', now()
  from generate_series(1, :items) g,
       lateral (select initcap(array_to_string(array(
                           select w[1 + floor(random() * array_length(w, 1))::int]
                             from generate_series(1, 1 + (g * 7) % 4) where g > 0), ' ')) as title,
                       array_to_string(array(
                           select k[1 + floor(random() * array_length(k, 1))::int]
                             from generate_series(1, 3 + g % 6) where g > 0), '') as japanese
                  from words) t
on conflict do nothing;
analyze media_item;
EOF
    log "media_item holds $(sql -At -c 'select count(*) from media_item') rows"
}

pick_queries() {
    # One query per line: whole titles, first words, parts of words, Japanese titles, accents and case
    # changed, a letter dropped (a misspelling), and words stored nowhere; -v keeps psql from expanding them.
    sql -At -v n="$QUERIES" <<'EOF' >"$WORK/queries.txt"
select q from (
    select title as q from media_item where provider_id > 50000000 order by random() limit :n / 6
) a
union all select * from (select lower(split_part(title, ' ', 1)) from media_item where provider_id > 50000000 order by random() limit :n / 6) b
union all select * from (select left(lower(title), 4 + length(title) % 3) from media_item where provider_id > 50000000 order by random() limit :n / 6) c
union all select * from (select alternative_titles[1] from media_item where provider_id > 50000000 order by random() limit :n / 6) d
union all select * from (select upper(replace(replace(title, 'e', 'é'), 'a', 'à')) from media_item where provider_id > 50000000 order by random() limit :n / 12) e
union all select * from (select overlay(lower(title) placing '' from 3 for 1) from media_item where provider_id > 50000000 and length(title) > 8 order by random() limit :n / 12) f
union all select 'zzqx' || g || ' unknown title' from generate_series(1, :n / 6) g
EOF
    log "$(wc -l <"$WORK/queries.txt") queries, e.g.: $(shuf -n 5 "$WORK/queries.txt" | paste -sd '|')"
}

write_wrk_script() {
    cat >"$WORK/search.lua" <<'EOF'
-- Sends each query in turn, to one type's search or to the search across types, and prints the latency
-- percentiles (ms) and the answers that were not 2xx.
local paths = {"/api/v1/anime/search", "/api/v1/manga/search", "/api/v1/movie/search", "/api/v1/tv/search",
               "/api/v1/game/search", "/api/v1/book/search", "/api/v1/search"}
local queries = {}
local i = 0

local function encode(text)
  return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  for line in io.lines(os.getenv("SEARCH_QUERIES")) do
    table.insert(queries, encode(line))
  end
  i = math.random(#queries)
end

function request()
  i = i + 1
  local path = paths[(i % #paths) + 1]
  if os.getenv("SEARCH_BASELINE") == "1" then
    -- The same route and parameter parsing, refused before the database: limit=0 is out of range.
    return wrk.format("GET", path .. "?q=" .. queries[(i % #queries) + 1] .. "&limit=0")
  end
  return wrk.format("GET", path .. "?q=" .. queries[(i % #queries) + 1])
end
EOF
    cat "$ROOT/infra/benchmarks/lib/wrk-done.lua" >>"$WORK/search.lua"
}

# Prints "p50 p95 p99 requests errors requests/s" of one wrk run.
measure() {
    local baseline="$1" duration="$2"
    SEARCH_QUERIES="$WORK/queries.txt" SEARCH_BASELINE="$baseline" \
        wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" -s "$WORK/search.lua" "http://127.0.0.1:$API_PORT" | tail -n 1
}

install_tools wrk:wrk psql:postgresql-client
# The database's search alone is measured: no provider is asked behind it (an unknown word would otherwise wait
# for the simulated providers, whose real rate limits are what the sync worker keeps to).
export TRACKGEEK_API_SEARCH_PROVIDER_FALLBACK=false
start_pipeline
wait_for "the API" "http://localhost:$API_PORT/actuator/health" 900
fill_database
pick_queries
write_wrk_script

code="$(curl -s -o "$WORK/sample.json" -w '%{http_code}' "http://127.0.0.1:$API_PORT/api/v1/search?q=dragon&limit=3")"
if [ "$code" != "200" ]; then
    log "a search answered $code: $(cat "$WORK/sample.json")"
    exit 1
fi
log "sample: $(head -c 400 "$WORK/sample.json")"

log "warming up both for $WARMUP each"
measure 0 "$WARMUP" >/dev/null
measure 1 "$WARMUP" >/dev/null

log "measuring: wrk -t$THREADS -c$CONNECTIONS -d$DURATION, $ROUNDS rounds, alternating"
: >"$WORK/search.txt"
: >"$WORK/baseline.txt"
for round in $(seq 1 "$ROUNDS"); do
    search="$(measure 0 "$DURATION")"
    baseline="$(measure 1 "$DURATION")"
    echo "$search" >>"$WORK/search.txt"
    echo "$baseline" >>"$WORK/baseline.txt"
    log "round $round: search p50/p95/p99 ms, requests, errors, req/s: $search; baseline: $baseline"
done
if [ "$(awk '{ s += $5 } END { print s + 0 }' "$WORK/search.txt")" != "0" ]; then
    log "some searches did not answer 2xx"
    exit 1
fi

printf 'database-only search, %s stored items (%s generated), %s queries, wrk -t%s -c%s -d%s, median of %s rounds\n' \
    "$(sql -At -c 'select count(*) from media_item')" "$ITEMS" "$(wc -l <"$WORK/queries.txt")" \
    "$THREADS" "$CONNECTIONS" "$DURATION" "$ROUNDS"
for p in 1 2 3; do
    name=$(echo "p50 p95 p99" | cut -d' ' -f"$p")
    s="$(median_of "$p" "$WORK/search.txt")"
    b="$(median_of "$p" "$WORK/baseline.txt")"
    awk -v n="$name" -v s="$s" -v b="$b" 'BEGIN { printf "  %s: search %7.2f ms   baseline (400 before the database) %6.2f ms   ratio %5.1f\n", n, s, b, s / b }'
done
awk -v s="$(median_of 6 "$WORK/search.txt")" -v b="$(median_of 6 "$WORK/baseline.txt")" \
    'BEGIN { printf "  throughput: search %.0f requests/s, baseline %.0f requests/s\n", s, b }'
awk -v p95="$(median_of 2 "$WORK/search.txt")" 'BEGIN { printf "  target p95 <= 20 ms: %s\n", (p95 <= 20 ? "met" : "NOT met") }'
