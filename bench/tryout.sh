#!/usr/bin/env bash
# A new user's first minutes with the shipped jar, in a real browser: bench/Tryout.java does the walk (sign up,
# client, check-in answered on a phone, approve, wall, every admin page at 390 px) and writes full-page screenshots.
#   SKIP_BUILD=1  GOODWORD_JAR=path  OUT=dir (default target/tryout)
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${SKIP_BUILD:-}" = "1" ] || mvn -B -q -o package -DskipTests -Dspotbugs.skip=true 2>/dev/null || mvn -B -q package -DskipTests -Dspotbugs.skip=true
# offline first; a fresh machine has not fetched the dependency plugin yet, so then once online
cp_args=(dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath)
[ -f target/bench.classpath ] || mvn -B -q -o "${cp_args[@]}" 2>/dev/null || mvn -B -q "${cp_args[@]}"
OUT=${OUT:-target/tryout}; rm -rf "$OUT"; mkdir -p "$OUT"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
DATA_DIR="$OUT/data" PORT=$PORT BASE_URL="http://127.0.0.1:$PORT" java -jar "${GOODWORD_JAR:-target/goodword.jar}" > "$OUT/portal.log" 2>&1 &
PID=$!; trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null || true' EXIT
t0=$(date +%s%N)
for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.25; done
echo "healthy after $(( ($(date +%s%N) - t0) / 1000000 )) ms (fresh data directory)"
java -cp "$(cat target/bench.classpath)" bench/Tryout.java "http://127.0.0.1:$PORT" "$OUT"
echo "portal log: $(grep -cE ' ERROR |\.http - .* 5[0-9][0-9] ' "$OUT/portal.log" || true) errors; screenshots in $OUT"
