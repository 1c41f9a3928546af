#!/usr/bin/env bash
# Benchmark of the public hot path with DEFAULT settings: the wall of love, a single testimonial, the widget, the JSON
# feed and a static file, each against nginx serving a saved copy of the very same bytes in the same run; then the
# uncached wall (a second portal on the same database with PUBLIC_CACHE=false: query + template on every request),
# first and last page of a 2,000-testimonial wall. Builds the jar, seeds a fresh data dir (2,000 approved testimonials
# in one workspace among 100,000 across 2,000 others), warms up, runs wrk on loopback only.
# Targets (issue 15): each >= 0.5x nginx, p99 < 20 ms at 32 connections, no errors; uncached wall >= 5,000 req/s;
# healthy in < 15 s on the embedded database, < 3 s on an external one.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)"; exit 2; }
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { echo "nginx is needed (apt-get install nginx-light)"; exit 2; }
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-3s}
# The uncached portal renders on every request, so its JIT needs longer than a cached page's to settle: after a 3 s
# warm-up the portal's CPU per render was 1.25-1.29 ms, warm 0.43-0.56 ms (bench/PROFILE.md §13).
UNCACHED_WARMUP=${UNCACHED_WARMUP:-15s}
CONNS=${CONNS:-32}
THREADS=${THREADS:-2}
# JFR_DIR=/some/dir: each portal records a JFR profile there (cached.jfr, uncached.jfr), written when it stops.
# (JDK 17 does not expand %p in the file name, so one name for both portals made them overwrite one file.)
JFR_DIR=${JFR_DIR:-}
# UNCACHED_ONLY=1: skip the cached pages' comparison with nginx (to measure a change to the uncached render quickly).
UNCACHED_ONLY=${UNCACHED_ONLY:-}
# JAR=other.jar (with SKIP_BUILD=1): measure another build, e.g. the one before a change, in the same time window.
JAR=${JAR:-target/goodword.jar}
jfr_opts() { [ -n "$JFR_DIR" ] && echo "-XX:StartFlightRecording=filename=$JFR_DIR/$1.jfr,settings=profile,dumponexit=true" || true; }

