#!/usr/bin/env bash
# Fault and load scenarios of issue 11 against the real jar, on loopback only; one line per scenario, PASS/FAIL each.
#   bench/faults.sh                 # every scenario: LOAD F1 F2 F4 F5 F6 F7 F8 F9
#   bench/faults.sh F2 F5           # some of them
# Durations (defaults are the issue's targets): FAULTS_LOAD_SECONDS=60 FAULTS_USERS=200 FAULTS_SOAK_SECONDS=600
# FAULTS_F4_SUBMISSIONS=1000. SKIP_BUILD=1 uses the jar as it is. Each scenario starts its own portal process with a
# fresh DATA_DIR against a MariaDB started by bench/Faults.java (bound to 127.0.0.1), and stops everything itself.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${SKIP_BUILD:-}" != "1" ]; then mvn -B -q -o -DskipTests package 2>/dev/null || mvn -B -q -DskipTests package; fi
command -v jcmd >/dev/null || echo "note: jcmd not found, F6 cannot sample the heap" >&2
exec java -Xmx1g -cp target/goodword.jar bench/Faults.java "$@" 2> >(grep -v '^[0-9:. ]*\(INFO\|DEBUG\)\|Aborted connection' >&2)
