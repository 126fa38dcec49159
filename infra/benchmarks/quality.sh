#!/usr/bin/env bash
# Quality of similar titles: for each in-process embedding model, how much the 5 nearest neighbours (cosine) of
# every real fixture item have in common with it, against neighbours drawn at random (the baseline, computed in
# the same run) and the best any model could do (the ceiling). Prints one row per model:
#   model | items | top-5 share genre | share franchise | share either | Naruto nearest OK n/N
# where "share genre" is the share of (item, neighbour) pairs whose stored genres overlap, "share franchise" the
# share whose stored relations name one another or whose titles share a franchise word (the first word of some
# item's title, e.g. "Naruto"), and "Naruto nearest OK" counts the Naruto entries whose nearest neighbour is
# another Naruto entry (issue #11's "done when"). Hosted models (gemini, openai) are not measured: no network.
#
#   infra/benchmarks/quality.sh
#
# What it does:
#   1. builds the modules the pipeline tests need and runs the report SimilarTitlesQualityReport (a JUnit class
#      in infra/pipeline-tests, skipped by the normal build) with -Dtrackgeek.quality=true: it starts the
#      pipeline in one JVM (api, sync worker, embedding worker with the default model, provider simulator,
#      embedded Kafka and PostgreSQL) and one more embedding worker per other model, each in a consumer group of
#      its own, so every model embeds every requested item under its own name from the worker's own text;
#   2. the report GETs every real anime and manga of the fixtures through the API (the simulator's recorded
#      ones: the Naruto search, two season pages, the full entries, the Jujutsu Kaisen search, Fullmetal
#      Alchemist; 71 items with today's fixtures), waits until each model stored a vector of each, reads
#      media_item and item_embedding, and writes the table to infra/pipeline-tests/target/similar-titles-quality.txt;
#   3. prints that table. Everything runs inside the Maven test JVM and stops with it: no ports to free.
#
# Settings (environment variables, defaults in brackets): MODELS [all-minilm-l6-v2-q,bge-small-en-v15-q], the
# in-process provider values to compare; MVN_ARGS [-B -q] is passed to ./mvnw (e.g. MVN_ARGS="-B -q -o" to
# build offline). TRACKGEEK_FIXTURES points the simulator at the fixture folder (default: ../shared/fixtures
# beside the repository).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
MODELS="${MODELS:-all-minilm-l6-v2-q,bge-small-en-v15-q}"
MVN_ARGS="${MVN_ARGS:--B -q}"
TABLE="$ROOT/infra/pipeline-tests/target/similar-titles-quality.txt"

log() { printf '[quality] %s\n' "$*" >&2; }

fixtures=()
if [ -n "${TRACKGEEK_FIXTURES:-}" ]; then
    fixtures=("-Dtrackgeek.fixtures=$TRACKGEEK_FIXTURES")
fi

rm -f "$TABLE"
log "storing the fixture items through the pipeline and embedding them with: $MODELS"
cd "$ROOT"
# shellcheck disable=SC2086 # MVN_ARGS is a list of arguments
./mvnw $MVN_ARGS -pl infra/pipeline-tests -am verify "${fixtures[@]}" \
    -Dtest=SimilarTitlesQualityReport -Dsurefire.failIfNoSpecifiedTests=false \
    -Dtrackgeek.quality=true -Dtrackgeek.quality.models="$MODELS"
if [ ! -s "$TABLE" ]; then
    log "the report wrote no table: see infra/pipeline-tests/target/surefire-reports/"
    exit 1
fi
cat "$TABLE"
