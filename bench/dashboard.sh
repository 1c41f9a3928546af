#!/usr/bin/env bash
# Dashboard benchmark: one workspace with 100,000 clients and over a million events (plus a second one as large).
# The first run seeds its own embedded MariaDB under target/bench-mariadb (a few minutes); later runs reuse it.
set -euo pipefail
cd "$(dirname "$0")/.."
# bench/DashboardBench.java runs as a single source file (like bench/Faults.java and bench/Seed.java), against the
# compiled portal and its dependencies.
mvn -B -q compile dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=target/bench.classpath
exec java -cp "target/classes:$(cat target/bench.classpath)" bench/DashboardBench.java "${1:-target/bench-mariadb}"
