#!/usr/bin/env bash
# One command for someone with Docker: builds the four images into the local Docker engine with Jib (on the
# registry base eclipse-temurin:21-jre, or BASE_IMAGE; no Dockerfile), then starts the Compose stack.
#   infra/production/up.sh                      build and start
#   SKIP_BUILD=1 infra/production/up.sh         start with the images already built (or loaded with
#                                               `docker load -i <module>/target/jib-image.tar`)
#   SYNC_WORKER_REPLICAS=3 infra/production/up.sh
# Stop with `docker compose -f infra/production/compose.yaml down` (add -v to drop the data volumes).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

if docker compose version >/dev/null 2>&1; then
    compose=(docker compose)
elif command -v docker-compose >/dev/null; then
    compose=(docker-compose)
else
    echo "up.sh: needs Docker with the Compose plugin (docker compose) or docker-compose" >&2
    exit 1
fi

if [[ ${SKIP_BUILD:-0} != 1 ]]; then
    (cd "$root" && ./mvnw -B -q -Pimages -DskipTests \
        -Djib.from.image="${BASE_IMAGE:-eclipse-temurin:21-jre}" -Dtrackgeek.image.tarball-phase=none \
        package jib:dockerBuild)
fi

"${compose[@]}" -f "$here/compose.yaml" up -d "$@"
"${compose[@]}" -f "$here/compose.yaml" ps
cat <<TEXT

API        http://localhost:${API_PORT:-8080}/api/v1/anime/5114
Grafana    http://localhost:${GRAFANA_PORT:-3000}  (dashboard "Queue health")
Prometheus http://localhost:${PROMETHEUS_PORT:-9090}/alerts
TEXT
