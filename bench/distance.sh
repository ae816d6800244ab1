#!/usr/bin/env bash
# Every workload through bench/linkproxy at 0, 20 and 80 ms round trip on a shared link, and
# the table in bench/README.md (between the "distance" markers) replaced by the result.
#
#   bash bench/distance.sh [ROUNDS]          the full run (default 3 rounds; ~1 hour)
#   HOIST_BENCH_FILES=200 HOIST_BENCH_HUGE_MIB=128 bash bench/distance.sh 1   a quick run
#
# HOIST_BENCH_MBIT (default 200), HOIST_BENCH_WINDOW, HOIST_BENCH_ARGS, HOIST_BENCH_BIN and
# HOIST_BENCH_CASES pass through to run.sh; HOIST_BENCH_RTTS="0ms 20ms 80ms" picks the
# round trips. The table says the sizes, rounds and the machine's load, so a quick run is
# never taken for the full one. The campaign folder is also run on the issue's second path,
# a long lossy one: 80 ms with each connection limited to a 256 KiB window
# (HOIST_BENCH_LONG_WINDOW; empty: not run).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
export HOIST_BENCH_CASES=${HOIST_BENCH_CASES:-s7mixed s7small s7ja s7huge dssmall}
rtts=${HOIST_BENCH_RTTS:-0ms 20ms 80ms}
long_window=${HOIST_BENCH_LONG_WINDOW-262144}
out=$(mktemp /tmp/hoist-distance.XXXXXX)
trap 'rm -f "$out"' EXIT
load0=$(cut -d' ' -f1 /proc/loadavg)
{
  echo "| workload | server delay + link | median ratio hoist/curl | median hoist | median curl | median CPU ratio hoist/curl | hoist ÷ physical limit | Hoist peak RSS |"
  echo "|---|---|---|---|---|---|---|---|"
  for r in $rtts; do
    HOIST_BENCH_RTT=$r bash bench/run.sh "$rounds" | grep -v '^| workload\|^|---'
  done
  if [ -n "$long_window" ] && [[ " $HOIST_BENCH_CASES " == *" s7mixed "* ]]; then
    HOIST_BENCH_RTT=80ms HOIST_BENCH_WINDOW=$long_window HOIST_BENCH_CASES=s7mixed bash bench/run.sh "$rounds" |
      grep -v '^| workload\|^|---'
  fi
} >"$out"
load1=$(cut -d' ' -f1 /proc/loadavg)
{
  echo "<!-- distance:begin (written by bench/distance.sh; do not edit by hand) -->"
  echo "Conditions: $(date -u '+%Y-%m-%d %H:%M UTC'), $rounds round(s), ${HOIST_BENCH_FILES:-2000} small files," \
    "big file ${HOIST_BENCH_HUGE_MIB:-2048} MiB, link ${HOIST_BENCH_MBIT:-200} Mbit/s${HOIST_BENCH_WINDOW:+, window $HOIST_BENCH_WINDOW B}," \
    "hoist flags '${HOIST_BENCH_ARGS:-}', load average $load0 → $load1 on $(nproc) cores, run at niceness $(nice)."
  echo
  cat "$out"
  echo "<!-- distance:end -->"
} >"$out.block"
awk -v block="$out.block" '
  /^<!-- distance:begin/ {while ((getline l < block) > 0) print l; skip = 1; next}
  /^<!-- distance:end/ {skip = 0; next}
  !skip' bench/README.md >"$out.readme"
grep -q '^<!-- distance:begin' bench/README.md || { echo; cat "$out.block"; } >>"$out.readme"
mv "$out.readme" bench/README.md
rm -f "$out.block"
cat "$out"
