#!/usr/bin/env bash
# EVM speed against geth: runs every benchmark program (state tests filled for London) with
# `zgnode evm statetest --bench` and with geth's reference `evm statetest --bench`, on this machine in
# this run, and prints gas per second for both and their ratio. It prints figures and never fails on
# timing; it fails only when a tool is missing or cannot run.
#
#   scripts/bench-evm.sh [--runs N] [--warmup N] [--dir DIR] [FILE...]
#
#   --runs N     timed runs per program and tool; the median is reported (default 5, env BENCH_RUNS)
#   --warmup N   extra untimed passes over each file in the zgnode JVM before the timed ones, so
#                the JIT has settled (default 1, env BENCH_WARMUP)
#   --dir DIR    the folder of state tests (default ../shared/evm-benchmarks/main beside the checkout)
#   FILE...      only these state-test files (default: every *.json in DIR)
#
# How each side is timed:
#   zgnode  one JVM per file, the file named warmup+runs times on one command line; every pass
#           times each transaction itself (warm-up, then the mean of repeated runs) and the passes
#           after the warm-up ones are the samples.
#   geth    one process per run; `--bench` reports Go's ns/op of the whole state test, which includes
#           building and committing the pre-state (a fresh in-memory trie database per op). That setup
#           is measured separately with a copy of the file whose transaction goes to an empty account
#           (same pre-state, 21,000 gas) and subtracted for the "exec" columns, which compare like with
#           like (zgnode's time does not include building the pre-state).
#
# geth's evm is installed by scripts/install-geth-evm.sh (once); zgnode is built by ./zgnode when its
# sources are newer than the jar, before anything is timed.
set -euo pipefail

die() {
  echo "bench-evm: $*" >&2
  exit 1
}

ROOT="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${BENCH_RUNS:-5}"
WARMUP="${BENCH_WARMUP:-1}"
DIR="$ROOT/../shared/evm-benchmarks/main"
FILES=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) [ $# -ge 2 ] || die "--runs needs a number"; RUNS="$2"; shift 2 ;;
    --runs=*) RUNS="${1#--runs=}"; shift ;;
    --warmup) [ $# -ge 2 ] || die "--warmup needs a number"; WARMUP="$2"; shift 2 ;;
    --warmup=*) WARMUP="${1#--warmup=}"; shift ;;
    --dir) [ $# -ge 2 ] || die "--dir needs a folder"; DIR="$2"; shift 2 ;;
    --dir=*) DIR="${1#--dir=}"; shift ;;
    -h | --help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) die "unknown option $1 (try --help)" ;;
    *) FILES+=("$1"); shift ;;
  esac
done
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive whole number, got '$RUNS'"
[[ "$WARMUP" =~ ^[0-9]+$ ]] || die "--warmup must be a whole number, got '$WARMUP'"

