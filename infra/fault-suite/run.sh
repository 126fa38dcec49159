#!/usr/bin/env bash
# The fault suite (README "Fault suite"): every service in a JVM of its own, Kafka in another, PostgreSQL as its own
# server process, the provider simulator; each scenario prints its line of the table (sent, accepted, completed,
# lost, duplicates, fetched again, recovery), collected in infra/fault-suite/target/fault-suite/report.md.
#
#   infra/fault-suite/run.sh                      # every scenario
#   infra/fault-suite/run.sh SyncWorkerKilled*    # one (a surefire -Dtest pattern)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
./mvnw -B -q install -DskipTests
./mvnw -B -pl infra/fault-suite verify -Dtrackgeek.fault-suite.skip=false ${1:+-Dtest="$1"}
cat infra/fault-suite/target/fault-suite/report.md
