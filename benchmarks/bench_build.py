"""Throughput benchmark for ``kg build``: articles per second and peak memory.

Usage::

    python benchmarks/bench_build.py --n 100 1000 10000 [--langs kk,ru,en]
        [--validate | --no-validate] [--profile-n 90] [--repeat 1] [--append]

For each N the script generates N synthetic articles (``generate_articles.py``; cached in
``benchmarks/.cache/`` so that repeated runs time the build, not the generator), runs
``python -m kg build DIR -o OUT.trig`` as a child process exactly as a user would, and
records its wall time, CPU time, peak resident memory, output quads and size.  It then
profiles a small N in-process, stage by stage, and writes everything, with the machine
and the commands, to ``benchmarks/results.md``.

Why a child process per build: peak RSS must be that of one build, not of the benchmark
or of an earlier, larger build.  ``os.wait4`` returns the resource usage of exactly the
child it reaps, so no psutil or ``/usr/bin/time`` is needed (POSIX only).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import json
import os
import platform
import re
import shlex
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Before anything imports numpy (pyshacl → rdflib may): one BLAS thread, as in the child.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from generate_articles import LANGS, generate, parse_langs  # noqa: E402

CACHE = HERE / ".cache"
RESULTS = HERE / "results.md"
_WROTE = re.compile(r"wrote .*? \((\d+) quads; ([^)]*)\)")
_STAMP = ".complete.json"


# -- input articles -------------------------------------------------------------------


def generator_fingerprint() -> str:
    """Hash of what the articles depend on (the generator and the gazetteers it reads),
    so a cached article set is regenerated when either changes."""
    digest = hashlib.sha256()
    sources = [HERE / "generate_articles.py"]
    sources += [REPO / "kg" / "gazetteers" / f"{n}.json" for n in ("organizations", "places")]
    sources.append(REPO / "kg" / "gazetteers" / "roles.json")
    for path in sources:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def articles_dir(n: int, seed: int, langs: Sequence[str], cache: Path) -> Path:
    """The directory holding the N articles, generated unless a complete, current copy is
    cached.  A stamp written last marks the set complete (an interrupted run regenerates)."""
    path = cache / f"n{n}-seed{seed}-{'-'.join(langs)}"
    stamp = path / _STAMP
    want = {"n": n, "seed": seed, "langs": list(langs), "generator": generator_fingerprint()}
    if stamp.is_file() and json.loads(stamp.read_text()) == want:
        return path
    if path.exists():
        for old in path.glob("*.txt"):
            old.unlink()
    started = time.perf_counter()
    generate(n, path, seed, langs)
    stamp.write_text(json.dumps(want))
    print(f"generated {n} articles in {time.perf_counter() - started:.1f} s → {path}")
    return path


def corpus_stats(path: Path) -> dict[str, float]:
    """Mean characters per article and total megabytes, for the report."""
    files = sorted(path.glob("*.txt"))
    chars = [len(f.read_text(encoding="utf-8")) for f in files]
    return {
        "articles": len(files),
        "mean_chars": statistics.mean(chars) if chars else 0.0,
        "megabytes": sum(f.stat().st_size for f in files) / 1e6,
    }


# -- one build in a child process -------------------------------------------------------


@dataclass
class BuildRun:
    """Measurements of one ``kg build`` child process."""

    n: int
    validate: bool
    wall: float
    cpu: float
    max_rss_mib: float
    exit_code: int
    quads: int | None = None
    counts: str = ""
    output_mb: float = 0.0
    timed_out: bool = False
    stderr_tail: str = ""
    command: str = ""

    @property
    def rate(self) -> float:
        return self.n / self.wall if self.wall else 0.0


def child_env() -> dict[str, str]:
    """The build's environment: one BLAS thread so numbers do not depend on the core
    count, and no terminal progress output."""
    return {**os.environ, "OPENBLAS_NUM_THREADS": "1", "PYTHONUNBUFFERED": "1"}


def _maxrss_mib(usage: Any) -> float:
    # ru_maxrss is in KiB on Linux and in bytes on macOS.
    scale = 1 if sys.platform == "darwin" else 1024
    return usage.ru_maxrss * scale / 2**20


def run_build(
    input_dir: Path, n: int, validate: bool, workdir: Path, timeout: float | None
) -> BuildRun:
    """Run ``python -m kg build`` once and measure it."""
    out = workdir / "out.trig"
    err_path = workdir / "stderr.txt"
    cmd = [sys.executable, "-m", "kg", "build", str(input_dir), "-o", str(out)]
    if not validate:
        cmd.append("--no-validate")
    timed_out = threading.Event()
    with err_path.open("wb") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(
            cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err, env=child_env()
        )

        def kill() -> None:
            timed_out.set()
            with contextlib.suppress(ProcessLookupError):
                os.kill(proc.pid, signal.SIGKILL)

        timer = threading.Timer(timeout, kill) if timeout else None
        if timer:
            timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        if timer:
            timer.cancel()
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped by wait4, not Popen
    stderr = err_path.read_text(encoding="utf-8", errors="replace")
    match = _WROTE.search(stderr)
    run = BuildRun(
        n=n,
        validate=validate,
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        max_rss_mib=_maxrss_mib(usage),
        exit_code=proc.returncode,
        quads=int(match.group(1)) if match else None,
        counts=match.group(2) if match else "",
        output_mb=out.stat().st_size / 1e6 if out.exists() else 0.0,
        timed_out=timed_out.is_set(),
        stderr_tail="\n".join(stderr.strip().splitlines()[-15:]),
        command=shlex.join(["OPENBLAS_NUM_THREADS=1", "python", *cmd[1:4], _shown(input_dir)])
        + " -o OUT.trig"
        + (" --no-validate" if not validate else ""),
    )
    with contextlib.suppress(FileNotFoundError):
        out.unlink()
    return run


def _shown(path: Path) -> str:
    """``path`` relative to the repository when inside it, so reports read the same on
    every machine."""
    try:
        return str(path.resolve().relative_to(REPO))
    except ValueError:
        return str(path)


def startup_seconds() -> float:
    """Wall time of ``python -m kg --version``: interpreter start and imports, paid once
    per build whatever N."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "kg", "--version"],
        check=True,
        capture_output=True,
        env=child_env(),
    )
    return time.perf_counter() - started


