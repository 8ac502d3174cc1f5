"""kplan's benchmarks in one command: each command as a whole process, against its peers, how cost grows, and
what a rebuild costs.

    .venv/bin/python bench/run.py             # everything, N = 1, 5, 20, 50 (about 30 minutes on 2 CPUs)
    .venv/bin/python bench/run.py --quick     # one run of each on the real plan, no MkDocs/Sphinx: CI's smoke test

Every figure is a whole process, interpreter start included, run from kplan's console script as a user runs it.
A comparison runs the two commands alternately, A B A B …, and reports the ratio pair by pair (min / median /
max), so a machine that slows down in the middle does not decide it. Peers work on the same content: pandoc on
`kplan export --format md`; the plain `weasyprint` command on kplan's print HTML; MkDocs (Material) and Sphinx
(MyST) on the export cut into its chapters, in a virtual environment of their own that this script makes once
(bench/peers.py; --quick leaves them out unless --peers is given). Writes a Markdown report (default
bench/latest.md) and prints it.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import instructions  # noqa: E402
from growth import exponent, startup_command  # noqa: E402
from harness import Pairing, bench_environment, compare, measure  # noqa: E402
from synthetic import make_synthetic_plan  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SCRIPT = Path(sys.executable).with_name("kplan")
KPLAN = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "kplan"]
LIMITS = {  # issue 15
    "no-op": 0.5,  # × pandoc
    "start-up": 1.5,  # × pandoc, lint and build --html
    "help": 0.1,  # seconds
    "exponent": 1.1,
    "pdf memory at 20": 1000,  # MB
    "live": 100,  # ms
}


def _editions(work: Path) -> tuple[Path, Path]:
    """The two editions of the real plan as directories (from the git history, by their trailers)."""
    dirs = []
    for label in ("v1", "v2.0"):
        commit = subprocess.run(
            ["git", "log", "-1", "--format=%H", f"--grep=^Plan-Edition: {label}$", "HEAD"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        target = work / f"edition-{label}"
        target.mkdir()
        archive = subprocess.run(
            ["git", "archive", commit, "plan", "glossary"], cwd=REPO, capture_output=True, check=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
        shutil.copytree(REPO / "templates", target / "templates")
        dirs.append(target)
    # the current sources, as the checkout has them (the newest edition may have been edited since its tag)
    current = work / "current"
    for name in ("plan", "glossary", "templates"):
        shutil.copytree(REPO / name, current / name)
    return dirs[0], current


def _pair_exponent(pairs: list[tuple[tuple[int, float], tuple[int, float]]]) -> tuple[float | None, str]:
    """The median exponent over (smaller, larger) pairs of (N, own work), and its text: median (min–max)."""
    known = sorted(k for k in (exponent(small, large) for small, large in pairs) if k is not None)
    if not known:
        return None, ""
    k = statistics.median(known)
    return k, f"{k:.2f} ({known[0]:.2f}–{known[-1]:.2f})"


def _commands(plan: Path, out: Path, old: Path) -> dict[str, tuple[list[str], tuple[int, ...]]]:
    """The measured commands on `plan`: real work every time (--force: the build record does not skip them)."""
    return {
        "lint": ([*KPLAN, "-C", str(plan), "lint"], (0, 1)),
        "build --html": ([*KPLAN, "-C", str(plan), "build", "--html", "--force", "-o", str(out)], (0,)),
        "build --pdf": ([*KPLAN, "-C", str(plan), "build", "--pdf", "--force", "-o", str(out)], (0,)),
        "diff v1 v2.0": ([*KPLAN, "diff", str(old), str(plan)], (0, 1)),
    }


def _fmt_ratio(pairing: Pairing) -> str:
    low, median, high = pairing.ratio_spread
    return f"**{median:.2f}** ({low:.2f} / {median:.2f} / {high:.2f})"


def _verdict(met: bool) -> str:
    return "met" if met else "**not met**"


class Report:
    """The report's lines, and the goals with their verdicts."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.goals: list[tuple[str, str, bool]] = []

    def add(self, *lines: str) -> None:
        self.lines += lines

    def goal(self, name: str, figure: str, met: bool) -> None:
        self.goals.append((name, figure, met))


def versus(
    label: str,
    command: list[str],
    peer: str,
    peer_command: list[str],
    cwd: Path,
    runs: int,
    warmup: int,
    accept: tuple[int, ...] = (0,),
) -> Pairing:
    """kplan's command against a peer's, alternately (the peer first in each pair); ratios are kplan / peer."""
    return compare(peer, peer_command, label, command, cwd, runs, warmup, accept)


