"""The serve loop: from saving a data file to the rebuilt page being served by `mkdocs serve`.

A copy of the guide is served as `make serve` serves it (its temporary site folder on the
RAM disk /dev/shm where there is one). Each round rewrites one role's
summary with a new marker, as an editor saves a file, and polls the role page over HTTP
every 20 ms until the marker is in it. MkDocs' own "Documentation built in" lines give the
rebuild's share; the rest is noticing the change (MkDocs polls files every 0.5 s) and
writing pages up to this one.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from functools import partial
from pathlib import Path

from .projects import BUILD_ENV, copy_project

DATA_FILE = "data/roles/api-developer.yml"
PAGE = "roles/api-developer/"
POLL = 0.02
TIMEOUT = 120.0
BUILT = re.compile(r"Documentation built in ([0-9.]+) seconds")


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a running process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # our own server on 127.0.0.1
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _shows(url: str, marker: str) -> bool:
    page = _get(url)
    return page is not None and marker in page


def _wait_for(condition, what: str, timeout: float = TIMEOUT):
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(POLL)
    raise TimeoutError(f"serve loop: gave up waiting for {what} after {timeout:.0f} s")


def serve_tmpdir() -> str:
    """Where `make serve` has MkDocs put its temporary site: the Makefile's SERVE_TMPDIR."""
    return next(d for d in ("/dev/shm", os.environ.get("TMPDIR"), "/tmp") if d and os.path.isdir(d))


def measure(work: Path, rounds: int) -> dict:
    project = copy_project(work / "serve-project")
    port = _free_port()
    url = f"http://127.0.0.1:{port}/{PAGE}"
    log_path = work / "serve.log"
    data_file = project / DATA_FILE
    original = data_file.read_text(encoding="utf-8")
    if not re.search(r"^summary: .*\.$", original, flags=re.M):
        raise RuntimeError(f"serve loop: {DATA_FILE} has no one-line summary to edit")
    with open(log_path, "w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project, env={**BUILD_ENV, "TMPDIR": serve_tmpdir()}, stdout=log, stderr=subprocess.STDOUT,
        )
    try:
        _wait_for(lambda: _get(url), "the first build to be served", timeout=600)
        seconds, rebuilds, cpu = [], [], []
        for i in range(rounds):
            marker = f"Bench marker {i} {time.time_ns()}"
            builds_before = len(BUILT.findall(log_path.read_text()))
            edited = re.sub(r"^(summary: .*)\.$", rf"\1; {marker}.", original, count=1, flags=re.M)
            cpu_before = _cpu_seconds(server.pid)
            data_file.write_text(edited, encoding="utf-8")
            saved = time.perf_counter()
            # MkDocs holds every request until a rebuild is complete, so the new text means it is.
            _wait_for(partial(_shows, url, marker), f"'{marker}' on {url}")
            seconds.append(time.perf_counter() - saved)
            cpu.append(_cpu_seconds(server.pid) - cpu_before)
            # MkDocs' own figure, when it logged one: its log filter drops a message identical to an
            # earlier one, so a rebuild that took exactly as long as another leaves no line.
            built = BUILT.findall(log_path.read_text())
            if len(built) > builds_before:
                rebuilds.append(float(built[-1]))
            time.sleep(0.6)  # longer than MkDocs' 0.5 s file polling, so saves never merge
    finally:
        server.send_signal(signal.SIGINT)  # as Ctrl-C: MkDocs removes its temporary site folder
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    return {
        "rounds": rounds,
        "page": "/" + PAGE,
        "edited": DATA_FILE,
        "site_folder_in": serve_tmpdir(),
        "median": statistics.median(seconds),
        "min": min(seconds),
        "max": max(seconds),
        "all": seconds,
        "rebuild_median": statistics.median(rebuilds) if rebuilds else None,
        "rebuild_all": rebuilds,
        "cpu_median": statistics.median(cpu),  # CPU seconds the server spent on one save
        "cpu_all": cpu,
    }
