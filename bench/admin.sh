#!/usr/bin/env bash
# Admin pages of a very large workspace (100,000 clients, over a million events), fetched from the shipped jar.
# Needs the database bench/dashboard.sh seeds (target/bench-mariadb); prints median, p90 and slowest per page.
# Options: RUNS=15 (requests per page), SKIP_BUILD=1 (use target/goodword.jar as it is).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -n "${SKIP_BUILD:-}" ] || mvn -B -q package -DskipTests -Dspotbugs.skip=true
mvn -B -q dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=target/bench.classpath
exec java -Druns="${RUNS:-15}" -cp "target/classes:$(cat target/bench.classpath)" bench/AdminBench.java "${1:-target/bench-mariadb}"
