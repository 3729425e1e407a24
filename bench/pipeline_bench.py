"""Throughput of sinoscope's whole pipeline against its peers and its past, each a ratio measured in one run.

Usage (from the repository root; needs ../shared):
    .venv/bin/python bench/pipeline_bench.py [--limit N] [--old COMMIT] [--repeat N] [--out bench.json]

Every side runs as its own process on the same files, imports and model loads included, and is timed by the CPU
time the operating system charges to it and its children (os.wait4), so one-core ratios hold on a busy machine
(the one-core sides run two at a time, one per core: sinoscope beside the old commit, the peer beside trafilatura);
the `--jobs 2` against `--jobs 1` ratio is wall-clock and wants a quiet machine: its rounds take the two in
turn, each order in turn, and report the machine's steal time beside them. Corpora: the 250 pages of
../shared/datasets/main-content-extraction (HTML) and the PolNeAR test texts. Sides:
- sinoscope: `sinoscope analyze --jobs 1` of this tree (no time budget: a busy machine must not cut documents);
- old: the same command in a git worktree of COMMIT (default 5499335, the issue's baseline), made if missing, run
  in that tree's own venv, set up by its own Makefile from its own constraints.txt (its pinned spaCy, thinc, …);
- peer: trafilatura + jieba.posseg + spaCy (bench/peer_pipeline.py peer); trafilatura: its extraction alone.
Also: peak resident memory of the largest process (a worker) under `--jobs 2`, `sinoscope --help` time,
and how long `sinoscope serve` takes to answer its first request.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval"
PY = sys.executable


def listing(script: str, *args: str) -> list[str]:
    out = subprocess.run([PY, str(SHARED / script), *args, "--list"], capture_output=True, text=True, check=True)
    return out.stdout.split()


def steal_seconds() -> float:
    """CPU time the hypervisor has given to other guests, summed over this machine's cores (/proc/stat's steal
    column; 0 where there is none): the share of a wall-clock measurement that was not ours to use."""
    try:
        with open("/proc/stat", encoding="ascii") as f:
            return int(f.readline().split()[8]) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


Started = tuple[subprocess.Popen, float, float]  # the process, its start (monotonic), steal seconds then


def start(cmd: list[str], src: pathlib.Path = ROOT / "src") -> Started:
    env = {**os.environ, "PYTHONPATH": str(src), "SINOSCOPE_SECONDS_PER_100KB": "0"}
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=ROOT), \
        time.monotonic(), steal_seconds()


def finish(started: Started) -> dict:
    """Wait for a process; its CPU seconds (with its children's), wall seconds, peak RSS (MB, the largest
    process of its tree) and the machine's steal seconds meanwhile."""
    proc, at, steal = started
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return {"cpu": usage.ru_utime + usage.ru_stime, "wall": time.monotonic() - at,
            "rss_mb": usage.ru_maxrss / 1024, "status": proc.returncode, "steal": steal_seconds() - steal}


def median_run(runs: list[dict]) -> dict:
    """The run of median CPU time, with every run's CPU seconds beside it."""
    middle = sorted(runs, key=lambda r: r["cpu"])[len(runs) // 2]
    return {**middle, "cpu_runs": [r["cpu"] for r in runs]}


def run(cmd: list[str], src: pathlib.Path = ROOT / "src") -> dict:
    return finish(start(cmd, src))


def old_tree(commit: str) -> pathlib.Path:
    """A worktree checked out at `commit`: an existing one, else one made next to this tree."""
    full = subprocess.run(["git", "-C", str(ROOT), "rev-parse", commit], capture_output=True, text=True,
                          check=True).stdout.strip()
    trees = subprocess.run(["git", "-C", str(ROOT), "worktree", "list", "--porcelain"], capture_output=True,
                           text=True, check=True).stdout.split("\n\n")
    for entry in trees:
        lines = dict(line.partition(" ")[::2] for line in entry.splitlines())
        if lines.get("HEAD") == full and pathlib.Path(lines.get("worktree", "")).is_dir():
            return pathlib.Path(lines["worktree"])
    tree = ROOT.parent / f"bench-{commit[:12]}"
    if not tree.exists():
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), commit], check=True,
                       capture_output=True)
    return tree


def tree_python(tree: pathlib.Path) -> str:
    """The interpreter of `tree`'s own venv, set up by the tree's own Makefile (its constraints.txt) if missing."""
    subprocess.run(["make", "-s", "-C", str(tree), ".venv/.installed-stamp"], check=True)
    return str(tree / ".venv" / "bin" / "python")


def analyze_cmd(files: list[str], *extra: str, python: str = PY) -> list[str]:
    return [python, "-m", "sinoscope", "analyze", "--format", "jsonl", "--no-text", *extra, *files]


