#!/usr/bin/env bash
# Benchmark: `kplan build --html` of the real plan, wall time and peak memory, median of N runs (default 5).
# Each run writes into a fresh output directory (everything written), then the same directory is rebuilt
# (nothing changed, nothing rewritten). Interpreter start and the search data are included.
#   bash bench/build_html.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
kplan=.venv/bin/kplan
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

for kind in fresh rebuild; do
  : > "$scratch/$kind.times"
  for run in $(seq "$runs"); do
    out="$scratch/out-$run"
    [ "$kind" = fresh ] && rm -rf "$out"
    /usr/bin/time -f "%e %M" -o "$scratch/one" "$kplan" build --html -o "$out" > /dev/null
    cat "$scratch/one" >> "$scratch/$kind.times"
  done
  seconds=$(cut -d' ' -f1 "$scratch/$kind.times" | median)
  kilobytes=$(cut -d' ' -f2 "$scratch/$kind.times" | median)
  echo "kplan build --html ($kind output, median of $runs): ${seconds} s ${kilobytes} KB" \
       "[runs: $(cut -d' ' -f1 "$scratch/$kind.times" | tr '\n' ' ')]"
done
