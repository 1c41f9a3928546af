#!/usr/bin/env python3
# form.py PAGE_FILE ACTION_REGEX: the first POST form whose action matches, as "action<TAB>urlencoded data<TAB>hidden
# names"; visible fields get a value the form accepts (by name and type), hidden ones stay as rendered.
import html.parser, os, re, sys, urllib.parse
page, want = open(sys.argv[1], encoding="utf-8", errors="replace").read(), re.compile(sys.argv[2])
GOOD = [("email", "sqlmap@example.com"), ("username", "sqlmap@example.com"), ("password", "a long enough scan password"),
        ("website", "https://example.com"), ("url", "https://example.com"), ("rating", "5"), ("score", "9"),
        ("phone", "+49 30 1234567"), ("slug", "scan-page"), ("language", "en"), ("lang", "en")]
class P(html.parser.HTMLParser):
    def __init__(s):
        super().__init__(); s.forms = []; s.cur = None; s.ta = None; s.sel = None
    def handle_starttag(s, tag, a):
        a = dict(a)
        if tag == "form":
            s.cur = {"action": a.get("action", ""), "post": a.get("method", "").lower() == "post", "fields": [], "hidden": []}
            s.forms.append(s.cur)
        if tag == "option" and s.cur is not None and s.sel and a.get("value") is not None:
            names = [f[0] for f in s.cur["fields"]]
            if s.sel not in names: s.cur["fields"].append((s.sel, a["value"]))  # the first option, unless one is selected
            elif "selected" in a: s.cur["fields"][names.index(s.sel)] = (s.sel, a["value"])
        if s.cur is None or not a.get("name"): return
        n, t = a["name"], a.get("type", "text").lower()
        if tag == "input" and t == "hidden":
            s.cur["fields"].append((n, a.get("value", ""))); s.cur["hidden"].append(n)
        elif tag == "input" and t in ("checkbox", "radio"):
            # scanning: every box is a parameter to test; set-up (BLANK): only what the page ticks, as a person sends it
            if os.environ.get("BLANK") and "checked" not in a: return
            if n not in [f[0] for f in s.cur["fields"]]: s.cur["fields"].append((n, a.get("value", "on")))
        elif tag == "input" and t in ("submit", "file", "button", "reset"): pass
        elif tag == "input" and (n == "fax" or a.get("tabindex") == "-1"):  # the honeypot: a person leaves it empty
            s.cur["fields"].append((n, a.get("value", "")))
        elif tag == "input": s.cur["fields"].append((n, value(n, t, a.get("value", ""))))
        elif tag == "textarea": s.cur["fields"].append((n, value(n, "textarea", ""))); s.ta = n
        elif tag == "select": s.sel = n
    def handle_endtag(s, tag):
        if tag == "form": s.cur = None
        if tag == "select": s.sel = None
def value(n, t, rendered):
    if rendered or os.environ.get("BLANK"): return rendered  # BLANK: only what is rendered (the set-up fills in the rest)
    for k, v in GOOD:
        if k in n.lower() or t == k: return v
    return "Scan text for the field " + n + ", long enough to be taken"
p = P(); p.feed(page)
for f in p.forms:
    if f["post"] and want.search(f["action"]) and not f["action"].endswith("/logout"):
        print(f["action"] + "\t" + urllib.parse.urlencode(f["fields"]) + "\t" + ",".join(f["hidden"])); break
else:
    sys.exit(1)
