#!/usr/bin/env bash
# Dashboard benchmark: one workspace with 100,000 clients and over a million events (plus a second one as large).
# The first run seeds its own embedded MariaDB under target/bench-mariadb (a few minutes); later runs reuse it.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec java -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" io.goodword.bench.DashboardBench \
    "${1:-target/bench-mariadb}"