def first_response_seconds(src: pathlib.Path) -> float | None:
    """Seconds from `sinoscope serve` to its first answered request (None: no answer within 30 s)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "PYTHONPATH": str(src)}
        started = time.monotonic()
        proc = subprocess.Popen([PY, "-m", "sinoscope", "serve", "--db", f"{tmp}/bench.db", "--port", str(port)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=ROOT)
        try:
            while time.monotonic() - started < 30:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                        response.read()
                    return time.monotonic() - started
                except OSError:
                    time.sleep(0.05)
            return None
        finally:
            proc.terminate()
            proc.wait()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, help="first N files of each corpus (a quick run)")
    ap.add_argument("--old", default="5499335", help="the past commit to compare with")
    ap.add_argument("--jobs-pages", type=int, help="time --jobs 2 against --jobs 1 on about N of the pages "
                                                   "(taken evenly; default: all)")
    ap.add_argument("--repeat", type=int, default=1, help="measure each side N times and report the median "
                                                           "(CPU time on a shared machine varies by 10-20%%)")
    ap.add_argument("--out", help="also write the figures here as JSON")
    args = ap.parse_args()
    if not SHARED.exists():
        print("pipeline_bench: ../shared not found; skipped")
        return 0
    pages = listing("extraction_score.py", "--set", "zh") + listing("extraction_score.py", "--set", "en")
    texts = listing("polnear_score.py", "--split", "test")
    if args.limit:
        pages, texts = pages[:args.limit], texts[:args.limit]
    old = old_tree(args.old)
    old_src, old_python = old / "src", tree_python(old)
    figures: dict = {"counts": {"pages": len(pages), "texts": len(texts)}}
    # The one-core sides run two at a time, one per core, each charged its own CPU time: sinoscope beside the
    # old commit, then the peer beside trafilatura, so that the two sides of a ratio share the same conditions.
    for corpus, files in (("pages", pages), ("polnear", texts)):
        pairs = [{"sinoscope": analyze_cmd(files, "--jobs", "1"), "old": analyze_cmd(files, python=old_python)},
                 {"peer": [PY, "bench/peer_pipeline.py", "peer", *files]}]
        if corpus == "pages":
            pairs[1]["trafilatura"] = [PY, "bench/peer_pipeline.py", "trafilatura", *files]
        runs: dict[str, list[dict]] = {}
        for _ in range(args.repeat):
            for pair in pairs:
                running = {side: start(cmd, src=old_src if side == "old" else ROOT / "src")
                           for side, cmd in pair.items()}
                for side, proc in running.items():
                    runs.setdefault(side, []).append(finish(proc))
        figures[corpus] = {side: median_run(done) for side, done in runs.items()}
    for corpus, files in (("pages", pages), ("polnear", texts)):
        sides = figures[corpus]
        ours = sides["sinoscope"]["cpu"]
        for name, side in sides.items():
            side["docs_per_cpu_s"] = len(files) / side["cpu"]
            side["ratio"] = side["cpu"] / ours  # > 1: sinoscope is faster than this side
            print(f"{corpus:8} {name:12} {side['cpu']:8.1f} CPU s {side['docs_per_cpu_s']:6.2f} docs/CPU s "
                  f"sinoscope × {side['ratio']:.2f}  peak {side['rss_mb']:.0f} MB  exit {side['status']}  "
                  f"(CPU s of each run: {', '.join(f'{c:.1f}' for c in side['cpu_runs'])})", flush=True)
    some = pages[::max(1, len(pages) // args.jobs_pages)] if args.jobs_pages else pages  # wall-clock: alone
    rounds = []
    for n in range(args.repeat):  # each order in turn: a slow stretch of the machine favours neither side
        timed = {jobs: run(analyze_cmd(some, "--jobs", jobs)) for jobs in (("1", "2"), ("2", "1"))[n % 2]}
        rounds.append((timed["1"], timed["2"]))
    one, two = sorted(rounds, key=lambda r: r[0]["wall"] / r[1]["wall"])[len(rounds) // 2]  # the median ratio
    figures["jobs"] = {"pages": len(some), "jobs1": one, "jobs2": two, "wall_ratio": one["wall"] / two["wall"],
                       "wall_ratios": [a["wall"] / b["wall"] for a, b in rounds],
                       "peak_rss_mb_max": max(b["rss_mb"] for _, b in rounds),
                       "steal_s": [(a["steal"], b["steal"]) for a, b in rounds]}
    print(f"jobs 2 vs 1 on {len(some)} pages: {one['wall']:.1f} s → {two['wall']:.1f} s wall, "
          f"× {one['wall'] / two['wall']:.2f} (CPU {one['cpu']:.1f} → {two['cpu']:.1f} s); "
          f"peak RSS of the largest process: {two['rss_mb']:.0f} MB (jobs 1: {one['rss_mb']:.0f} MB); "
          f"over {args.repeat} round(s): ratios {', '.join(f'{r:.2f}' for r in figures['jobs']['wall_ratios'])}, "
          f"largest peak {figures['jobs']['peak_rss_mb_max']:.0f} MB; machine steal s (jobs 1, jobs 2): "
          f"{', '.join(f'{a:.1f}/{b:.1f}' for a, b in figures['jobs']['steal_s'])}", flush=True)
    helps = [run([PY, "-m", "sinoscope", "--help"]) for _ in range(3)]
    figures["help"] = sorted(helps, key=lambda h: h["wall"])[1]
    figures["serve_first_response_s"] = first_response_seconds(ROOT / "src")
    print(f"sinoscope --help: {figures['help']['wall']:.2f} s wall, {figures['help']['cpu']:.2f} CPU s (median of 3);"
          f" serve answers after {figures['serve_first_response_s'] or float('nan'):.2f} s", flush=True)
    if args.out:
        pathlib.Path(args.out).write_text(json.dumps(figures, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