if [ "${SKIP_BUILD:-}" != "1" ]; then mvn -B -q -o package -DskipTests 2>/dev/null || mvn -B -q package -DskipTests; fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/goodword-bench.XXXXXX")
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PORT=$(free_port); UPORT=$(free_port); NPORT=$(free_port)
PID=""; UPID=""; NPID=""
cleanup() {
  local rc=$?
  [ $rc -ne 0 ] && [ -f "$WORK/portal.log" ] && { echo "== portal log (failed with $rc)"; tail -40 "$WORK/portal.log"; }
  [ -n "$NPID" ] && kill "$NPID" 2>/dev/null || true
  [ -n "$UPID" ] && kill "$UPID" 2>/dev/null && wait "$UPID" 2>/dev/null || true
  [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

await_healthy() { # port -> seconds to healthy
  local t0; t0=$(date +%s.%N)
  for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$1/healthz" >/dev/null && break; sleep 0.1; done
  curl -sf "http://127.0.0.1:$1/healthz" >/dev/null || { echo "portal on $1 never became healthy" >&2; return 1; }
  python3 -c "print(round($(date +%s.%N) - $t0, 1))"
}

echo "== starting the portal (default settings, embedded MariaDB) on 127.0.0.1:$PORT"
DATA_DIR="$WORK/data" PORT=$PORT BASE_URL="http://127.0.0.1:$PORT" \
  java ${JAVA_OPTS:-} $(jfr_opts cached) -jar "$JAR" > "$WORK/portal.log" 2>&1 &
PID=$!
T_EMBEDDED=$(await_healthy "$PORT")
grep -E "ready in|Embedded MariaDB:|phases" "$WORK/portal.log" | sed 's/^/   /' || true

echo "== seeding the portal's (embedded, freshly migrated) database"
DBPORT=$(pgrep -af mariadbd | grep -F "$WORK/data/mariadb" | grep -o -- '--port=[0-9]*' | head -1 | cut -d= -f2)
DBPID=$(pgrep -af mariadbd | grep -F "$WORK/data/mariadb" | head -1 | cut -d' ' -f1)
DBURL="jdbc:mariadb://127.0.0.1:$DBPORT/goodword"
# the embedded server admits only the portal's own account, whose generated password is kept in the data directory
DBUSER=goodword; DBPASS=$(cat "$WORK/data/mariadb/db-password")
java -cp "$JAR" bench/Seed.java "$DBURL" "$DBUSER" "$DBPASS" 2>&1 | grep -v "^[0-9:.]* \(INFO\|WARN\)"

echo "== starting a second portal on the same database (external to it), PUBLIC_CACHE=false, on 127.0.0.1:$UPORT"
DATA_DIR="$WORK/data2" PORT=$UPORT BASE_URL="http://127.0.0.1:$UPORT" DATABASE_URL="$DBURL" DATABASE_USER="$DBUSER" \
  DATABASE_PASSWORD="$DBPASS" PUBLIC_CACHE=false java ${JAVA_OPTS:-} $(jfr_opts uncached) -jar "$JAR" > "$WORK/uncached.log" 2>&1 &
UPID=$!
T_EXTERNAL=$(await_healthy "$UPORT")

B="http://127.0.0.1:$PORT"
curl -sf "$B/p/bench-wall" -o "$WORK/wall.html"
TID=$(grep -o '/p/bench-wall/t/[0-9]*"' "$WORK/wall.html" | head -1 | grep -o '[0-9]*')
CSS=$(grep -o 'href="/static/css/app\.[0-9a-f]*\.css"' "$WORK/wall.html" | head -1 | cut -d'"' -f2)
curl -sf "$B/p/bench-wall/t/$TID" -o "$WORK/single.html"
curl -sf "$B/embed/bench-wall" -o "$WORK/embed.html"
curl -sf "$B/p/bench-wall/testimonials.json" -o "$WORK/feed.json"
PAGES=$(python3 -c "import json,sys; print((json.load(open('$WORK/feed.json'))['ratingCount'] + 23) // 24)")  # wall: 24 a page
curl -sf "$B$CSS" -o "$WORK/app.css"
curl -s "$B/p/bench-wall/no-such-page" -o "$WORK/404.html"  # a broken link into the site: its own 404, from memory
echo "wall: $(wc -c < "$WORK/wall.html") bytes, $(grep -o 'class="tcard' "$WORK/wall.html" | wc -l) cards, $PAGES pages;" \
  "single: $(wc -c < "$WORK/single.html"); widget: $(wc -c < "$WORK/embed.html"); feed: $(wc -c < "$WORK/feed.json");" \
  "css: $(wc -c < "$WORK/app.css") bytes"

mkdir -p "$WORK/nginx/logs"
chmod o+x "$WORK"  # nginx workers run as an unprivileged user
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
  server {
    listen 127.0.0.1:$NPORT;
    location = /p/bench-wall { alias $WORK/wall.html; }
    location = /p/bench-wall/t/$TID { alias $WORK/single.html; }
    location = /embed/bench-wall { alias $WORK/embed.html; }
    location = /p/bench-wall/testimonials.json { default_type application/json; alias $WORK/feed.json; }
    location = $CSS { default_type text/css; alias $WORK/app.css; }
    location = /p/bench-wall/no-such-page { error_page 404 /404.html; return 404; }
    location = /404.html { internal; alias $WORK/404.html; }
  }
}
CONF
chmod a+r "$WORK"/*.html "$WORK"/*.json "$WORK"/*.css
"$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' &
NPID=$!
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$NPORT/p/bench-wall" >/dev/null && break; sleep 0.1; done

FAILS=0
run() { # url -> "rps p99ms errors" (and the number of requests in $REQUESTS_FILE when set)
  local out; out=$(wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency "$1")
  [ -n "${REQUESTS_FILE:-}" ] && echo "$out" | awk '/requests in/ {print $1}' > "$REQUESTS_FILE"
  local rps p99 errs non2xx
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub("us","",v); v=v/1000} else if (v ~ /ms$/) {sub("ms","",v)} else if (v ~ /s$/) {sub("s","",v); v=v*1000}; print v}')
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $5}')
  [ -n "${EXPECT_404:-}" ] && non2xx=0  # the 404 page: every answer is one
  errs=$(echo "$out" | awk '/Socket errors/ {gsub(",",""); print $4+$6+$8+$10}')
  echo "$rps $p99 $(( ${non2xx:-0} + ${errs:-0} ))"
}
compare() { # name path [info: printed, not one of the issue's targets]
  wrk -t"$THREADS" -c"$CONNS" -d"$WARMUP" "$B$2" >/dev/null
  read -r rps p99 errs <<< "$(run "$B$2")"
  read -r nrps np99 nerrs <<< "$(run "http://127.0.0.1:$NPORT$2")"
  local ratio ok; ratio=$(python3 -c "print(round($rps/$nrps, 2))")
  ok=$(python3 -c "print('ok' if $rps >= 0.5*$nrps and $p99 < 20 and $errs == 0 else 'MISSED')")
  if [ "${3:-}" = info ]; then ok="(not a target)"; elif [ "$ok" != ok ]; then FAILS=$((FAILS+1)); fi
  printf '%-9s portal %9s req/s p99 %7s ms err %s | nginx %9s req/s p99 %7s ms | ratio %5s  %s\n' \
    "$1" "$rps" "$p99" "$errs" "$nrps" "$np99" "$ratio" "$ok"
}

# Ratios to nginx are only fair on a quiet machine: the load is printed so a noisy run shows as one.
echo "== $CONNS connections, $THREADS wrk threads, $DURATION each (after $WARMUP warm-up), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
wrk -t"$THREADS" -c"$CONNS" -d"$WARMUP" "http://127.0.0.1:$NPORT/p/bench-wall" >/dev/null
if [ "$UNCACHED_ONLY" != "1" ]; then
  compare wall "/p/bench-wall"
  compare single "/p/bench-wall/t/$TID"
  compare widget "/embed/bench-wall"
  compare feed "/p/bench-wall/testimonials.json"
  compare static "$CSS"
  EXPECT_404=1 compare 404 "/p/bench-wall/no-such-page" info
fi

U="http://127.0.0.1:$UPORT"
# CPU time per request of the uncached portal and of MariaDB (utime + stime from /proc/PID/stat over the measured
# run): unlike req/s, hardly bent by another load on the machine, so the figure to compare changes by.
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
REQUESTS_FILE="$WORK/requests"
for path in "/p/bench-wall" "/p/bench-wall?page=$PAGES"; do
  wrk -t"$THREADS" -c"$CONNS" -d"$UNCACHED_WARMUP" "$U$path" >/dev/null  # each path warmed up, the last page was measured cold
  j0=$(ticks "$UPID"); d0=$(ticks "$DBPID")
  read -r rps p99 errs <<< "$(run "$U$path")"
  j1=$(ticks "$UPID"); d1=$(ticks "$DBPID")
  cpu=$(python3 -c "n=max(1,int('$(cat "$REQUESTS_FILE")')); t=1000/$(getconf CLK_TCK); print(f'portal {($j1-$j0)*t/n:.2f} ms, MariaDB {($d1-$d0)*t/n:.2f} ms')")
  ok=$(python3 -c "print('ok' if $rps >= 5000 and $errs == 0 else 'MISSED')")
  [ "$ok" = ok ] || FAILS=$((FAILS+1))
  printf 'uncached %-28s %9s req/s p99 %7s ms err %s  (target >= 5000)  %s; CPU per request: %s\n' "$path" "$rps" "$p99" "$errs" "$ok" "$cpu"
done
unset REQUESTS_FILE

echo "start-up to healthy: embedded ${T_EMBEDDED} s (target < 15), external ${T_EXTERNAL} s (target < 3)"
echo "portal peak RSS: $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' /proc/$PID/status)"
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "targets missed: $FAILS"
