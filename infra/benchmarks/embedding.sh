#!/usr/bin/env bash
# Benchmark: the embedding worker's throughput end to end (a low-lane request published to Kafka -> the vector
# stored in PostgreSQL and the request recorded done) against a baseline measured in the same run: the raw model
# embedding the same texts in batches, with nothing else. Prints items per second of both and the ratio; the
# target of issue #11 is a ratio >= 0.9 (the pipeline costs at most a tenth of the model's own speed).
#
#   infra/benchmarks/embedding.sh
#
# What it does:
#   1. starts the whole pipeline with `./mvnw -Pstandalone` (which builds every module first, tests skipped, test
#      classes compiled) in the background, with its own data folder under /tmp and its own ports, and waits for
#      the embedding worker's health;
#   2. runs EmbeddingThroughputBenchmark (embedding-worker's test sources) in a JVM of its own, started with the
#      very java binary, JVM flags and classpath of the pipeline's JVM (read from /proc), plus the test classes;
#      it loads the model the worker is configured with (the same TextEmbeddingModel class and trackgeek.embedding.*
#      settings: embedding-worker.yml and the environment), then runs $ROUNDS rounds of:
#      a. worker: stores $ITEMS new anime with synthetic synopses of a few hundred characters through the item store
#         (ids from 60,000,000, which no provider id the simulator serves reaches), publishes one low-lane
#         EmbeddingRequested per item, and waits until every request has an outcome in embedding_request:
#         worker items/s = $ITEMS ÷ (last processed_at − first send); it also reads how much of that time the
#         worker spent in model calls (its trackgeek.embedding.model.duration, from /actuator/prometheus; the low
#         lane has two calls under way at a time, so their sum may exceed the round's time);
#      b. raw: the same texts, read back from the stored items as the worker reads them, embedded by the loaded
#         model in chunks of the low lane's chunk size, one call after the other: raw items/s;
#   3. prints each round's figures and ratio, then the median ratio and PASS or FAIL; stops the pipeline and
#      deletes the data folder (KEEP=1 keeps it).
#
# Fairness: in the standalone run every service shares one JVM and the machine's cores with PostgreSQL and Kafka.
# The worker phase runs there with the other services idle (no sync traffic: the items are stored directly) and the
# benchmark's JVM only polling the database every 100 ms. The raw phase runs right after it, in the benchmark's JVM
# with the same flags, while the pipeline stays up but idle: both phases see the same background, and the model
# gets the same thread count (trackgeek.embedding.model.threads, one per core by default) and the same texts per
# call. Rounds alternate the two, so a change in the machine's load from other processes falls on both; the median
# round decides. What the ratio then measures is the pipeline's own cost: Kafka, the request bookkeeping, the
# content-hash check, the writes, the ItemEmbedded events, the CPU these take from the model and the low lane's
# pauses between chunks. The model's load and warm-up are outside both timings.
#
# Settings (environment variables, defaults in brackets): ITEMS [2000] per round, ROUNDS [3], EMBEDDING_WORKER_PORT [18082],
# POSTGRES_PORT [15433], KAFKA_PORT [19092], and the standalone run's other ports API_PORT [18080],
# SYNC_WORKER_PORT [18081], SIMULATOR_PORT [18090]. MVN_ARGS [-B -q] is passed to ./mvnw (e.g. MVN_ARGS="-B -q -o"
# to build offline). TRACKGEEK_EMBEDDING_* variables reach both the worker and the raw model (e.g.
# TRACKGEEK_EMBEDDING_LANES_LOW_CHUNK_SIZE=16). TRACKGEEK_FIXTURES points the simulator at the fixture folder.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ITEMS="${ITEMS:-2000}"
ROUNDS="${ROUNDS:-3}"
API_PORT="${API_PORT:-18080}"
EMBEDDING_WORKER_PORT="${EMBEDDING_WORKER_PORT:-18082}"
POSTGRES_PORT="${POSTGRES_PORT:-15433}"
KAFKA_PORT="${KAFKA_PORT:-19092}"
MVN_ARGS="${MVN_ARGS:--B -q}"

BENCHMARK=embedding
# shellcheck source=lib/pipeline.sh
source "$ROOT/infra/benchmarks/lib/pipeline.sh"

start_pipeline
wait_for "the embedding worker" "http://localhost:$EMBEDDING_WORKER_PORT/actuator/health" 1200

# The pipeline's JVM: the one java process of the pipeline's process group.
JVM_PID="$(pgrep -g "$PIPELINE_PID" -f StandaloneLauncher | head -n 1)"
if [ -z "$JVM_PID" ]; then
    log "could not find the pipeline's JVM"
    exit 1
fi
JAVA="$(readlink -f "/proc/$JVM_PID/exe")"
mapfile -d '' -t COMMAND <"/proc/$JVM_PID/cmdline"
FLAGS=()
CLASSPATH_OF_PIPELINE=""
for ((i = 1; i < ${#COMMAND[@]}; i++)); do
    case "${COMMAND[$i]}" in
        -classpath | -cp) CLASSPATH_OF_PIPELINE="${COMMAND[$((i + 1))]}"; break ;;
        *) FLAGS+=("${COMMAND[$i]}") ;;
    esac
done
log "measuring with $JAVA ${FLAGS[*]} ($ROUNDS rounds of $ITEMS items)"

"$JAVA" "${FLAGS[@]}" --enable-native-access=ALL-UNNAMED \
    -classpath "$ROOT/embedding-worker/target/test-classes:$CLASSPATH_OF_PIPELINE" \
    com.trackgeek.embedding.EmbeddingThroughputBenchmark \
    "jdbc:postgresql://localhost:$POSTGRES_PORT/trackgeek" "localhost:$KAFKA_PORT" "$ITEMS" "$ROUNDS" \
    "http://localhost:$EMBEDDING_WORKER_PORT/actuator/prometheus" >"$WORK/benchmark.log" 2>&1 || {
    log "the benchmark failed; last lines of $WORK/benchmark.log:"
    tail -n 40 "$WORK/benchmark.log" >&2
    exit 1
}
sed -n 's/^RESULT //p' "$WORK/benchmark.log"
