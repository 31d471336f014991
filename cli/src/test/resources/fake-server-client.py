#!/usr/bin/env python3
"""A test in Python, standard library only, against `amapi-ops fake-server`.

Run it with the server's endpoint (the first line the server prints):

    amapi-ops fake-server --port 8089 --seed fake-server-seed.json &
    python3 fake-server-client.py http://127.0.0.1:8089/

It issues a command through the admin API, scripts one 503, calls the API as the
code under test would, cancels, and checks what the journal recorded. Exits 0 and
prints "ok" when every check passes. FakeServerPythonIT runs it.
"""
import json
import sys
import urllib.error
import urllib.request

ENDPOINT = sys.argv[1]
DEVICE = "enterprises/LC03k6enk8/devices/36c339908766f292"
SEEDED = DEVICE + "/operations/1786041209877"  # from fake-server-seed.json
HEADERS = {"Authorization": "Bearer python-token"}


def call(method, path, body=None, headers=None):
    """Returns (status, headers, parsed JSON body) of one request."""
    data = None if body is None else json.dumps(body).encode("utf-8")
    request = urllib.request.Request(ENDPOINT + path, data=data, method=method)
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, response.headers, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, json.loads(error.read() or b"{}")


def check(condition, what):
    if not condition:
        sys.exit("FAILED: " + what)


status, _, health = call("GET", "__admin/health")
check(status == 200 and health["status"] == "ok", "health: %s %s" % (status, health))

status, _, seeded = call("GET", "v1/" + SEEDED, headers=HEADERS)
check(status == 200 and seeded["done"], "the --seed file's operation: %s %s" % (status, seeded))

status, _, operation = call(
    "POST", "__admin/devices/LC03k6enk8/36c339908766f292/commands",
    {"type": "REBOOT", "duration": "600s"})
check(status == 200 and not operation.get("done"), "issue a command: %s %s" % (status, operation))
name = operation["name"]

status, _, _ = call("POST", "__admin/faults",
                    {"failNextCalls": 1, "code": "UNAVAILABLE", "retryAfter": "2s"})
check(status == 200, "script a failure")

status, headers, error = call("GET", "v1/" + name, headers=HEADERS)
check(status == 503 and error["error"]["status"] == "UNAVAILABLE",
      "the scripted failure: %s %s" % (status, error))
check(headers.get("Retry-After") == "2", "Retry-After: %s" % headers.get("Retry-After"))

status, _, _ = call("POST", "v1/" + name + ":cancel", {}, headers=HEADERS)
check(status == 200, "cancel: %s" % status)
status, _, cancelled = call("GET", "v1/" + name, headers=HEADERS)
check(cancelled.get("done") and cancelled["error"]["code"] == 1,
      "cancelled: %s" % cancelled)

status, _, bad = call("POST", "__admin/faults", {"fault": "fire"})
check(status == 400 and "fault" in bad["error"]["message"], "bad admin input: %s" % bad)

status, _, journal = call("GET", "__admin/journal")
requests = journal["requests"]
check([r["method"] for r in requests] == ["GET", "GET", "POST", "GET"],
      "journal methods: %s" % [r["method"] for r in requests])
check(all(r["headers"]["authorization"] == ["Bearer ***"] for r in requests),
      "the journal hides tokens")
check(requests[2]["path"] == "/v1/" + name + ":cancel", "journal path: %s" % requests[2]["path"])

print("ok")
