#!/usr/bin/env bash
# CPU time of Hoist against curl on loopback, precisely: many alternated runs, medians.
# Not a test: it prints measurements.
#
#   bash bench/cpu.sh [ROUNDS]          (default 15 rounds; 2,000 × 64 KiB and 1 × 512 MiB)
#
# Environment:
#   HOIST_BENCH_BINS="/tmp/a /tmp/b"   prebuilt hoist binaries to compare (default: ./cmd/hoist)
#   HOIST_BENCH_CASES="small big"      the workloads
#   HOIST_BENCH_TLS=1                  over https (the sink's certificate: curl --cacert,
#                                      hoist --ca-file)
#   HOIST_BENCH_PERF=0                 bash's times instead of perf stat
#
# Every round runs curl (one Scene7 request carrying every file, as bench/run.sh) and each
# binary against the same sink, curl first and the binaries in their order on odd rounds,
# the whole sequence reversed on even ones, and reads each process's task-clock (CPU time,
# user + system, in ms), context switches and page faults with `perf stat`; without perf,
# bash's `times` gives the CPU time alone. Single runs on a shared virtual machine vary by
# ±10 % and the machine's speed drifts over minutes (curl's median moved from 131 to 196 ms
# between invocations of one morning), so only alternated runs of the same invocation are
# compared: each round's ratio to curl's run of that round, whose median is the figure, and
# the ratio of the medians beside it. The binaries are told apart by their paths: to
# compare a binary with itself, copy it under another name.
set -euo pipefail
export LC_ALL=C # numbers with a decimal point, whatever the locale (bash's times, awk)
cd "$(dirname "$0")/.."
rounds=${1:-15}
cases=${HOIST_BENCH_CASES:-small big}
work=$(mktemp -d /tmp/hoist-cpu.XXXXXX)
sink_pid=
trap '[ -n "$sink_pid" ] && kill "$sink_pid" 2>/dev/null; rm -rf "$work"' EXIT
command -v curl >/dev/null || { echo "curl is required" >&2; exit 1; }
perf=
[ "${HOIST_BENCH_PERF:-1}" = 1 ] && perf stat -x, -e task-clock true >/dev/null 2>&1 && perf=1

bins=()
if [ -n "${HOIST_BENCH_BINS:-}" ]; then
  for b in $HOIST_BENCH_BINS; do bins+=("$b"); done
else
  CGO_ENABLED=0 go build -o "$work/hoist" ./cmd/hoist && bins=("$work/hoist")
fi
# shellcheck source=bench/common.sh
source bench/common.sh
# Hoist's password comes from the environment. It is set here, for every client, rather than
# by running Hoist through env(1): env's own start (a dynamically linked program, ~3.5 ms
# and ~60 page faults here) was counted as Hoist's CPU time, and curl paid nothing like it.
export HOIST_PASSWORD=bench
start_sink
write_xml

mkdir -p "$work/small/campaign" "$work/big"
head -c $((2000 << 16)) /dev/urandom | split -b 65536 -d -a 4 --additional-suffix=.jpg - "$work/small/campaign/img-"
case $cases in *big*) head -c $((512 << 20)) /dev/urandom >"$work/big/master.tif" ;; esac
# one NAME CMD... → "NAME cpu_ms context_switches page_faults" (the last two 0 without perf)
one() {
  local name=$1
  shift
  if [ -n "$perf" ]; then
    perf stat -x, -e task-clock,context-switches,page-faults -o "$work/stat" "$@" >/dev/null 2>"$work/err" ||
      { cat "$work/err" >&2; return 1; }
    awk -F, -v n="$name" '/task-clock/ {t = $1} /context-switches/ {c = $1} /page-faults/ {p = $1}
      END {printf "%s %.1f %d %d\n", n, t, c, p}' "$work/stat"
  else
    local cpu
    cpu=$(child_cpu "$@") || return 1
    awk -v n="$name" -v c="$cpu" 'BEGIN {printf "%s %.1f 0 0\n", n, c * 1000}'
  fi
}

echo "| workload | client | median CPU (ms) | quartiles | ÷ curl's median | median of the rounds' ratios to curl (quartiles) | context switches | page faults |"
echo "|---|---|---|---|---|---|---|---|"
for c in $cases; do
  dir="$work/$c"
  scene7_cfg "$dir" >"$work/curl.cfg"
  : >"$work/raw"
  for r in $(seq "$rounds"); do
    # Odd rounds run curl and the binaries in order, even rounds the reverse: a machine
    # that speeds up or slows down within a round favours no client.
    order=(curl "${bins[@]}")
    if [ $((r % 2)) = 0 ]; then
      for ((i = ${#order[@]} - 1, j = 0; i > j; i--, j++)); do
        x=${order[i]} order[i]=${order[j]} order[j]=$x
      done
    fi
    for b in "${order[@]}"; do
      if [ "$b" = curl ]; then
        one curl curl -K "$work/curl.cfg"
      else
        one "$b" "$b" upload --service scene7 --endpoint "$base/scene7/UploadFile" \
          --user bench@hoist.local --company 'c|1' --dest-folder /filer/bench --overwrite "${hoist_tls[@]}" "$dir"
      fi | sed "s/\$/ $r/" >>"$work/raw"
    done
  done
  label="2,000 × 64 KiB"
  [ "$c" = big ] && label="1 × 512 MiB"
  [ ${#tls[@]} -gt 0 ] && label="$label, TLS"
  # The ratio of each round (a client's CPU time over curl's in the same round) cancels
  # the machine's drift between rounds; its median is the figure to compare with 1.
  awk '$1 == "curl" {c[$5] = $2} {t[$1, $5] = $2} END {for (k in t) {split(k, p, SUBSEP); if (p[1] != "curl" && c[p[2]] > 0) print p[1], t[k] / c[p[2]]}}' "$work/raw" |
    sort -k1,1 -k2,2g >"$work/ratios"
  sort -k1,1 -k2,2g "$work/raw" | awk -v w="$label" -v ratios="$work/ratios" '
    BEGIN {while ((getline line < ratios) > 0) {split(line, f, " "); rn[f[1]]++; rv[f[1], rn[f[1]]] = f[2]}}
    {n[$1]++; v[$1, n[$1]] = $2; cs[$1] += $3; pf[$1] += $4}
    END {
      m = v["curl", int((n["curl"] + 1) / 2)]
      row("curl")
      for (k in n) if (k != "curl") row(k)
    }
    # The quartiles of n sorted values are the (n/4 + 1)th and the (n - n/4)th, integer
    # division: the same distance from each end.
    function row(k,   med, paired) {
      med = v[k, int((n[k] + 1) / 2)]
      paired = "1.00"
      if (rn[k] > 0) paired = sprintf("%.3f (%.3f–%.3f)", rv[k, int((rn[k] + 1) / 2)], rv[k, int(rn[k] / 4) + 1], rv[k, rn[k] - int(rn[k] / 4)])
      printf "| %s | %s | %.1f | %.1f–%.1f | %.2f | %s | %d | %d |\n", w, k, med,
        v[k, int(n[k] / 4) + 1], v[k, n[k] - int(n[k] / 4)], med / m, paired, cs[k] / n[k], pf[k] / n[k]
    }'
done
echo
how="bash's times"
[ -n "$perf" ] && how="perf stat's task-clock"
echo "$rounds alternated rounds, $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores, CPU from $how."
