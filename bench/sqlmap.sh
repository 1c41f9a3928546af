#!/usr/bin/env bash
# SQL injection scan of the running jar with sqlmap (Debian package `sqlmap`), loopback only.
#
# Starts target/goodword.jar on a fresh data directory, builds a workspace with something in every corner (client,
# program and referral link, check-in, review with an edit link, case study waiting for approval, reset link) through
# the portal's own forms, then runs sqlmap against every public form and every admin list filter. Prints one line per
# target:
#   FOUND         sqlmap reported an injection point (the log is kept)
#   none          every parameter was really tested (technique lines in the log) and the portal mostly answered
#   inconclusive  no parameter tested, or most answers were 401/403/429 or (admin) a redirect to the sign-in page
# with the parameters tested (of those sent), the requests the portal saw and their statuses, and the seconds taken.
#
#   LEVEL=3 RISK=2 (defaults, as issue 11 asks)     SQLMAP_QUICK=1: level 1, risk 1, three targets (a smoke run)
#   TARGETS="login review clients ..." a subset      SKIP_BUILD=1  KEEP=1 keeps the work directory (logs)
#   GOODWORD_JAR=path: scan that jar instead of target/goodword.jar (e.g. a copy, while a build rewrites target/)
#   DATABASE_URL/DATABASE_USER/DATABASE_PASSWORD are passed through (an external MariaDB on 127.0.0.1).
#
# Public forms are read from the rendered page by this script (not by sqlmap's --forms), filled with values the
# form accepts, and posted after the guard's minimum fill time; the CSRF token and fill-time stamp are sent as
# rendered and not injected (a changed one is refused before any query runs).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v sqlmap >/dev/null || { echo "sqlmap is needed (apt-get install sqlmap)"; exit 2; }
if [ "${SQLMAP_QUICK:-}" = "1" ]; then
  LEVEL=${LEVEL:-1}; RISK=${RISK:-1}; TARGETS=${TARGETS:-"login review clients"}