def _pair_table(report: Report, pairings: list[Pairing]) -> None:
    report.add(
        "| kplan | median | peer | median | kplan / peer, pair by pair: **median** (min / median / max) |",
        "| --- | --- | --- | --- | --- |",
    )
    for pairing in pairings:
        report.add(
            f"| {pairing.b.label} | {pairing.b.median:.3f} s | {pairing.a.label} | {pairing.a.median:.3f} s "
            f"| {_fmt_ratio(pairing)} |"
        )
    report.add("")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7, help="counted runs (pairs) of each comparison (default 7)")
    parser.add_argument("--warmup", type=int, default=1, help="uncounted runs first (default 1)")
    parser.add_argument("--sizes", default="1,5,20,50", help="synthetic plan sizes, N times the real plan")
    parser.add_argument("--quick", action="store_true", help="one run, N=1 only, no MkDocs/Sphinx: a smoke test")
    parser.add_argument("--peers", action="store_true", help="with --quick: measure MkDocs and Sphinx too")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "latest.md", help="where to write the report")
    options = parser.parse_args()
    if options.quick:
        options.runs, options.warmup, options.sizes = 1, 0, "1"
    sizes = [int(n) for n in options.sizes.split(",")]
    with_peers = options.peers or not options.quick
    runs, warmup = options.runs, options.warmup
    report = Report()
    report.add(
        "# kplan benchmark report",
        "",
        f"- date: {time.strftime('%Y-%m-%d %H:%M %Z')}",
        f"- machine: {platform.machine()}, {len(os.sched_getaffinity(0))} CPUs, {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}, {_memory_gb():.0f} GB",
        f"- command: `{' '.join(['bench/run.py', *sys.argv[1:]])}` ({runs} counted runs or pairs after {warmup} "
        "warm-up; the PDF of the synthetic plans: fewer, one pair at N = 20 and two at N = 50)",
        f"- kplan runs as `{' '.join(KPLAN)}`; peers: pandoc {_version(['pandoc', '--version'])}, weasyprint "
        f"{_version([str(Path(sys.executable).with_name('weasyprint')), '--version'])}",
        "",
    )
    with tempfile.TemporaryDirectory(prefix="kplan-bench-") as tmp:
        work = Path(tmp)
        if with_peers:
            from peers import peers_venv

            os.environ["KPLAN_BENCH_PEERS"] = str(peers_venv())  # made once, in the user's cache
        os.environ["XDG_CACHE_HOME"] = str(work / "cache")  # kplan's caches start empty; warm-up runs fill them
        old, new = _editions(work)
        _real_plan(report, new, old, work, runs, warmup)
        _peers(report, new, work, runs, warmup, with_peers)
        _rebuilds(report, new, work, runs, warmup)
        _growth(report, sizes, old, new, work, runs, min(warmup, 1))
    _goals(report)
    text = "\n".join(report.lines) + "\n"
    options.out.write_text(text, encoding="utf-8")
    print(text)


def _real_plan(report: Report, plan: Path, old: Path, work: Path, runs: int, warmup: int) -> None:
    report.add(
        "## The real plan, each command alone",
        "",
        "| command | median | spread (min–max) | peak memory |",
        "| --- | --- | --- | --- |",
    )
    commands = dict(_commands(plan, work / "out", old))
    commands["diff v1 v2.0"] = ([*KPLAN, "diff", "v1", "v2.0"], (0, 1))
    commands["--help"] = ([*KPLAN, "--help"], (0,))
    for label, (command, accept) in commands.items():
        summary = measure(label, command, REPO if label.startswith("diff") else plan, runs, warmup, accept)
        low, high = summary.spread
        report.add(f"| {label} | {summary.median:.3f} s | {low:.3f}–{high:.3f} s | {summary.peak_mb:.0f} MB |")
        if label == "--help":
            report.goal("`kplan --help` ≤ 0.1 s", f"{summary.median:.3f} s", summary.median <= LIMITS["help"])
    # the help's text is kept (kplan.help_cache): the first run of a kplan (or in a new width) is typer's
    forget_help = f'rm -rf {shlex.quote(str(_plans_cache().parent / "help"))} && exec "$@"'
    summary = measure("--help (text not kept)", ["sh", "-c", forget_help, "sh", *KPLAN, "--help"], plan, runs, warmup)
    low, high = summary.spread
    report.add(f"| --help, text not kept (typer) | {summary.median:.3f} s | {low:.3f}–{high:.3f} s | |")
    pdf = next((work / "out" / "pdf").glob("*.pdf"))
    report.add("", f"PDF: {pdf.stat().st_size / 1e6:.2f} MB.", "")


