#!/usr/bin/env bash
# Benchmark of the public hot path: /p/{slug} (wall of love) and /embed/{slug} (widget), against nginx serving a
# saved copy of the very same bytes. Builds the jar, seeds a fresh data dir (500 approved testimonials in one
# workspace among 100,000 across 2,000 others), warms up, then runs wrk (32 connections, 15 s) on loopback only.
# Prints requests/s and p50/p99 latency of each, the ratio portal/nginx, the core count and the portal's peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)"; exit 2; }
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { echo "nginx is needed (apt-get install nginx-light)"; exit 2; }
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
DURATION=${DURATION:-15s}
CONNS=${CONNS:-32}

if [ "${SKIP_BUILD:-}" != "1" ]; then mvn -B -q -o package -DskipTests 2>/dev/null || mvn -B -q package -DskipTests; fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/goodword-bench.XXXXXX")
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
NPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
PID=""; NPID=""
cleanup() {
  local rc=$?
  [ $rc -ne 0 ] && [ -f "$WORK/portal.log" ] && { echo "== portal log (failed with $rc)"; tail -40 "$WORK/portal.log"; }
  [ -n "$NPID" ] && kill "$NPID" 2>/dev/null || true
  [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== starting the portal on 127.0.0.1:$PORT"
DATA_DIR="$WORK/data" PORT=$PORT BASE_URL="http://127.0.0.1:$PORT" GOODWORD_HTTP_LOG=WARN \
  java ${JAVA_OPTS:-} -jar target/goodword.jar > "$WORK/portal.log" 2>&1 &
PID=$!
for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.5; done

echo "== seeding the portal's (embedded, freshly migrated) database"
DBPORT=$(pgrep -af mariadbd | grep -F "$WORK/data/mariadb" | grep -o -- '--port=[0-9]*' | head -1 | cut -d= -f2)
java -cp target/goodword.jar bench/Seed.java "jdbc:mariadb://127.0.0.1:$DBPORT/goodword" 2>&1 | grep -v "^[0-9:.]* \(INFO\|WARN\)"

WALL="http://127.0.0.1:$PORT/p/bench-wall"
EMBED="http://127.0.0.1:$PORT/embed/bench-wall"
curl -sf "$WALL" -o "$WORK/wall.html"
curl -sf "$EMBED" -o "$WORK/embed.html"
echo "wall page: $(wc -c < "$WORK/wall.html") bytes, $(grep -o 'class="tcard' "$WORK/wall.html" | wc -l) cards; widget: $(wc -c < "$WORK/embed.html") bytes"

mkdir -p "$WORK/nginx/logs" "$WORK/www/p" "$WORK/www/embed"
chmod o+x "$WORK"  # nginx workers run as an unprivileged user
cp "$WORK/wall.html" "$WORK/www/p/bench-wall"
cp "$WORK/embed.html" "$WORK/www/embed/bench-wall"
cat > "$WORK/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  client_body_temp_path $WORK/nginx/body; proxy_temp_path $WORK/nginx/proxy; fastcgi_temp_path $WORK/nginx/fcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi; scgi_temp_path $WORK/nginx/scgi;
  server { listen 127.0.0.1:$NPORT; root $WORK/www; location / { try_files \$uri =404; } }
}
CONF
chmod -R a+rX "$WORK/www"
"$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' &
NPID=$!
sleep 1

measure() { # name url -> "rps p50 p99"
  local out
  out=$(wrk -t2 -c"$CONNS" -d"$DURATION" --latency "$2")
  local rps p50 p99
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  local non2xx; non2xx=$(echo "$out" | awk '/Non-2xx/ {print $5}')
  printf '%-28s %10s req/s   p50 %8s   p99 %8s%s\n' "$1" "$rps" "$p50" "$p99" "${non2xx:+   NON-2xx: $non2xx}" >&2
  echo "$rps"
}

echo "== warm-up (5 s each)"
wrk -t2 -c"$CONNS" -d5s "$WALL" >/dev/null
wrk -t2 -c"$CONNS" -d5s "$EMBED" >/dev/null
wrk -t2 -c"$CONNS" -d3s "http://127.0.0.1:$NPORT/p/bench-wall" >/dev/null

echo "== measuring: $CONNS connections, $DURATION each"
R_WALL=$(measure "portal /p/bench-wall" "$WALL")
R_NWALL=$(measure "nginx  /p/bench-wall" "http://127.0.0.1:$NPORT/p/bench-wall")
R_EMBED=$(measure "portal /embed/bench-wall" "$EMBED")
R_NEMBED=$(measure "nginx  /embed/bench-wall" "http://127.0.0.1:$NPORT/embed/bench-wall")

echo "ratio portal/nginx wall:   $(python3 -c "print(round($R_WALL/$R_NWALL, 2))")"
echo "ratio portal/nginx widget: $(python3 -c "print(round($R_EMBED/$R_NEMBED, 2))")"
echo "cores (nproc): $(nproc)"
echo "portal peak RSS: $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' /proc/$PID/status)"