fi
LEVEL=${LEVEL:-3}
RISK=${RISK:-2}
if [ "${SKIP_BUILD:-}" != "1" ]; then mvn -B -q -o package -DskipTests -Dspotbugs.skip=true 2>/dev/null || mvn -B -q package -DskipTests -Dspotbugs.skip=true; fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/goodword-sqlmap.XXXXXX")
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
LOG="$WORK/portal.log"
PID=""
cleanup() {
  local rc=$?
  [ $rc -ne 0 ] && [ -f "$LOG" ] && { echo "== portal log (failed with $rc)"; grep -v ' DEBUG ' "$LOG" | tail -40; }
  [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  if [ "${KEEP:-}" = "1" ] || [ -f "$WORK/keep" ]; then echo "logs kept in $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# Every request is logged (DEBUG), so each target's statuses are counted from what the portal really answered.
# TRUST_PROXY=true plus sqlmap's xforwardedfor tamper gives every request its own client address, so the per-IP
# limits of the public forms do not turn the scan into a wall of 429s (per-account and per-form limits still apply).
DATA_DIR="$WORK/data" PORT=$PORT BASE_URL="$BASE" TRUST_PROXY=true GOODWORD_HTTP_LOG=DEBUG \
  java ${JAVA_OPTS:-} -jar "${GOODWORD_JAR:-target/goodword.jar}" > "$LOG" 2>&1 &
PID=$!
for _ in $(seq 1 240); do curl -sf "$BASE/healthz" >/dev/null && break; sleep 0.5; done
curl -sf "$BASE/healthz" >/dev/null || { echo "the portal did not start"; exit 1; }

# ---------------------------------------------------------------- forms as a browser fills them
# The form filler (bench/form.py) and page/submit/outbox_link/cookie_header, shared with lighthouse.sh.
# shellcheck source=bench/forms.sh
source bench/forms.sh

# ---------------------------------------------------------------- a workspace with something in every corner
SLUG="sqlmap-$RANDOM"
submit /signup '^/signup$' displayName="Sql Map" email="$SLUG@example.com" password="a long enough scan password" slug="$SLUG" >/dev/null
SESSION=$(awk '$6=="gw_session"{print $7}' "$JAR"); CSRF=$(awk '$6=="gw_csrf"{print $7}' "$JAR")
[ -n "$SESSION" ] || { echo "sign-up failed: no session cookie"; exit 1; }
COOKIE="gw_session=$SESSION; gw_csrf=$CSRF"
submit /admin/clients/new '^/admin/clients$' name=Ada email=ada@example.com language=en >/dev/null
first() { grep -o "$1" | head -1 || true; } # the first match, or nothing (not a failure)
CLIENT=$(curl -s -b "$JAR" "$BASE/admin/clients" | first 'href="/admin/clients/[0-9][0-9]*"' | grep -o '[0-9]*' || true)
submit /admin/referrals/programs/new '^/admin/referrals/programs$' name=Friends referrerType=CREDIT referrerAmount=50 \
  referrerCurrency=EUR >/dev/null || true
submit /admin/referrals/ambassadors "/ambassadors/$CLIENT/link\$" >/dev/null || true
CODE=$(curl -s -b "$JAR" "$BASE/admin/referrals/ambassadors" | first "/r/[A-Za-z0-9_-]*" | sed 's#/r/##')
submit "/admin/clients/$CLIENT" '/check-in$' >/dev/null || true
submit /admin/case-studies/new '^/admin/case-studies$' title="Scan study" clientId="$CLIENT" summary="A study" action=save >/dev/null || true
STUDY=$(curl -s -b "$JAR" "$BASE/admin/case-studies" | first 'href="/admin/case-studies/[0-9][0-9]*"' | grep -o '[0-9]*' || true)
[ -n "$STUDY" ] && { submit "/admin/case-studies/$STUDY" '/approval$' >/dev/null || true; }
ANON="$WORK/anon.txt"
( JAR=$ANON; FILL=3 submit "/p/$SLUG/review" '/review$' name=Rita email=rita@example.com body="Careful, quick work." rating=5 >/dev/null ) || true
( JAR=$ANON; submit /password/forgot '/forgot$' email="$SLUG@example.com" >/dev/null ) || true
sleep 2 # the outbox rows are written in the request; nothing waits on SMTP
CHECKIN=$(outbox_link /c/); EDIT=$(outbox_link /testimonial/edit/); APPROVE=$(outbox_link /approve/); RESET=$(outbox_link /password/reset/)

# ---------------------------------------------------------------- one-shot forms: a fresh link for every request
# A check-in score and a case-study approval take one answer per link, a referral code a few introductions an hour
# (Limit.REFERRAL_CODE); after that no payload could reach a query. So these three are scanned through
# bench/rotate_proxy.py, which gives every sqlmap request a link of its own, from the ROTATE_N made here.
TARGETS=${TARGETS:-}
wants() { [ -z "$TARGETS" ] || [[ " $TARGETS " == *" $1 "* ]]; }
ROTATE_N=${ROTATE_N:-$([ "$LEVEL" -ge 3 ] && echo 3000 || echo 80)}
# form_data PAGE ACTION_REGEX: the form's action and its data as rendered (to be posted many times)
form_data() { page "$1"; BLANK=1 python3 "$FORM_PY" "$WORK/page.html" "$2"; }
# bulk ACTION DATA IDS_FILE [name=value ...]: one signed-in post of DATA (with these values) per line of IDS_FILE,
# "{id}" in ACTION and the values replaced by that line, 4 at a time (admin forms carry only the CSRF token, which
# stays the same for the session); prints the last path part of each answer's redirect (a new row's id)
bulk() {
  BASE=$BASE COOKIE="$(cookie_header)" python3 - "$@" > "$WORK/bulk.cfg" <<'PY'
import os, sys, urllib.parse as u
action, data, ids = sys.argv[1], sys.argv[2], [l.strip() for l in open(sys.argv[3]) if l.strip()]
over = [a.split("=", 1) for a in sys.argv[4:]]
d = u.parse_qsl(data, keep_blank_values=True)
for i in ids:
    o = {k: v.replace("{id}", i) for k, v in over}
    body = u.urlencode([(k, o.get(k, v)) for k, v in d] + [(k, v) for k, v in o.items() if k not in dict(d)])
    # "next": without it curl would join every entry's data into one body
    print('url = "%s%s"\ndata = "%s"\noutput = "/dev/null"\ncookie = "%s"\nwrite-out = "%%{redirect_url}\\n"\nnext\n'
          % (os.environ["BASE"], action.replace("{id}", i), body, os.environ["COOKIE"]))
PY
  curl -s --no-progress-meter --parallel --parallel-max 4 -K "$WORK/bulk.cfg" | sed -E 's#.*/##; s/[#?].*//' | grep -E '^[0-9]+$' || true
}
if wants checkin || wants approval || wants landing; then
  N=$ROTATE_N; wants checkin || wants approval || N=$(( ROTATE_N / 5 + 5 ))
  seq 1 "$N" > "$WORK/seq"
  IFS=$'\t' read -r A D _ < <(form_data /admin/clients/new '^/admin/clients$')
  bulk "$A" "$D" "$WORK/seq" name="Scan {id}" email="scan{id}@example.com" > "$WORK/clients"
  echo "set-up: clients made: $(grep -c . "$WORK/clients")" >&2
  FIRST=$(head -1 "$WORK/clients")
fi
if wants checkin; then
  IFS=$'\t' read -r A D _ < <(form_data "/admin/clients/$FIRST" '/check-in$')
  bulk "/admin/clients/{id}/check-in" "$D" "$WORK/clients" > /dev/null
fi
if wants approval; then
  IFS=$'\t' read -r A D _ < <(form_data /admin/case-studies/new '^/admin/case-studies$')
  bulk "$A" "$D" "$WORK/clients" title="Scan study {id}" clientId="{id}" summary="A study" action=save > "$WORK/studies"
  IFS=$'\t' read -r A D _ < <(form_data "/admin/case-studies/$(head -1 "$WORK/studies")" '/approval$')
  bulk "/admin/case-studies/{id}/approval" "$D" "$WORK/studies" > /dev/null
fi
if wants landing; then
  IFS=$'\t' read -r A D _ < <(form_data /admin/referrals/ambassadors '/ambassadors/[0-9]+/link$')
  head -n $(( ROTATE_N / 5 + 5 )) "$WORK/clients" > "$WORK/ambassadors"
  bulk "/admin/referrals/ambassadors/{id}/link" "$D" "$WORK/ambassadors" > /dev/null
  for p in $(seq 1 500); do
    curl -s -b "$JAR" "$BASE/admin/referrals/ambassadors?page=$p" > "$WORK/page.html"
    grep -q '/ambassadors/[0-9]*/' "$WORK/page.html" || break # past the last page (a page may list clients without a link)
    grep -o '/r/[A-Za-z0-9_-]*' "$WORK/page.html" || true
  done | sed 's#/r/##' | sort -u > "$WORK/landing.tokens"
fi
if wants checkin || wants approval; then # every link in the outbox, each message read once
  for p in $(seq 1 $(( ROTATE_N * 2 / 50 + 2 ))); do
    curl -s -b "$JAR" "$BASE/admin/outbox?page=$p" | grep -o 'href="/admin/outbox/[0-9][0-9]*"' | grep -o '[0-9]*' || true
  done | sort -un | sed "s#.*#url = \"$BASE/admin/outbox/&\"\ncookie = \"$(cookie_header)\"\nnext#" > "$WORK/outbox.cfg"
  curl -s --no-progress-meter --parallel --parallel-max 4 -K "$WORK/outbox.cfg" | grep -oE "/(c|approve)/[A-Za-z0-9_-]{20,}" | sort -u > "$WORK/links" || true
  grep '^/c/' "$WORK/links" | sed 's#^/c/##' > "$WORK/checkin.tokens" || true
  grep '^/approve/' "$WORK/links" | sed 's#^/approve/##' > "$WORK/approval.tokens" || true
fi
for t in checkin approval landing; do [ -f "$WORK/$t.tokens" ] && echo "set-up: $t links for the rotation: $(grep -c . "$WORK/$t.tokens")" >&2; done
declare -A PAGE_OF=([checkin]="/c/{t}" [approval]="/approve/{t}" [landing]="/r/{t}")
# an introduction per code stays below Limit.REFERRAL_CODE (30 an hour); a check-in or approval link answers once
declare -A USES=([checkin]=1 [approval]=1 [landing]=25)

# ---------------------------------------------------------------- targets: name mode path
# modes: form (a public form, anonymous), get (a public page's query), admin (an admin filter, signed in)
TABLE="
login     form  /login
login-rest form /login
signup    form  /signup
forgot    form  /password/forgot
reset     form  ${RESET:-}
review    form  /p/$SLUG/review
contact   form  /p/$SLUG/contact
landing   form  ${CODE:+/r/$CODE}
checkin   form  ${CHECKIN:-}
edit      form  ${EDIT:-}
approval  form  ${APPROVE:-}
wall      get   /p/$SLUG?tag=&page=1
feed      get   /p/$SLUG/testimonials.json?tag=x&page=1
embed     get   /embed/$SLUG?layout=grid&theme=light&tag=x&limit=6&minRating=4
language  get   /login?lang=de
dashboard admin /admin?period=30&from=2026-01-01&to=2026-12-31
clients   admin /admin/clients?q=ada&tag=x&sort=name&page=1
testimonials admin /admin/testimonials?status=pending&source=form&tag=x&q=a&rating=5&verified=1&page=1
leads     admin /admin/referrals?status=NEW
rewards   admin /admin/referrals/rewards?status=PENDING
asks      admin /admin/asks?status=sent
audit     admin /admin/settings/audit?page=1
outbox    admin /admin/outbox?page=1
"
ALL=$(awk 'NF{print $1}' <<<"$TABLE" | tr '\n' ' ')
TARGETS=${TARGETS:-$ALL}
SKIP="_csrf,_stamp,fax,gw_session,gw_csrf,gw_lang,gw_ref"

# --skip-heuristics: a field the portal validates strictly (a URL, a phone number) looks "type cast" to sqlmap's
# heuristic, which then skips it unless told otherwise; every parameter is to be tested in full.
common() { # the options every mode shares
  echo --batch --skip-heuristics --level "$LEVEL" --risk "$RISK" --dbms=MySQL --time-sec=2 --flush-session --disable-coloring \
    --output-dir "$WORK/sqlmap" --timeout 15 --retries 1 --threads 4 --tamper=xforwardedfor --drop-set-cookie
}

# The check-in gets a promoter's score and the approval a request for changes (its decision is a button, which the
# form reader does not send), both answers the portal takes; the sign-in uses the real account, so the baseline
# request succeeds.
declare -A OVERRIDE=([checkin]="score=9" [approval]="decision=changes" [login]="username=$SLUG@example.com password=a+long+enough+scan+password"
  [login-rest]="username=$SLUG@example.com password=a+long+enough+scan+password")
# The sign-in allows 100 tries per account in 15 minutes (Limit.LOGIN_ACCOUNT): while sqlmap tests the password and
# the headers with one username, that limit answers 429 before any query. So the sign-in is scanned twice: "login"
# tests the username alone; "login-rest" tests the rest with a fresh made-up account on every request.
declare -A ONLY=([login]="username")
declare -A ALSO_SKIP=([login-rest]="username")
# login-rest signs in as a made-up account every time: the refusal comes after the account lookup and the throttle
# counts (the queries it is there to reach), so an answer of "wrong email or password" is the expected one
declare -A REFUSAL_OK=([login-rest]=1)
declare -A EVAL=([login-rest]="import random; username='scan%d@example.com' % random.randint(1, 10**12)")

run_form() { # t path: read the form as an anonymous visitor, post it with values it accepts
  local t=$1 path=$2 jar="$WORK/$t.jar"
  curl -s -c "$jar" "$BASE$path" > "$WORK/$t.html"
  local form; form=$(python3 "$FORM_PY" "$WORK/$t.html" '.') || { echo "no form"; return 1; }
  local action data hidden cookies
  action=$(cut -f1 <<<"$form"); data=$(cut -f2 <<<"$form"); hidden=$(cut -f3 <<<"$form")
  [ -n "${OVERRIDE[$t]:-}" ] && data=$(python3 -c 'import sys,urllib.parse as u; o=dict(u.parse_qsl(sys.argv[2].replace(" ", "&"))); d=u.parse_qsl(sys.argv[1],keep_blank_values=True); print(u.urlencode([(a,o.get(a,b)) for a,b in d]+[(k,v) for k,v in o.items() if k not in dict(d)]))' "$data" "${OVERRIDE[$t]}")
  local skip="$SKIP${hidden:+,$hidden}${ALSO_SKIP[$t]:+,${ALSO_SKIP[$t]}}"
  local extra=()
  if [ -n "${ONLY[$t]:-}" ]; then extra+=(-p "${ONLY[$t]}"); EXPECTED=1; else EXPECTED=$(names "$data" "$skip"); fi
  [ -n "${EVAL[$t]:-}" ] && extra+=(--eval "${EVAL[$t]}")
  cookies=$(cookie_header "$jar")
  sleep 3 # the guard's minimum fill time, from the page's stamp
  local proxy=""
  if [ -n "${USES[$t]:-}" ] && [ -s "$WORK/$t.tokens" ]; then # one-shot: every request through the rotation
    local pport; pport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    python3 bench/rotate_proxy.py "$pport" "$BASE" "${PAGE_OF[$t]}" "$WORK/$t.tokens" 3.2 "${USES[$t]}" 2> "$WORK/$t.proxy" &
    proxy=$!; sleep 1
    action=$(sed -E 's#^/(c|approve|r)/[A-Za-z0-9_-]+#/\1/ROTATE#' <<<"$action")
    extra+=(--proxy "http://127.0.0.1:$pport")
  fi
  if [ -n "${ONLY[$t]:-}" ]; then
    scan "$t" -u "$BASE$action" --data "$data" --cookie "$cookies" "${extra[@]}"
  else
    scan "$t" -u "$BASE$action" --data "$data" --cookie "$cookies" --skip "$skip" "${extra[@]}"
  fi
  if [ -n "$proxy" ]; then
    kill "$proxy"; wait "$proxy" 2>/dev/null || true
    echo "  rotation: $(grep -E '^used' "$WORK/$t.proxy" || echo 'no figures') of $(grep -c . "$WORK/$t.tokens") links (each used up to ${USES[$t]}×)"
  fi
}
run_get()   { EXPECTED=$(names "${2#*\?}" "$SKIP"); scan "$1" -u "$BASE$2" --skip "$SKIP"; }
# The reset scan sets the account's password (to the one it had), which signs out every session (M4): each admin
# target signs in afresh, so its requests are the signed-in filter, not the sign-in page they would be sent to.
signin() {
  rm -f "$JAR"
  submit /login '^/login$' username="$SLUG@example.com" password="a long enough scan password" >/dev/null || true
  COOKIE="gw_session=$(awk '$6=="gw_session"{print $7}' "$JAR"); gw_csrf=$(awk '$6=="gw_csrf"{print $7}' "$JAR")"
}
run_admin() { signin; EXPECTED=$(names "${2#*\?}" "$SKIP"); scan "$1" -u "$BASE$2" --cookie "$COOKIE" --skip "$SKIP"; }
# names QUERY SKIPPED: how many parameters sqlmap must test: the distinct names not skipped, plus User-Agent and
# Referer from level 3 on (the cookies are all skipped: a changed session or CSRF cookie is refused before any query)
names() {
  python3 -c 'import sys,urllib.parse as u; skip=set(sys.argv[2].split(",")); print(len({k for k,_ in u.parse_qsl(sys.argv[1],keep_blank_values=True) if k not in skip}) + (2 if int(sys.argv[3]) >= 3 else 0))' "$1" "$2" "$LEVEL"
}

# scan t sqlmap-args...: runs sqlmap, then judges from its log and from the portal's log of the same requests
scan() {
  local t=$1; shift
  local from; from=$(wc -l < "$LOG")
  # shellcheck disable=SC2046
  sqlmap "$@" $(common) > "$WORK/$t.log" 2>&1 || true
  sleep 1 # the access log is written by a background thread
  # a form target counts its posts only (the rotation's page reads are GETs)
  tail -n +"$((from + 1))" "$LOG" | grep -E " goodword.http - $([ "$MODE" = form ] && echo POST || echo '[A-Z]+') " > "$WORK/$t.requests" || true
  judge "$t" "$WORK/$t.log" "$WORK/$t.requests"
}

# Parameters really tested: a "testing for SQL injection on ... parameter 'p'" followed by technique lines
# ("testing 'AND boolean-based blind ...'"), listed as parameter:techniques. Statuses: what the portal answered to
# this target's requests (from its own access log).
judge() {
  local t=$1 out=$2 req=$3
  read -r tested sent params < <(awk '
    /testing for SQL injection on (.* )?parameter / { match($0, /parameter .[^ ]*/); cur=substr($0, RSTART+11, RLENGTH-12); seen[cur]=1; next }
    /\[INFO\] testing .[A-Z]/ && cur != "" { n[cur]++ }
    END { c=0; s=0; l=""; for (p in seen) { s++; if (n[p] > 0) { c++; l=l (l?" ":"") p ":" n[p] } } print c, s, (l==""?"-":l) }' "$out")
  local total ok redir denied limited errors good
  total=$(wc -l < "$req")
  good=$(grep -cE ' [23][0-9][0-9] [0-9]+ms' "$req" || true)
  ok=$(grep -cE ' 2[0-9][0-9] [0-9]+ms| 4(00|04|05|13|15|22) [0-9]+ms' "$req" || true)
  redir=$(grep -cE ' 30[1237] [0-9]+ms' "$req" || true)
  denied=$(grep -cE ' 40[13] [0-9]+ms' "$req" || true)
  limited=$(grep -cE ' 429 [0-9]+ms' "$req" || true)
  errors=$(grep -cE ' 5[0-9][0-9] [0-9]+ms' "$req" || true)
  local figures="params $tested/$EXPECTED tested, $total requests: ${ok} answered, ${redir} redirects, ${denied} 401/403, ${limited} 429, ${errors} 5xx"
  local verdict=none why=""
  # Only sqlmap's own conclusion counts: "appears to be injectable" is a first guess that its false-positive check
  # often takes back (pages with a fresh CSRF token each time are "not stable" and invite such guesses).
  if grep -qE "identified the following injection point|is vulnerable" "$out"; then
    verdict=FOUND; touch "$WORK/keep"; why=" — see $out"
  elif [ "$tested" -eq 0 ] || [ "$tested" -lt "$EXPECTED" ]; then
    verdict=inconclusive; why=" — $(grep -E 'CRITICAL|ERROR' "$out" | tail -1 | sed 's/^\[[0-9:]*\] //')"
  elif [ "$good" -eq 0 ] && [ -z "${REFUSAL_OK[$t]:-}" ]; then
    verdict=inconclusive; why=" — not one answer was a success: the form's own values were refused, no query behind them ran"
  elif [ $(( (denied + limited) * 2 )) -gt "$total" ] || { [ "$MODE" = admin ] && grep -qE ' GET /login 200 ' "$req"; }; then
    verdict=inconclusive; why=" — most answers refused or sent to sign-in"
  fi
  [ "$errors" -gt 0 ] && { verdict="$verdict, 5xx"; touch "$WORK/keep"; }
  echo "$verdict: $figures [$params]$why"
}

echo "sqlmap $(sqlmap --version 2>/dev/null | head -1) --level $LEVEL --risk $RISK against $BASE (targets: $TARGETS)"
T0=$(date +%s)
for t in $TARGETS; do
  line=$(awk -v t="$t" '$1==t' <<<"$TABLE")
  [ -n "$line" ] || { echo "$t: unknown target (known: $ALL)"; continue; }
  MODE=$(awk '{print $2}' <<<"$line"); path=$(awk '{print $3}' <<<"$line")
  if [ -z "$path" ]; then echo "$t: inconclusive — its link was not found in the outbox"; continue; fi
  start=$(date +%s)
  result=$("run_$MODE" "$t" "$path" 2>&1) || result="inconclusive: ${result:-failed}"
  printf '%-13s %-6s %s (%ss): %s\n' "$t" "$MODE" "$(sed -E 's#/(c|approve|password/reset|testimonial/edit)/[A-Za-z0-9_-]{20,}#/\1/{token}#' <<<"$path")" \
    "$(( $(date +%s) - start ))" "$result"
done
echo "total $(( ($(date +%s) - T0) / 60 )) min"
if grep -qE ' 5[0-9][0-9] [0-9]+ms| ERROR ' "$LOG"; then
  echo "portal log has errors: $(grep -cE ' 5[0-9][0-9] [0-9]+ms| ERROR ' "$LOG")"; touch "$WORK/keep"
else
  echo "portal log: no errors"
fi