def _export(plan: Path, work: Path) -> Path:
    markdown = work / "plan.md"
    subprocess.run(
        [*KPLAN, "-C", str(plan), "export", "--format", "md", "-o", str(markdown)],
        check=True,
        capture_output=True,
        env=bench_environment(),
    )
    return markdown


def _peers(report: Report, plan: Path, work: Path, runs: int, warmup: int, with_peers: bool) -> None:
    report.add(
        "## Against the tools people would use instead (same content, alternating pairs)",
        "",
        "Cold processes, interpreter start included. kplan's builds here use `--force` (real work every run); the",
        "no-op row is `kplan build` (site and PDF) with nothing changed since the last build. *One chapter edited*:",
        "a line is added to the first chapter before every run, so the plan is loaded again and that chapter's",
        "Markdown parsed again (the week's usual run). *Sources' caches empty*: markdown-it's tokens and the kept",
        "plan are deleted before every run (the first run after every file changed).",
        "",
    )
    markdown = _export(plan, work)
    pandoc = ["pandoc", "-s", str(markdown), "-o", str(work / "pandoc.html")]
    pairings = []
    if shutil.which("pandoc"):
        html_pair = versus(
            "kplan build --html",
            [*KPLAN, "-C", str(plan), "build", "--html", "--force", "-o", str(work / "h")],
            "pandoc -s plan.md",
            pandoc,
            plan,
            runs,
            warmup,
        )
        lint_pair = versus(
            "kplan lint", [*KPLAN, "-C", str(plan), "lint"], "pandoc -s plan.md", pandoc, plan, runs, warmup, (0, 1)
        )
        # the same commands with the caches of the sources emptied before every run (markdown-it's tokens and the
        # kept plan; the shell adds about a millisecond): what the first run after an edit of every file costs
        caches = Path(os.environ["XDG_CACHE_HOME"]) / "kplan"
        emptied = f'rm -rf "{caches / "markdown"}" "{caches / "plans"}" && exec "$@"'
        cold = ["sh", "-c", emptied, "sh", *KPLAN, "-C", str(plan), "lint"]
        cold_pair = versus(
            "kplan lint (sources' caches empty)", cold, "pandoc -s plan.md", pandoc, plan, runs, warmup, (0, 1)
        )
        cold_html = [
            "sh",
            "-c",
            emptied,
            "sh",
            *KPLAN,
            "-C",
            str(plan),
            "build",
            "--html",
            "--force",
            "-o",
            str(work / "h"),
        ]
        cold_html_pair = versus(
            "kplan build --html (sources' caches empty)", cold_html, "pandoc -s plan.md", pandoc, plan, runs, warmup
        )
        # a week's usual run: one chapter edited (a line added at its end), then lint or build: the plan is loaded
        # again, the edited chapter's Markdown parsed again
        chapter = sorted((plan / "plan" / "chapters").glob("*.md"))[0]
        edit = f'printf "\\n" >> "{chapter}" && exec "$@"'
        edit_pair = versus(
            "kplan lint (one chapter edited)",
            ["sh", "-c", edit, "sh", *KPLAN, "-C", str(plan), "lint"],
            "pandoc -s plan.md",
            pandoc,
            plan,
            runs,
            warmup,
            (0, 1),
        )
        edit_html = ["sh", "-c", edit, "sh", *KPLAN, "-C", str(plan), "build", "--html", "-o", str(work / "h")]
        edit_html_pair = versus(
            "kplan build --html (one chapter edited)", edit_html, "pandoc -s plan.md", pandoc, plan, runs, warmup
        )
        noop = [*KPLAN, "-C", str(plan), "build", "-o", str(work / "noop")]
        subprocess.run(noop, check=True, capture_output=True, env=bench_environment())
        noop_pair = versus("kplan build (no-op)", noop, "pandoc -s plan.md", pandoc, plan, runs, warmup)
        pairings += [html_pair, lint_pair, edit_pair, edit_html_pair, cold_pair, cold_html_pair, noop_pair]
        report.goal(
            "no-op `kplan build` ≤ 0.5× pandoc", _fmt_ratio(noop_pair), noop_pair.median_ratio <= LIMITS["no-op"]
        )
        report.goal("`kplan lint` ≤ 1.5× pandoc", _fmt_ratio(lint_pair), lint_pair.median_ratio <= LIMITS["start-up"])
        report.goal(
            "`kplan build --html` ≤ 1.5× pandoc",
            _fmt_ratio(html_pair),
            html_pair.median_ratio <= LIMITS["start-up"],
        )
    else:
        report.add("pandoc is not installed (scripts/setup.sh installs it): its pairs are left out.", "")
    print_html = work / "print.html"
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; from kplan.load import load_plan; "
            "from kplan.render.pdf import print_html; "
            "Path(sys.argv[2]).write_text(print_html(load_plan(Path(sys.argv[1]))), encoding='utf-8')",
            str(plan),
            str(print_html),
        ],
        check=True,
        env=bench_environment(),
    )
    weasyprint = [
        str(Path(sys.executable).with_name("weasyprint")),
        "-u",
        str(plan / "templates" / "static") + "/",
        "--pdf-variant",
        "pdf/ua-1",
        str(print_html),
        str(work / "weasyprint.pdf"),
    ]
    pairings.append(
        versus(
            "kplan build --pdf",
            [*KPLAN, "-C", str(plan), "build", "--pdf", "--force", "-o", str(work / "p")],
            "weasyprint print.html",
            weasyprint,
            plan,
            max(1, runs // 2),
            min(warmup, 1),
        )
    )
    venv = os.environ.get("KPLAN_BENCH_PEERS")
    if with_peers and venv:
        from peers import mkdocs_command, sphinx_command, write_mkdocs, write_sphinx

        text = markdown.read_text(encoding="utf-8")
        mkdocs = write_mkdocs(text, work / "mkdocs")
        sphinx = write_sphinx(text, work / "sphinx")
        kplan_html = [*KPLAN, "-C", str(plan), "build", "--html", "--force", "-o", str(work / "h")]
        pairings.append(
            versus(
                "kplan build --html",
                kplan_html,
                "mkdocs build (Material)",
                mkdocs_command(Path(venv), mkdocs, work / "mkdocs-site"),
                plan,
                runs,
                warmup,
            )
        )
        pairings.append(
            versus(
                "kplan build --html",
                kplan_html,
                "sphinx-build -E -a (MyST)",
                sphinx_command(Path(venv), sphinx, work / "sphinx-out"),
                plan,
                runs,
                warmup,
            )
        )
    else:
        report.add("MkDocs and Sphinx left out (--quick; give --peers to measure them).", "")
    _pair_table(report, pairings)


def _rebuilds(report: Report, plan: Path, work: Path, runs: int, warmup: int) -> None:
    """A one-edit rebuild from the command line, and the in-process live rebuild."""
    report.add("## Rebuilds", "")
    out = work / "rebuild"
    style = plan / "templates" / "static" / "style.css"
    printed = plan / "templates" / "static" / "print.css"
    kplan = " ".join(KPLAN)
    edit_style = f"printf '/* %s */\\n' $$ >> {style} && exec {kplan} -C {plan} build -o {out}"
    edit_print = f"printf '/* %s */\\n' $$ >> {printed} && exec {kplan} -C {plan} build -o {out}"
    subprocess.run(
        [*KPLAN, "-C", str(plan), "build", "-o", str(out)], check=True, capture_output=True, env=bench_environment()
    )
    site_only = measure("style.css edited, then `kplan build`", ["sh", "-c", edit_style], plan, runs, warmup)
    print_only = measure("print.css edited, then `kplan build`", ["sh", "-c", edit_print], plan, 1, 0)
    full = measure("`kplan build --force`", [*KPLAN, "-C", str(plan), "build", "--force", "-o", str(out)], plan, 1, 0)
    report.add(
        "| rebuild | median | |",
        "| --- | --- | --- |",
        f"| {site_only.label} (site made again, PDF left) | {site_only.median:.3f} s | "
        f"{site_only.median / full.median:.2f}× the full build |",
        f"| {print_only.label} (PDF made again, site left) | {print_only.median:.3f} s | "
        f"{print_only.median / full.median:.2f}× the full build |",
        f"| {full.label} (site and PDF) | {full.median:.3f} s | |",
        "",
    )
    live = subprocess.run(
        [sys.executable, str(REPO / "bench" / "live_rebuild.py"), str(plan)],
        capture_output=True,
        text=True,
        check=True,
        env=bench_environment(),
    )
    figures = json.loads(live.stdout.strip().splitlines()[-1])
    edits = figures["edit_ms"]
    report.add(
        f"Live rebuild (bench/live_rebuild.py, kplan.live in one process): after a one-chapter edit "
        f"**{figures['edit_median_ms']:.0f} ms** median (min {min(edits):.0f}, max {max(edits):.0f} ms over "
        f"{len(edits)} edits; the plan loaded again, the site rendered again, changed files written); after a "
        f"style-sheet edit {figures['style_ms']:.0f} ms (the plan not loaded again); after no change "
        f"{figures['idle_ms']:.1f} ms; the first build {figures['first_ms']:.0f} ms.",
        "",
    )
    report.goal(
        "live rebuild after a one-chapter edit < 100 ms",
        f"{figures['edit_median_ms']:.0f} ms (max {max(edits):.0f})",
        figures["edit_median_ms"] < LIMITS["live"],
    )


def _growth(report: Report, sizes: list[int], old: Path, new: Path, work: Path, runs: int, warmup: int) -> None:
    report.add(
        "## How cost grows with the size of the plan",
        "",
        "Synthetic plans N times the real one (bench/synthetic.py: chapters, cards, tables, survey questions, and a",
        "glossary of made-up terms composed from a shared stock of words). *Own work* is the wall time less the",
        "command's start-up (a process that imports what the command imports and exits). Each size is run",
        "alternately with the previous one (A B A B, as the comparisons above), so that the exponent k of own",
        "work ∝ N^k comes from pairs run under the same machine conditions: k is the median over the pairs (min–max",
        "in brackets). A machine that slows down for a minute slows both sizes of a pair. k is computed twice: from",
        "the CPU time the process used (user and system) and from the wall time. On a shared machine a process",
        "waits for a CPU while another runs, and the wall time counts that wait; the CPU time does not, but both",
        "slow down when other processes share the caches and memory. The commands that take seconds are also",
        "counted in instructions (below), the same on every run: their goal is judged on that count, the PDF's and",
        "diff's on the CPU time.",
        "",
        "| command | N | median | own work | own CPU time | peak memory | k by CPU time (min–max) | k by wall time |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    )
    plans = {}
    for n in sizes:
        plans[n] = (make_synthetic_plan(new, n, work / f"synthetic-{n}"), work / f"synthetic-{n}-v1")
        make_synthetic_plan(old, n, plans[n][1])
    startup: dict[str, float] = {}
    startup_cpu: dict[str, float] = {}
    exponents: dict[str, dict[int, float]] = {}
    memory: dict[tuple[str, int], float] = {}

    def kplan_at(n: int) -> dict[str, tuple[list[str], tuple[int, ...]]]:
        return _commands(plans[n][0], work / f"out-{n}", plans[n][1])

    def commands_at(n: int) -> dict[str, tuple[list[str], tuple[int, ...]]]:
        """kplan_at(n), lint's kept findings removed before each lint or build: the rules' work is counted."""
        commands = kplan_at(n)
        kept_lint = ("lint", "build --html", "build --pdf")
        return {label: (_forgetting_findings(c) if label in kept_lint else c, a) for label, (c, a) in commands.items()}

    for label in commands_at(sizes[0]):
        started = measure(f"start-up {label}", startup_command(label), work, max(runs, 3), 1)
        startup[label], startup_cpu[label] = started.median, started.median_cpu
        for index, n in enumerate(sizes):
            plan = plans[n][0]
            command, accept = commands_at(n)[label]
            if label == "build --pdf":  # minutes a run at N = 20 and 50: two pairs there, fewer below
                count, warm = (2, 0) if n >= 50 else (1, 0) if n >= 20 else (max(1, runs // 2), warmup)
            else:
                count, warm = runs, warmup
            if index == 0:
                summary = measure(label, command, plan, count, warm, accept)
                k_text = wall_k_text = ""
            else:
                smaller = sizes[index - 1]
                before, _ = commands_at(smaller)[label]
                pairing = compare(f"{label} {smaller}", before, f"{label} {n}", command, plan, count, warm, accept)
                summary = pairing.b
                pairs = list(zip(pairing.a.runs, pairing.b.runs, strict=True))
                k, k_text = _pair_exponent(
                    [((smaller, a.cpu - startup_cpu[label]), (n, b.cpu - startup_cpu[label])) for a, b in pairs]
                )
                _wall_k, wall_k_text = _pair_exponent(
                    [((smaller, a.wall - startup[label]), (n, b.wall - startup[label])) for a, b in pairs]
                )
                if k is not None:
                    exponents.setdefault(label, {})[n] = k
            memory[(label, n)] = summary.peak_mb
            work_s = max(summary.median - startup[label], 1e-3)
            cpu_s = max(summary.median_cpu - startup_cpu[label], 1e-3)
            report.add(
                f"| {label} | {n} | {summary.median:.2f} s | {work_s:.2f} s | {cpu_s:.2f} s | "
                f"{summary.peak_mb:.0f} MB | {k_text} | {wall_k_text} |"
            )
    report.add(
        "",
        "Start-up subtracted (wall; CPU): "
        + ", ".join(f"{k} {v:.3f} s; {startup_cpu[k]:.3f} s" for k, v in startup.items())
        + ".",
        "",
    )
    if 20 in sizes and 50 in sizes and sizes.index(50) == sizes.index(20) + 1:
        counted = _instructions(report, {label: (kplan_at(20)[label], kplan_at(50)[label]) for label in COUNTED})
        for label, by_n in exponents.items():
            if label in counted:
                k, measure_name = counted[label], "instructions"
            else:
                k, measure_name = by_n.get(50), "CPU time"
            report.goal(
                f"`{label}` own work ({measure_name}), exponent N = 20 → 50 ≤ 1.1",
                "—" if k is None else f"{k:.2f}",
                k is not None and k <= LIMITS["exponent"],
            )
    if ("build --pdf", 20) in memory:
        peak = memory[("build --pdf", 20)]
        report.goal("PDF peak memory at N = 20 < 1 GB", f"{peak:.0f} MB", peak < LIMITS["pdf memory at 20"])


FINDINGS = "*-findings.pickle"  # lint's findings kept by kplan.lint.kept, in the cache's plans/


def _plans_cache() -> Path:
    return Path(os.environ["XDG_CACHE_HOME"]) / "kplan" / "plans"


def _forgetting_findings(command: list[str]) -> list[str]:
    """`command`, run after lint's kept findings are removed: a growth run counts the rules' work, which a run on
    unchanged sources would take from the entry."""
    return ["sh", "-c", f'rm -f {shlex.quote(str(_plans_cache()))}/{FINDINGS} && exec "$@"', "sh", *command]


def _forget_findings() -> None:
    for path in _plans_cache().glob(FINDINGS):
        path.unlink()


COUNTED = ("lint", "build --html", "diff v1 v2.0")  # counted in instructions (seconds each; the PDF: minutes)
Command = tuple[list[str], tuple[int, ...]]


def _instructions(report: Report, commands: dict[str, tuple[Command, Command]]) -> dict[str, float]:
    """Count each command's instructions at N = 20 and 50 and its start-up's; report them; the exponents."""
    report.add("### Instructions (callgrind)", "")
    if not instructions.available():
        report.add("Valgrind is not installed (scripts/setup.sh installs it): not counted.", "")
        return {}
    report.add(
        "`valgrind --tool=callgrind` of each command once, after the runs above (the same caches); *own* is the",
        "count less that of the command's start-up process.",
        "",
        "| command | N | instructions | own instructions | k from N = 20 |",
        "| --- | --- | --- | --- | --- |",
    )
    exponents: dict[str, float] = {}
    for label, ((small, small_accept), (large, large_accept)) in commands.items():
        start = instructions.count(startup_command(label), REPO)
        _forget_findings()
        own_small = instructions.count(small, REPO, small_accept) - start
        _forget_findings()
        own_large = instructions.count(large, REPO, large_accept) - start
        k = exponent((20, own_small), (50, own_large))
        if k is not None:
            exponents[label] = k
        report.add(
            f"| {label} | 20 | {own_small + start:,} | {own_small:,} | |",
            f"| {label} | 50 | {own_large + start:,} | {own_large:,} | {'—' if k is None else f'{k:.2f}'} |",
        )
    report.add("")
    return exponents


def _goals(report: Report) -> None:
    report.add("## Goals of issue 15", "", "| goal | measured | |", "| --- | --- | --- |")
    for name, figure, met in report.goals:
        report.add(f"| {name} | {figure} | {_verdict(met)} |")
    report.add("")


def _version(command: list[str]) -> str:
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return "(not installed)"
    first = (done.stdout or done.stderr).strip().splitlines()
    return first[0].split()[-1] if first else "?"


def _memory_gb() -> float:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (ValueError, OSError):
        return 0.0


if __name__ == "__main__":
    main()
