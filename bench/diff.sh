#!/usr/bin/env bash
# Benchmark: `kplan diff v1 v2.0` as text and as JSON, wall time with the interpreter's start (goal: at most 1.5 s).
# Prints the median of RUNS runs (default 7) of each. Run from a checkout whose history has both editions.
set -uo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-7}
for form in text json; do
  times=()
  for _ in $(seq "$runs"); do
    # kplan diff exits 1 when the editions differ; /usr/bin/time's last line is the figure
    times+=("$( { /usr/bin/time -f "%e %M" .venv/bin/kplan diff v1 v2.0 --format "$form" >/dev/null; } 2>&1 | tail -1)")
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p")
  echo "kplan diff v1 v2.0 --format $form: median ${median% *} s wall, ${median#* } KB peak, of $runs runs (goal: 1.5 s)"
done
