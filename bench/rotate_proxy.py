#!/usr/bin/env python3
"""A loopback proxy between sqlmap and the portal for one-shot public forms (used by bench/sqlmap.sh).

A check-in score, a case-study approval and a referral introduction each take one valid answer per link (or a few
per code): after it, the portal reads no parameter any more, so a scanner's later payloads could never reach a
query and its "not injectable" would prove nothing. sqlmap posts to a path holding the word ROTATE; this proxy puts
a fresh link in its place for every request, reads that link's page first (as a visitor would: cookies, CSRF token,
fill-time stamp, form id), swaps those into sqlmap's request and forwards it. sqlmap's payloads are left byte for
byte as they were. Pages are read ahead, so the form guard's minimum fill time has passed when a request goes out.

  rotate_proxy.py PORT BASE PAGE_TEMPLATE TOKENS_FILE FILL_SECONDS USES_PER_TOKEN
PAGE_TEMPLATE is the page path with {t} for the token, e.g. /c/{t}. Prints "used N reused M" to stderr on exit.
"""
import http.client, http.server, itertools, queue, re, signal, sys, threading, time, urllib.parse

port, base, page_tpl, tokens_file, fill, uses = sys.argv[1:7]
fill, uses = float(fill), int(uses)
target = urllib.parse.urlsplit(base)
tokens = [t.strip() for t in open(tokens_file) if t.strip()]
ready = queue.Queue(maxsize=64)
stats = {"used": 0, "reused": 0}
last = {"entry": None}
lock = threading.Lock()
HIDDEN = re.compile(r'<input[^>]*type="hidden"[^>]*>')
ATTR = re.compile(r'(name|value)="([^"]*)"')


def fetch(token):
    """The page of one link as a fresh visitor: its cookies and its hidden form fields."""
    c = http.client.HTTPConnection(target.hostname, target.port, timeout=30)
    c.request("GET", page_tpl.format(t=token))
    r = c.getresponse()
    body = r.read().decode("utf-8", "replace")
    cookies = "; ".join(v.split(";", 1)[0] for k, v in r.getheaders() if k.lower() == "set-cookie")
    hidden = {}
    for tag in HIDDEN.findall(body):
        a = dict(ATTR.findall(tag))
        if "name" in a: hidden[a["name"]] = a.get("value", "")
    c.close()
    return {"token": token, "cookies": cookies, "hidden": hidden, "at": time.time()}


counter = itertools.count()


def reader():
    while True:
        i = next(counter)  # thread-safe in CPython
        token = tokens[min(i // uses, len(tokens) - 1)]
        try:
            e = fetch(token)
            e["reused"] = i // uses >= len(tokens)
            ready.put(e)
        except Exception as e:  # the portal busy for a moment: try the next one
            print("read-ahead failed:", e, file=sys.stderr); time.sleep(0.5)


def swap(body, hidden):
    """sqlmap's body with the page's hidden values in place of the stale ones, payloads untouched."""
    for name, value in hidden.items():
        enc = urllib.parse.quote_plus(name)
        pat = re.compile(r'(^|&)' + re.escape(enc) + r'=[^&]*')
        rep = enc + "=" + urllib.parse.quote_plus(value)
        body = pat.sub(lambda m: m.group(1) + rep, body) if pat.search(body) else body + "&" + rep
    return body


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args): pass

    def do_GET(self): self.forward()
    def do_POST(self): self.forward()
    def do_HEAD(self): self.forward()

    def forward(self):
        url = urllib.parse.urlsplit(self.path)
        path = url.path + ("?" + url.query if url.query else "")
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("latin-1") if length else ""
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("proxy-connection", "content-length", "host", "cookie", "connection")}
        if "ROTATE" in path:
            e = ready.get()
            wait = e["at"] + fill - time.time()
            if wait > 0: time.sleep(wait)
            with lock: stats["reused" if e["reused"] else "used"] += 1
            path = path.replace("ROTATE", e["token"])
            body = swap(body, e["hidden"])
            headers["Cookie"] = e["cookies"]
        elif self.headers.get("Cookie"):
            headers["Cookie"] = self.headers["Cookie"]
        data = body.encode("latin-1")
        c = http.client.HTTPConnection(target.hostname, target.port, timeout=60)
        try:
            c.request(self.command, path, body=data if data else None, headers=headers)
            r = c.getresponse()
            out = r.read()
        except Exception as ex:
            self.send_error(502, str(ex)); return
        finally:
            c.close()
        self.send_response(r.status, r.reason)
        for k, v in r.getheaders():
            if k.lower() not in ("transfer-encoding", "connection", "content-length"): self.send_header(k, v)
        self.send_header("Content-Length", str(len(out)))
        self.end_headers()
        if self.command != "HEAD": self.wfile.write(out)


def stop(*_):
    print("used %d reused %d" % (stats["used"], stats["reused"]), file=sys.stderr, flush=True)
    sys.exit(0)


signal.signal(signal.SIGTERM, stop)
for _ in range(2): threading.Thread(target=reader, daemon=True).start()
http.server.ThreadingHTTPServer(("127.0.0.1", int(port)), Handler).serve_forever()
