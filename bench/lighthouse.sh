#!/usr/bin/env bash
# Lighthouse scores of the public pages, on the shipped jar (issue 14: >= 0.95 in performance, accessibility, best
# practices and SEO on the wall, a single testimonial and a public case study; the review form and the widget score the
# same apart from being kept out of search on purpose).
#
# Starts target/goodword.jar on a fresh data directory, builds a freelancer's site through the portal's own forms
# (sign-up, profile, six testimonials added by hand, a published case study), then runs Lighthouse (npm `lighthouse`
# 12.8.2, the newest that runs on this machine's Node.js 20; 13.x needs Node.js 22) in Debian's Chromium against each
# page. Prints one line per page with the four scores, and the audits that cost points.
#
#   SKIP_BUILD=1  GOODWORD_JAR=path (scan a copy while a build rewrites target/)  PRESET=desktop (default: mobile,
#   Lighthouse's simulated slow 4G and 4x CPU slowdown)  LH_DIR=where lighthouse is installed (default ~/.cache)
#   KEEP=1 keeps the reports (JSON) in the work directory
set -euo pipefail
cd "$(dirname "$0")/.."
LH_VERSION=12.8.2
LH_DIR=${LH_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/goodword-lighthouse}
CHROME=${CHROME_PATH:-/usr/bin/chromium}
[ -x "$CHROME" ] || { echo "Chromium is needed (apt-get install chromium)"; exit 2; }
if [ ! -x "$LH_DIR/node_modules/.bin/lighthouse" ]; then
  echo "== installing lighthouse@$LH_VERSION into $LH_DIR"
  mkdir -p "$LH_DIR" && npm install --silent --no-audit --no-fund --prefix "$LH_DIR" "lighthouse@$LH_VERSION" >/dev/null
fi
if [ "${SKIP_BUILD:-}" != "1" ]; then mvn -B -q -o package -DskipTests -Dspotbugs.skip=true 2>/dev/null || mvn -B -q package -DskipTests -Dspotbugs.skip=true; fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/goodword-lighthouse.XXXXXX")
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
PID=""
cleanup() {
  local rc=$?
  [ $rc -ne 0 ] && [ -f "$WORK/portal.log" ] && { echo "== portal log (failed with $rc)"; tail -30 "$WORK/portal.log"; }
  [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  if [ "${KEEP:-}" = "1" ]; then echo "reports kept in $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
DATA_DIR="$WORK/data" PORT=$PORT BASE_URL="$BASE" java ${JAVA_OPTS:-} -jar "${GOODWORD_JAR:-target/goodword.jar}" \
  > "$WORK/portal.log" 2>&1 &
PID=$!
for _ in $(seq 1 240); do curl -sf "$BASE/healthz" >/dev/null && break; sleep 0.5; done
curl -sf "$BASE/healthz" >/dev/null || { echo "the portal did not start"; exit 1; }
# shellcheck source=bench/forms.sh
source bench/forms.sh

echo "== a freelancer's site, built through the forms"
SLUG="maya-design"
submit /signup '^/signup$' displayName="Maya Lind Design" email="maya@example.com" password="a long enough bench password" \
  slug="$SLUG" >/dev/null
submit /admin/settings '^/admin/settings$' displayName="Maya Lind Design" slug="$SLUG" \
  headline="Websites and brand design for small businesses in Stockholm" \
  bio="Ten years of friendly, fast websites for cafés, studios and shops." website="https://example.com" >/dev/null
QUOTES=("Maya rebuilt our shop in three weeks and sales went up by a third. Calm, careful and always on time."
  "The new booking page halved the calls we get. Every detail was thought through."
  "Clear plan, honest estimate, and a site our customers love to use on their phones."
  "She listened first and designed second. Our brand finally looks like us."
  "Fast, friendly and precise. The launch went without a single hiccup."
  "We got more enquiries in the first month than in the whole year before.")
NAMES=("Jonas Berg" "Elin Sjö" "Omar Haddad" "Sara Nyström" "Lena Kraft" "Pekka Virtanen")
for i in "${!QUOTES[@]}"; do
  submit /admin/testimonials/new '^/admin/testimonials/new$' rating=5 body="${QUOTES[$i]}" name="${NAMES[$i]}" role="Founder" \
    company="Studio $i" consentPublish=on consentShowCompany=on approveNow=on >/dev/null
done
TESTIMONIAL=$(curl -s "$BASE/p/$SLUG" | grep -o "/p/$SLUG/t/[0-9]*" | head -1)
submit /admin/case-studies/new '^/admin/case-studies$' title="A shop that sells while its owner sleeps" slug=night-shop \
  anonymousClient="a Stockholm design shop" industry="Retail" services="Web design, development" \
  summary="How a new online shop grew sales by a third." challenge="Orders came only **by phone**." \
  approach=$'- interviews\n- a small, fast shop' results="Sales grew by 34% in three months." keyLabel="Sales" \
  keyValue="+34%" ctaText="Book a call" ctaUrl="https://example.com/book" action=save >/dev/null
STUDY=$(curl -s -b "$JAR" "$BASE/admin/case-studies" | grep -o 'href="/admin/case-studies/[0-9][0-9]*"' | head -1 | grep -o '[0-9]*')
submit "/admin/case-studies/$STUDY" '/publish$' >/dev/null

echo "== Lighthouse $LH_VERSION, ${PRESET:-mobile}, Chromium $("$CHROME" --version 2>/dev/null | grep -o '[0-9][0-9.]*' | head -1)"
run() { # name path
  local flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking"
  "$LH_DIR/node_modules/.bin/lighthouse" "$BASE$2" --quiet --chrome-path="$CHROME" --chrome-flags="$flags" \
    --only-categories=performance,accessibility,best-practices,seo ${PRESET:+--preset=$PRESET} \
    --output=json --output-path="$WORK/$1.json" >/dev/null 2>"$WORK/$1.err" \
    || { echo "$1: lighthouse failed: $(tail -1 "$WORK/$1.err")"; return 0; }
  python3 - "$1" "$WORK/$1.json" <<'PY'
import json, sys
name, r = sys.argv[1], json.load(open(sys.argv[2]))
cats = r["categories"]
line = "  ".join("%s %.2f" % (k, cats[k]["score"] or 0) for k in ("performance", "accessibility", "best-practices", "seo"))
lost = []
for k, c in cats.items():
    for ref in c["auditRefs"]:
        a = r["audits"][ref["id"]]
        if ref["weight"] > 0 and a.get("score") is not None and a["score"] < 0.9:
            lost.append("%s:%s(%.2f)" % (k[:4], ref["id"], a["score"]))
print("%-12s %s%s" % (name, line, ("\n             lost on: " + ", ".join(lost)) if lost else ""))
PY
}
run wall "/p/$SLUG"
run single "$TESTIMONIAL"
run case-study "/p/$SLUG/case-studies/night-shop"
run studies "/p/$SLUG/case-studies"
run review "/p/$SLUG/review"
run widget "/embed/$SLUG?layout=grid"