if [ ${#FILES[@]} -eq 0 ]; then
  [ -d "$DIR" ] || die "no benchmark folder $DIR (pass --dir DIR or files)"
  for f in "$DIR"/*.json; do
    [ -f "$f" ] && FILES+=("$f")
  done
  [ ${#FILES[@]} -gt 0 ] || die "no *.json state tests in $DIR"
fi
for f in "${FILES[@]}"; do
  [ -r "$f" ] || die "cannot read $f"
done

command -v python3 >/dev/null 2>&1 || die "python3 is needed for the table and is not on PATH"
GETH="$("$ROOT/scripts/install-geth-evm.sh")" || die "could not install geth's evm (see above)"
[ -x "$GETH" ] || die "geth's evm is not executable at '$GETH'"

# Build (when stale) now, so that no build happens while anything is being timed.
"$ROOT/zgnode" version >/dev/null || die "./zgnode does not run (see above)"

export ZGNODE_SKIP_BUILD=1
exec python3 - "$ROOT/zgnode" "$GETH" "$RUNS" "$WARMUP" "${FILES[@]}" <<'PY'
import json, math, os, statistics, subprocess, sys, tempfile

zgnode, geth, runs, warmup = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
files = sys.argv[5:]
FORK = "London"
# An address no benchmark's pre-state holds: the setup-only copy sends its transaction there.
EMPTY_ACCOUNT = "0x00000000000000000000000000000000000dead0"


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def run(cmd):
    p = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def vectors(path):
    """[(test name, ordinal, label)] for the London entries, in file order."""
    with open(path) as fh:
        tests = json.load(fh)
    out = []
    for name, t in tests.items():
        labels = t.get("_info", {}).get("labels", {})
        for i, entry in enumerate(t.get("post", {}).get(FORK, [])):
            d = entry["indexes"]["data"]
            out.append((name, i, labels.get(str(d), str(i))))
    return tests, out


def zgnode_samples(path):
    cmd = [zgnode, "evm", "statetest", "--bench", "--json", "--fork", FORK] + [path] * (warmup + runs)
    rc, out, err = run(cmd)
    samples = {}
    for line in out.splitlines():
        if line.startswith("{"):
            o = json.loads(line)
            samples.setdefault(o["name"], []).append(o)
    if not samples:
        sys.exit(f"bench-evm: zgnode printed no results for {path} (exit {rc}):\n{err.strip()}")
    return {k: v[warmup:] for k, v in samples.items()}


def geth_samples(path):
    """{(test name, ordinal): [result, ...]} over `runs` processes."""
    samples = {}
    for _ in range(runs):
        rc, out, err = run([geth, "statetest", "--bench", "--statetest.fork", FORK, path])
        try:
            results = json.loads(out)
        except ValueError:
            sys.exit(f"bench-evm: geth's evm printed no JSON for {path} (exit {rc}):\n{err.strip()}")
        seen = {}
        for r in results:
            i = seen.get(r["name"], 0)
            seen[r["name"]] = i + 1
            samples.setdefault((r["name"], i), []).append(r)
    return samples


def setup_only(tests, tmp):
    """A copy of the file whose one London entry sends the transaction to an empty account."""
    copy = {}
    for name, t in tests.items():
        t = json.loads(json.dumps(t))
        t["transaction"].update(to=EMPTY_ACCOUNT, data=["0x"])
        entry = dict(t["post"][FORK][0], indexes={"data": 0, "gas": 0, "value": 0})
        t["post"] = {FORK: [entry]}
        copy[name + "_setup"] = t
    path = os.path.join(tmp, "setup.json")
    with open(path, "w") as fh:
        json.dump(copy, fh)
    return path


def median(xs):
    return statistics.median(xs) if xs else None


def spread(xs):
    """(max - min) / median of a side's samples, in percent: how far to trust its median."""
    return 100.0 * (max(xs) - min(xs)) / statistics.median(xs) if len(xs) > 1 else 0.0


rows = []
with tempfile.TemporaryDirectory(prefix="bench-evm.") as tmp:
    for path in files:
        base = os.path.basename(path)
        tests, vecs = vectors(path)
        if not vecs:
            log(f"{base}: no {FORK} entries, skipped")
            continue
        log(f"{base}: {len(vecs)} vector(s), zgnode x{warmup}+{runs} in one JVM, geth x{runs} ...")
        z = zgnode_samples(path)
        g = geth_samples(path)
        s = geth_samples(setup_only(tests, tmp))
        setup_ns = median([r["benchStats"]["time"] for v in s.values() for r in v])
        for name, i, label in vecs:
            zs = z.get(f"{base}:{name}/{i}", [])
            gs = g.get((name, i), [])
            note = []
            if not zs or not all(o["pass"] for o in zs):
                note.append("zgnode FAIL: " + (zs[0].get("error", "?") if zs else "no result"))
            if not gs or not all(r["pass"] for r in gs):
                note.append("geth FAIL: " + (gs[0].get("error", "?") if gs else "no result"))
            z_gas = {o["gasUsed"] for o in zs}
            g_gas = {r["benchStats"]["gasUsed"] for r in gs}
            if zs and gs and z_gas != g_gas:
                note.append(f"gas differs: zgnode {sorted(z_gas)} geth {sorted(g_gas)}")
            if zs and gs and zs[0]["stateRoot"] != gs[0].get("stateRoot"):
                note.append("state roots differ")
            z_times = [o["timeNs"] for o in zs if o["timeNs"] > 0]
            g_times = [r["benchStats"]["time"] for r in gs]
            rows.append(dict(
                program=f"{name}/{label}",
                gas=max(z_gas | g_gas) if (z_gas | g_gas) else 0,
                z_ns=median(z_times),
                g_ns=median(g_times),
                setup_ns=setup_ns,
                spread=max(spread(z_times), spread(g_times)),
                note="; ".join(note)))


def mgas(gas, ns):
    return gas * 1000.0 / ns if ns and ns > 0 else None


def fmt(x, spec):
    return "n/a" if x is None else format(x, spec)


header = ["program", "gas used", "zgnode Mgas/s", "geth Mgas/s", "ratio",
          "geth exec Mgas/s", "ratio exec", "geth setup %", "spread %"]
table, ratios, ratios_exec = [], [], []
for r in rows:
    zm = mgas(r["gas"], r["z_ns"])
    gm = mgas(r["gas"], r["g_ns"])
    exec_ns = r["g_ns"] - r["setup_ns"] if r["g_ns"] and r["setup_ns"] is not None else None
    # When the setup is more than half of geth's time, the difference of two noisy medians says
    # little about the program: no exec figure then (these vectors run for well under 1 ms).
    if exec_ns is not None and exec_ns < 0.5 * r["g_ns"]:
        exec_ns = None
    gem = mgas(r["gas"], exec_ns)
    ratio = zm / gm if zm and gm else None
    ratio_exec = zm / gem if zm and gem else None
    ok = not r["note"]
    if ok and ratio:
        ratios.append((ratio, r["program"]))
    if ok and ratio_exec:
        ratios_exec.append((ratio_exec, r["program"]))
    setup_pct = 100.0 * r["setup_ns"] / r["g_ns"] if r["g_ns"] and r["setup_ns"] else None
    table.append([r["program"], f"{r['gas']:,}", fmt(zm, ",.1f"), fmt(gm, ",.1f"), fmt(ratio, ".2f"),
                  fmt(gem, ",.1f"), fmt(ratio_exec, ".2f"), fmt(setup_pct, ".0f"), fmt(r["spread"], ".0f")]
                 + ([r["note"]] if r["note"] else []))

widths = [max(len(str(row[c])) for row in table + [header]) for c in range(len(header))]
def line(cells):
    first = cells[0].ljust(widths[0])
    rest = [str(c).rjust(w) for c, w in zip(cells[1:len(header)], widths[1:])]
    extra = cells[len(header):]
    return "  ".join([first] + rest + (["  " + extra[0]] if extra else []))

versions = dict(l.split(" ", 1) for l in run([zgnode, "version"])[1].splitlines() if " " in l)
zg_version = f"zgnode {versions.get('zgnode', '?').strip()} (java {versions.get('java:', '?').strip()})"
geth_version = run([geth, "--version"])[1].strip()
print(f"EVM benchmarks ({FORK}), median of {runs} run(s): {zg_version} vs geth's {geth_version}")
print(line(header))
print(line(["-" * w for w in widths]))
for row in table:
    print(line(row))


def summary(label, rs):
    if not rs:
        print(f"{label}: no comparable rows")
        return
    gmean = math.exp(sum(math.log(x) for x, _ in rs) / len(rs))
    low, prog = min(rs)
    print(f"{label}: geometric mean {gmean:.2f}, lowest {low:.2f} ({prog}), over {len(rs)} programs")

print()
summary("ratio (zgnode / geth as its tool reports, pre-state setup included on geth's side)", ratios)
summary("ratio exec (zgnode / geth with its pre-state setup subtracted; like with like)", ratios_exec)
print("spread %: (slowest - fastest) / median of the runs, the worse of the two tools; "
      "geth setup %: share of geth's reported time spent building the pre-state")
with open("/proc/loadavg") as fh:
    print(f"load average at the end: {' '.join(fh.read().split()[:3])} on {os.cpu_count()} CPUs")
PY
