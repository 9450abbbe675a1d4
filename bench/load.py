"""Load: concurrent chat sessions against the app on localhost, through gradio_client, for a fixed time.

Each session is its own gradio_client.Client (its own Gradio session) and asks the seed questions in turn
through /chat, sending its conversation back as the browser does; every answer's latency is recorded.
The run stops by itself after --seconds (a session finishes the answer it waits for). Prints answers,
errors, p50/p95/max latency and answers per second; --results appends them to bench/RESULTS.md.

    .venv/bin/python app.py &                                   # or any running app on localhost
    .venv/bin/python bench/load.py --sessions 20 --seconds 60 --results
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).parent))
from ask_latency import _pct  # noqa: E402

LOCAL = {"127.0.0.1", "localhost", "::1"}


def questions() -> list[str]:
    with open(ROOT / "eval" / "qa" / "seed.jsonl", encoding="utf-8") as f:
        return [json.loads(line)["question"] for line in f if line.strip()]


def session(url: str, kb: str, auth, qs: list[str], offset: int, deadline: float, out: dict, lock: threading.Lock):
    """One chat session until the deadline: (latency ms, ok) per answer, errors with their message."""
    from gradio_client import Client

    try:
        client = Client(url, auth=auth, verbose=False)
    except Exception as exc:  # counted, never hidden: a session that cannot connect is an error
        with lock:
            out["errors"].append(f"connect: {type(exc).__name__}: {exc}")
        return
    history: list = []
    i = offset
    while time.monotonic() < deadline:
        q = qs[i % len(qs)]
        i += 1
        t = time.perf_counter()
        try:
            chat, _evidence, history, _copy = client.predict(q, history, kb, api_name="/chat")
            ms = (time.perf_counter() - t) * 1000
            if "tw-answer" not in chat.rsplit("<hr>", 2)[-2]:  # this turn's answer (or not-found) is shown
                raise RuntimeError(f"no answer rendered for {q!r}")
        except Exception as exc:
            with lock:
                out["errors"].append(f"{q}: {type(exc).__name__}: {exc}")
            continue
        history = history[-4:]  # a long conversation, kept to its last turns
        with lock:
            out["latencies"].append(ms)


def run(url: str, sessions: int, seconds: float, kb: str = "default", auth=None) -> dict:
    host = urlparse(url).hostname
    if host not in LOCAL:
        raise SystemExit(f"bench/load.py only loads an app on localhost, not {host!r}")
    qs = questions()
    out: dict = {"latencies": [], "errors": []}
    lock = threading.Lock()
    load_before = os.getloadavg()[0]
    t0 = time.monotonic()
    deadline = t0 + seconds
    threads = [threading.Thread(target=session, args=(url, kb, auth, qs, n * 7, deadline, out, lock), daemon=True)
               for n in range(sessions)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(seconds + 300)  # an answer in flight at the deadline may finish; a hung one is not waited for
    wall = time.monotonic() - t0
    lat = out["latencies"]
    return {
        "sessions": sessions, "seconds": seconds, "answers": len(lat), "errors": len(out["errors"]),
        "error_samples": out["errors"][:5], "hung_sessions": sum(t.is_alive() for t in threads),
        "p50_ms": round(statistics.median(lat), 1) if lat else None,
        "p95_ms": round(_pct(lat, 95), 1) if lat else None,
        "max_ms": round(max(lat), 1) if lat else None,
        "answers_per_s": round(len(lat) / wall, 2),
        "load_avg": [round(load_before, 1), round(os.getloadavg()[0], 1)],  # others' work slows every answer
    }


def append_results(r: dict, command: str) -> Path:
    """Append the figures as a section of bench/RESULTS.md."""
    path = ROOT / "bench" / "RESULTS.md"
    try:
        commit = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=ROOT, capture_output=True,
                                text=True, timeout=5).stdout.strip() or "unknown"
    except (OSError, subprocess.SubprocessError):
        commit = "unknown"
    head = "" if path.exists() else "# Benchmark results\n\nFigures measured on the machine named in each section.\n"
    section = (
        f"\n## Load: {r['sessions']} chat sessions × {r['seconds']:g} s ({time.strftime('%Y-%m-%d %H:%M')}, commit {commit})\n\n"
        "| sessions | seconds | answers | errors | p50 ms | p95 ms | max ms | answers/s |\n"
        "|---|---|---|---|---|---|---|---|\n"
        f"| {r['sessions']} | {r['seconds']:g} | {r['answers']} | {r['errors']} | {r['p50_ms']} | {r['p95_ms']} | "
        f"{r['max_ms']} | {r['answers_per_s']} |\n\n"
        f"Machine: {os.cpu_count()} CPU cores, load average {r['load_avg'][0]} → {r['load_avg'][1]} during the run "
        f"(other work on the machine slows every answer). App: `TIAOWEN_CONCURRENCY={os.environ.get('TIAOWEN_CONCURRENCY', '2')}` "
        f"(questions answered at once; the rest queue). Command: `{command}`.\n"
    )
    with open(path, "a", encoding="utf-8") as f:
        f.write(head + section)
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--url", default="http://127.0.0.1:7860/", help="the app (localhost only)")
    ap.add_argument("--sessions", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--kb", default="default")
    ap.add_argument("--results", action="store_true", help="append the figures to bench/RESULTS.md")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    auth = tuple(os.environ["TIAOWEN_AUTH"].split(":", 1)) if os.environ.get("TIAOWEN_AUTH") else None
    r = run(args.url, args.sessions, args.seconds, args.kb, auth)
    if args.json:
        print(json.dumps(r, ensure_ascii=False))
    else:
        print(f"{r['sessions']} sessions × {r['seconds']:g} s: {r['answers']} answers, {r['errors']} errors, "
              f"p50 {r['p50_ms']} ms, p95 {r['p95_ms']} ms, max {r['max_ms']} ms, {r['answers_per_s']} answers/s")
        for e in r["error_samples"]:
            print(f"  error: {e}")
    if args.results:
        print(f"→ {append_results(r, 'python bench/load.py ' + ' '.join(argv if argv is not None else sys.argv[1:]))}",
              file=sys.stderr)
    return 1 if r["errors"] or r["hung_sessions"] or not r["answers"] else 0


if __name__ == "__main__":
    sys.exit(main())
