#!/usr/bin/env python3
"""Runs the health checks of the containers of a podman host that has no systemd.

Podman schedules each container's health check with a systemd timer; where systemd does not run (a container host
that is itself a container or a minimal VM), no check ever runs, every container stays "starting", and compose's
`depends_on: condition: service_healthy` waits for ever. This process stands in for the timers: through podman's API
socket it runs the check of each running container that has one, at that container's own interval, as podman's
timer would (`podman healthcheck run`; podman itself keeps the status, the failing streak and the log).

    healthchecks.py SOCKET        e.g. /run/podman/podman.sock

bin/containers starts it beside `podman system service` and stops it with `down`. Standard library only.
"""

import http.client
import json
import socket
import sys
import threading
import time
import urllib.parse

API = "/v4.0.0/libpod"
DEFAULT_INTERVAL = 30.0
POLL = 1.0


class UnixConnection(http.client.HTTPConnection):
    def __init__(self, path, timeout):
        super().__init__("localhost", timeout=timeout)
        self.socket_path = path

    def connect(self):
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(self.timeout)
        sock.connect(self.socket_path)
        self.sock = sock


def call(path, url, timeout=30):
    connection = UnixConnection(path, timeout)
    try:
        connection.request("GET", url)
        response = connection.getresponse()
        body = response.read()
        return response.status, body
    finally:
        connection.close()


def running_containers(path):
    filters = urllib.parse.quote(json.dumps({"status": ["running"]}))
    status, body = call(path, f"{API}/containers/json?filters={filters}")
    if status != 200:
        raise RuntimeError(f"listing containers answered {status}")
    return [container["Id"] for container in json.loads(body)]


def check_settings(path, container):
    """(interval in seconds, timeout in seconds) of the container's health check, or None without one."""
    status, body = call(path, f"{API}/containers/{container}/json")
    if status != 200:
        return None
    check = (json.loads(body).get("Config") or {}).get("Healthcheck") or {}
    test = check.get("Test") or []
    if not test or test[0] == "NONE":
        return None
    interval = (check.get("Interval") or 0) / 1e9 or DEFAULT_INTERVAL
    timeout = (check.get("Timeout") or 0) / 1e9 or DEFAULT_INTERVAL
    return interval, timeout


def run_check(path, container, timeout, busy):
    try:
        call(path, f"{API}/containers/{container}/healthcheck", timeout=timeout + 30)
    except OSError as error:
        print(f"healthchecks: {container[:12]}: {error}", file=sys.stderr, flush=True)
    finally:
        busy.discard(container)


def main():
    if len(sys.argv) != 2:
        print("usage: healthchecks.py PODMAN_SOCKET", file=sys.stderr)
        return 2
    path = sys.argv[1]
    settings = {}
    due = {}
    busy = set()
    print(f"healthchecks: running the containers' health checks through {path}", flush=True)
    while True:
        try:
            containers = running_containers(path)
        except (OSError, RuntimeError, ValueError) as error:
            print(f"healthchecks: podman's API does not answer: {error}", file=sys.stderr, flush=True)
            time.sleep(5)
            continue
        now = time.monotonic()
        for container in containers:
            if container not in settings:
                settings[container] = check_settings(path, container)
                due[container] = now
            check = settings[container]
            if check is None or container in busy or now < due[container]:
                continue
            interval, timeout = check
            due[container] = now + interval
            busy.add(container)
            threading.Thread(
                target=run_check, args=(path, container, timeout, busy), daemon=True
            ).start()
        for gone in set(settings) - set(containers):
            settings.pop(gone, None)
            due.pop(gone, None)
        time.sleep(POLL)


if __name__ == "__main__":
    sys.exit(main())
