# Shared by the bench scripts that drive the portal through its own forms, as a browser fills them (sourced, not run).
# Needs BASE (the portal's address) and WORK (a scratch directory); JAR is the cookie jar of the current visitor.
#   page PATH                        fetch a page into $WORK/page.html (cookies kept)
#   submit PAGE ACTION_REGEX [k=v]   post the page's form with these values; prints "status redirect"; FILL=seconds
#                                    waits before posting (a public form refuses a post sooner than its fill time)
#   outbox_link PREFIX               the newest link starting with PREFIX in the workspace's outbox
#   cookie_header [JAR]              a curl cookie jar as one Cookie header
FORM_PY="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/form.py"
JAR=${JAR:-"$WORK/cookies.txt"}
page() { curl -s -c "$JAR" -b "$JAR" "$BASE$1" > "$WORK/page.html"; }
# submit PAGE ACTION_REGEX [name=value ...]: the page's form with these values (as a signed-in or anonymous visitor)
submit() {
  local path=$1 want=$2; shift 2
  page "$path"
  local form; form=$(BLANK=1 python3 "$FORM_PY" "$WORK/page.html" "$want") || { echo "no form $want on $path" >&2; return 1; }
  local action data; action=$(cut -f1 <<<"$form"); data=$(cut -f2 <<<"$form")
  sleep "${FILL:-0}" # a public form's guard refuses a post sooner than its minimum fill time after the page
  for kv in "$@"; do data=$(python3 -c 'import sys,urllib.parse as u; d=u.parse_qsl(sys.argv[1],keep_blank_values=True); k,v=sys.argv[2].split("=",1); d=[x for x in d if x[0]!=k]+[(k,v)]; print(u.urlencode(d))' "$data" "$kv"); done
  local answer; answer=$(curl -s -o "$WORK/answer.html" -w '%{http_code} %{redirect_url}' -c "$JAR" -b "$JAR" --data "$data" "$BASE$action")
  echo "$answer"
  case "$answer" in 4*|5*) # a set-up step the portal refused: say why, from the page's own error text
    echo "set-up: $action answered ${answer%% *}: $(grep -oE 'class="(error|form-error)"[^>]*>[^<]*' "$WORK/answer.html" | sed 's/.*>//' | paste -sd ';' -)" >&2 ;;
  esac
}
outbox_link() { # the newest link matching $1 in the workspace's outbox
  page /admin/outbox
  local id; for id in $(grep -o 'href="/admin/outbox/[0-9][0-9]*"' "$WORK/page.html" | grep -o '[0-9]*' || true); do
    local link; link=$(curl -s -b "$JAR" "$BASE/admin/outbox/$id" | grep -o "$BASE$1[A-Za-z0-9_-]*" | head -1 || true)
    [ -n "$link" ] && { echo "${link#"$BASE"}"; return 0; }
  done; return 0
}

# cookie_header [JAR]: a curl cookie jar as one Cookie header (default: the signed-in admin's jar)
cookie_header() { awk '{sub(/^#HttpOnly_/, "")} !/^#/ && NF==7{printf "%s%s=%s", (n++?"; ":""), $6, $7}' "${1:-$JAR}"; }