# -- per-stage profile, in-process --------------------------------------------------------


@dataclass
class StageTimes:
    """Accumulated seconds per stage (and call counts), filled by the timing wrappers."""

    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    calls: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, stage: str, seconds: float) -> None:
        self.seconds[stage] += seconds
        self.calls[stage] += 1


@contextlib.contextmanager
def _patched(owner: Any, name: str, make: Callable[[Callable[..., Any]], Any]) -> Iterator[None]:
    """Replace ``owner.name`` by ``make(original)`` for the duration of the block.

    The pipeline looks these names up at call time (module globals, class attributes), so
    wrapping them times the real ``build_dataset`` code path without editing ``kg/``."""
    original = getattr(owner, name)
    setattr(owner, name, make(original))
    try:
        yield
    finally:
        setattr(owner, name, original)


class _Active(threading.local):
    stage: str | None = None


def _timer(
    times: StageTimes, active: _Active, stage: Callable[..., str]
) -> Callable[[Callable[..., Any]], Any]:
    """A ``make`` for :func:`_patched`: the wrapper adds each call's time to the stage
    ``stage(caller, *args)`` names, where ``caller`` is the name of the calling function
    (so ``validate_graph`` called from ``Builder.finish`` counts as the dataset-wide
    validation, from anywhere else as article validation).  Only the outermost timed
    call counts, so a stage that runs another (an rdflib ``+=`` inside validation) is
    not counted twice."""

    def make(original: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if active.stage is not None:
                return original(*args, **kwargs)
            name = stage(sys._getframe(1).f_code.co_name, *args)
            active.stage = name
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                times.add(name, time.perf_counter() - started)
                active.stage = None

        return wrapper

    return make


READ = "read (decode, layout, language detection)"
STAGES = (
    READ,
    "map kk",
    "map ru",
    "map en",
    "resolve",
    "build article graph",
    "validate articles (SHACL)",
    "article graph → quads",
    "entity index",
    "merge graphs (rdflib +=)",
    "entities graph",
    "validate dataset (final SHACL)",
)


def profile_stages(input_dir: Path, validate: bool = True) -> dict[str, Any]:
    """Run ``kg.pipeline.build_dataset`` and ``write_dataset`` in this process with each
    stage timed: reading (incl. language detection), mapping per language, resolving,
    building the article graph, article SHACL validation, conversion to quads, the
    entity index, merging graphs (article graphs into the union that the final
    validation checks), the entities graph, the final dataset-wide validation, and
    writing TriG; "other" is the rest of the pipeline's own code.  One-off loading
    (imports, mappers, gazetteers, SHACL shapes) is timed separately, before the
    articles, because a real build pays it once whatever N.

    The stages are found by wrapping the functions ``kg.pipeline`` calls (not by editing
    it), and attributed by caller, so the profile follows the pipeline as it changes
    (e.g. whether articles are validated one by one or in batches)."""
    setup: dict[str, float] = {}
    started = time.perf_counter()
    from rdflib import Graph

    import kg.pipeline as pipeline
    from kg.rdf.dataset import write_dataset
    from kg.rdf.namespaces import DEFAULT_BASE, prefixes_with_base

    setup["import kg"] = time.perf_counter() - started
    t = time.perf_counter()
    pipeline.Gazetteer.default()
    setup["load gazetteers"] = time.perf_counter() - t
    for lang in LANGS:
        t = time.perf_counter()
        pipeline.get_mapper(lang)
        setup[f"load mapper {lang}"] = time.perf_counter() - t
    t = time.perf_counter()
    pipeline.validate_graph(Graph())
    setup["load SHACL shapes"] = time.perf_counter() - t

    times = StageTimes()
    active = _Active()

    def timed_reader(original: Callable[..., Any]) -> Callable[..., Iterator[Any]]:
        def read(*args: Any, **kwargs: Any) -> Iterator[Any]:
            iterator = iter(original(*args, **kwargs))
            while True:
                t0 = time.perf_counter()
                item = next(iterator, None)
                times.add(READ, time.perf_counter() - t0)
                if item is None:
                    return
                yield item

        return read

    def by_caller(elsewhere: str, in_finish: str) -> Callable[..., str]:
        return lambda caller, *_: in_finish if caller == "finish" else elsewhere

    def timer(stage: Callable[..., str]) -> Callable[[Callable[..., Any]], Any]:
        return _timer(times, active, stage)

    patches = [
        (pipeline, "read_inputs", timed_reader),
        (pipeline.Builder, "extract", timer(lambda _c, _s, article: f"map {article.language}")),
        (pipeline.Resolver, "resolve", timer(lambda *_: "resolve")),
        (pipeline, "build_article_graph", timer(lambda *_: "build article graph")),
        (
            pipeline,
            "validate_graph",
            timer(by_caller("validate articles (SHACL)", "validate dataset (final SHACL)")),
        ),
        (pipeline, "graph_quads", timer(by_caller("article graph → quads", "entities graph"))),
        (pipeline.EntityIndex, "add", timer(lambda *_: "entity index")),
        (pipeline.EntityIndex, "graph", timer(lambda *_: "entities graph")),
        (Graph, "__iadd__", timer(lambda *_: "merge graphs (rdflib +=)")),
    ]
    with contextlib.ExitStack() as stack:
        for owner, name, make in patches:
            stack.enter_context(_patched(owner, name, make))
        t = time.perf_counter()
        result = pipeline.build_dataset([str(input_dir)], pipeline.BuildOptions(validate=validate))
        build_total = time.perf_counter() - t

    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        prefixes = prefixes_with_base(DEFAULT_BASE)
        write_dataset(result.quads, Path(tmp) / "out.trig", "trig", prefixes)
        quads = len(set(result.quads))  # as the CLI counts them
        write = time.perf_counter() - t

    stages = {k: times.seconds.get(k, 0.0) for k in STAGES}
    stages.update({k: v for k, v in times.seconds.items() if k not in stages})
    stages["other pipeline code"] = max(build_total - sum(stages.values()), 0.0)
    stages["write TriG"] = write
    return {
        "articles": result.articles,
        "quads": quads,
        "problems": [str(p) for p in result.problems if p.fatal][:5],
        "setup": setup,
        "stages": stages,
        "total": build_total + write,
        "validate": validate,
    }


# -- report --------------------------------------------------------------------------------


def machine_info() -> dict[str, str]:
    """What the numbers depend on: cores, CPU, memory, OS, Python, library versions."""
    info: dict[str, str] = {}
    cpus = os.cpu_count() or 0
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else cpus
    info["nproc"] = f"{usable} (of {cpus})" if usable != cpus else str(cpus)
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["CPU"] = line.split(":", 1)[1].strip()
                break
    with contextlib.suppress(OSError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                info["memory"] = f"{int(line.split()[1]) / 2**20:.1f} GiB"
                break
    info["OS"] = platform.platform()
    info["Python"] = f"{platform.python_implementation()} {platform.python_version()}"
    versions = []
    for dist in ("kg-intergov", "rdflib", "pyshacl", "pyoxigraph"):
        with contextlib.suppress(Exception):
            from importlib.metadata import version

            versions.append(f"{dist} {version(dist)}")
    info["packages"] = ", ".join(versions)
    with contextlib.suppress(OSError, subprocess.CalledProcessError):
        commit = subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(REPO), "status", "--porcelain", "--", "kg"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        info["kg commit"] = commit + (" (kg/ has uncommitted changes)" if dirty else "")
    info["load average"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return info


def throughput_table(runs: Sequence[BuildRun]) -> str:
    rows = [
        "| N | validate | wall (s) | articles/s | CPU (s) | peak RSS (MiB) | quads | "
        "output (MB) | exit |",
        "|---:|:---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in runs:
        exit_text = "timeout" if r.timed_out else str(r.exit_code)
        quads = f"{r.quads:,}" if r.quads is not None else "–"
        rows.append(
            f"| {r.n:,} | {'yes' if r.validate else 'no'} | {r.wall:.1f} | {r.rate:.1f} | "
            f"{r.cpu:.1f} | {r.max_rss_mib:.0f} | {quads} | {r.output_mb:.1f} | {exit_text} |"
        )
    return "\n".join(rows)


def profile_table(profile: dict[str, Any]) -> str:
    n = max(profile["articles"], 1)
    total = profile["total"]
    rows = ["| stage | total (s) | ms/article | share |", "|---|---:|---:|---:|"]
    for stage, seconds in profile["stages"].items():
        rows.append(
            f"| {stage} | {seconds:.2f} | {1000 * seconds / n:.1f} | {100 * seconds / total:.0f}% |"
        )
    rows.append(f"| **total** | **{total:.2f}** | **{1000 * total / n:.1f}** | 100% |")
    setup = ", ".join(f"{k} {v:.2f} s" for k, v in profile["setup"].items())
    return "\n".join(rows) + f"\n\nOne-off setup before the first article: {setup}."


def write_results(
    path: Path,
    runs: Sequence[BuildRun],
    profile: dict[str, Any] | None,
    profile_n: int,
    corpus: dict[int, dict[str, float]],
    startup: float,
    argv: Sequence[str],
    append: bool,
) -> str:
    """Render the report (Markdown) and write or append it to ``path``."""
    info = machine_info()
    lines = [
        f"## Run of {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}",
        "",
        "Machine and software:",
        "",
        *(f"- {k}: {v}" for k, v in info.items()),
        "",
        "Command:",
        "",
        "```sh",
        shlex.join(["python", "benchmarks/bench_build.py", *argv]),
        "```",
        "",
        "Each build ran as (from the repository root, one fresh process per N; OUT.trig in "
        "a temporary directory):",
        "",
        "```sh",
        *dict.fromkeys(r.command for r in runs),
        "```",
        "",
        "Articles (synthetic, `benchmarks/generate_articles.py`): "
        + "; ".join(
            f"N={n:,}: {c['megabytes']:.1f} MB, {c['mean_chars']:.0f} characters/article"
            for n, c in sorted(corpus.items())
        )
        + ".",
        "",
        f"Start-up (`python -m kg --version`, included in every wall time): {startup:.2f} s.",
        "",
        "### Throughput",
        "",
        throughput_table(runs),
        "",
    ]
    failed = [r for r in runs if r.exit_code != 0]
    for r in failed:
        lines += [
            f"N={r.n:,} {'timed out' if r.timed_out else f'exited {r.exit_code}'}; "
            "last lines of its standard error:",
            "",
            "```",
            r.stderr_tail,
            "```",
            "",
        ]
    if profile is not None:
        lines += [
            f"### Per-stage profile (N={profile_n:,}, in-process, "
            f"validation {'on' if profile['validate'] else 'off'})",
            "",
            profile_table(profile),
            "",
        ]
        if profile["problems"]:
            lines += ["Input problems: " + "; ".join(profile["problems"]), ""]
    section = "\n".join(lines)
    if append and path.exists():
        path.write_text(path.read_text(encoding="utf-8").rstrip() + "\n\n" + section)
    else:
        header = (
            "# `kg build` throughput\n\n"
            "Written by `benchmarks/bench_build.py`; see `benchmarks/README.md` for what is "
            "measured.\n\n"
        )
        path.write_text(header + section, encoding="utf-8")
    return section


# -- command line -----------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, nargs="+", default=[100, 1000], help="article counts")
    parser.add_argument("--langs", type=parse_langs, default=LANGS, help="e.g. kk,ru,en")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--validate",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="build with SHACL validation (the default) or with --no-validate",
    )
    parser.add_argument(
        "--profile-n", type=int, default=90, help="articles for the in-process profile (0: skip)"
    )
    parser.add_argument("--repeat", type=int, default=1, help="builds per N; the median is kept")
    parser.add_argument("--timeout", type=float, default=None, help="seconds per build")
    parser.add_argument("--cache", type=Path, default=CACHE, help="where articles are cached")
    parser.add_argument("--results", type=Path, default=RESULTS, help="Markdown report")
    parser.add_argument(
        "--append", action="store_true", help="append to the report instead of replacing it"
    )
    args = parser.parse_args(argv)

    corpus: dict[int, dict[str, float]] = {}
    runs: list[BuildRun] = []
    startup = startup_seconds()
    for n in args.n:
        path = articles_dir(n, args.seed, args.langs, args.cache)
        corpus[n] = corpus_stats(path)
        attempts = []
        for _ in range(args.repeat):
            with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
                run = run_build(path, n, args.validate, Path(tmp), args.timeout)
            attempts.append(run)
            print(
                f"N={n}: {run.wall:.1f} s, {run.rate:.1f} articles/s, "
                f"peak RSS {run.max_rss_mib:.0f} MiB, exit {run.exit_code}",
                flush=True,
            )
            if run.exit_code != 0:
                print(run.stderr_tail, file=sys.stderr)
                break
        attempts.sort(key=lambda r: r.wall)
        median = attempts[len(attempts) // 2]
        median.max_rss_mib = max(r.max_rss_mib for r in attempts)
        runs.append(median)

    profile = None
    if args.profile_n > 0:
        path = articles_dir(args.profile_n, args.seed, args.langs, args.cache)
        profile = profile_stages(path, validate=True)

    section = write_results(
        args.results, runs, profile, args.profile_n, corpus, startup, argv, args.append
    )
    print()
    print(section)
    print(f"(written to {args.results})")
    return 0 if all(r.exit_code == 0 for r in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
