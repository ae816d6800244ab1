#!/usr/bin/env bash
# Hoist against curl on the same loopback sink. Not a test: it prints measurements.
#
#   bash bench/run.sh [ROUNDS]        (default 5 rounds)
#
# Environment:
#   HOIST_BENCH_DELAY=50ms   the sink waits this long before each answer (a distant server)
#   HOIST_BENCH_CASES="s7big s7small dsbig dssmall"   the workloads to run (default: all)
#   HOIST_BENCH_ARGS="--concurrency 8"                extra flags for hoist upload
#   HOIST_BENCH_BIN=/path/to/hoist                    a prebuilt hoist instead of ./cmd/hoist
#   HOIST_BENCH_BINS="/tmp/a /tmp/b"   several prebuilt binaries, run one after the other in
#                            every round (paired runs: each gets the same load); one table
#                            row per binary, named after it
#   HOIST_BENCH_CURL=0       do not run curl (when only Hoist's time ÷ the physical limit
#                            matters: curl's one request takes ~80 s on the lossy path)
#   HOIST_BENCH_TRACE=FILE   linkproxy writes the link's upstream bytes per 100 ms there
#   HOIST_BENCH_TLS=1        the sink serves https (a certificate made at start, which curl
#                            gets as --cacert and hoist as --ca-file): what reaches Scene7
#   HOIST_BENCH_RTT=80ms     run through bench/linkproxy: this round-trip time is added
#   HOIST_BENCH_MBIT=200     the link's rate in Mbit/s, shared by all connections (with RTT;
#                            default 200); the table then gives hoist's time ÷ the physical
#                            limit (file bytes ÷ link rate)
#   HOIST_BENCH_WINDOW=262144  per-connection bytes in flight on the link (default: none)
#   HOIST_BENCH_FILES=2000   how many 64 KiB files the small workloads have (quick runs: fewer)
#   HOIST_BENCH_HUGE_MIB=2048  the size of the s7huge file
#   HOIST_BENCH_CURL_DRSUM=1   also time curl's sequential Dr.Sum requests through the link
#                              (2,000 round trips: minutes at 80 ms; skipped by default)
#
# Cases: s7big, s7small, dsbig, dssmall (above); s7mixed: a campaign folder of mixed sizes
# (~200 MiB at 2,000 files, scaled with HOIST_BENCH_FILES) in subfolders; s7ja: the small
# files named 商品画像0001.jpg…; s7huge: one HOIST_BENCH_HUGE_MIB file.
#
# Workloads: one 512 MiB file, and 2,000 files of 64 KiB. Scene7: curl posts the same
# multipart body (auth + uploadParams + files; for the 2,000 files ONE request carrying every
# file, the best a script can do). Dr.Sum: one request per file, curl sequential with
# keep-alive (one process, --next). The two clients alternate; we report the median of the
# per-round time ratio hoist/curl, the median times, the median of the per-round CPU time
# ratio hoist/curl (user + system, from bash's `times`, in ms: GNU time's %U and %S have
# 10 ms steps), and Hoist's peak RSS (GNU time's %M).
# After every run the sink's counters are checked, so a client that sent nothing is caught.
set -euo pipefail
export LC_ALL=C # numbers with a decimal point, whatever the locale (bash's times, awk)
cd "$(dirname "$0")/.."
rounds=${1:-5}
delay=${HOIST_BENCH_DELAY:-0s}
cases=${HOIST_BENCH_CASES:-s7big s7small dsbig dssmall}
extra=${HOIST_BENCH_ARGS:-}
rtt=${HOIST_BENCH_RTT:-}
mbit=${HOIST_BENCH_MBIT:-200}
nfiles=${HOIST_BENCH_FILES:-2000}
huge_mib=${HOIST_BENCH_HUGE_MIB:-2048}
sink_pid= proxy_pid=
work=$(mktemp -d /tmp/hoist-bench.XXXXXX)
trap '[ -n "$sink_pid" ] && kill "$sink_pid" 2>/dev/null; [ -n "$proxy_pid" ] && kill "$proxy_pid" 2>/dev/null; rm -rf "$work"' EXIT

command -v curl >/dev/null || { echo "curl is required" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "GNU time is required (apt-get install time)" >&2; exit 1; }

bins=()
if [ -n "${HOIST_BENCH_BINS:-}" ]; then
  for b in $HOIST_BENCH_BINS; do cp "$b" "$work/hoist-${#bins[@]}" && bins+=("$b"); done
elif [ -n "${HOIST_BENCH_BIN:-}" ]; then
  cp "$HOIST_BENCH_BIN" "$work/hoist-0" && bins=("")
else
  CGO_ENABLED=0 go build -o "$work/hoist-0" ./cmd/hoist && bins=("")
fi
# shellcheck source=bench/common.sh
source bench/common.sh
start_sink -delay "$delay"
stats=$base # the sink's counters are read directly, not through the link
link="loopback"
if [ -n "$rtt" ]; then
  go build -o "$work/linkproxy" ./bench/linkproxy
  "$work/linkproxy" -to "${base#http://}" -rtt "$rtt" -mbit "$mbit" -window "${HOIST_BENCH_WINDOW:-0}" \
    -trace "${HOIST_BENCH_TRACE:-}" >"$work/proxy.url" &
  proxy_pid=$!
  for _ in $(seq 50); do [ -s "$work/proxy.url" ] && break; sleep 0.1; done
  base=$(head -1 "$work/proxy.url")
  [ ${#tls[@]} -gt 0 ] && base="https://${base#http://}"
  link="$rtt, $mbit Mbit/s"
  [ ${#tls[@]} -gt 0 ] && link="$link, TLS"
  [ -n "${HOIST_BENCH_WINDOW:-}" ] && link="$link, window $HOIST_BENCH_WINDOW B"
  delay="$delay + $link"
elif [ ${#tls[@]} -gt 0 ]; then
  delay="$delay, TLS"
fi

mkdir -p "$work/big" "$work/small/campaign"
case $cases in *big*) head -c $((512 << 20)) /dev/urandom >"$work/big/master.tif" ;; esac
head -c $((nfiles << 16)) /dev/urandom | split -b 65536 -d -a 4 --additional-suffix=.jpg - "$work/small/campaign/img-"
case $cases in *s7ja*)
  mkdir -p "$work/ja/キャンペーン"
  for f in "$work"/small/campaign/img-*.jpg; do
    n=${f##*/img-}
    ln "$f" "$work/ja/キャンペーン/商品画像$n"
  done ;;
esac
case $cases in *s7huge*)
  mkdir -p "$work/huge" && head -c $((huge_mib << 20)) /dev/urandom >"$work/huge/film.mov" ;;
esac
case $cases in *s7mixed*)
  # A campaign folder: a few print masters, many web images, small thumbnails, in subfolders.
  # At 2,000 files: 10 × 8 MiB + 190 × 512 KiB + 1,800 × 16 KiB ≈ 203 MiB.
  k=$((nfiles / 200)); [ "$k" -lt 1 ] && k=1
  mkdir -p "$work/mixed/print" "$work/mixed/web" "$work/mixed/thumbs"
  head -c $((k * (8 << 20))) /dev/urandom | split -b $((8 << 20)) -d -a 4 --additional-suffix=.tif - "$work/mixed/print/master-"
  head -c $((k * 19 * (512 << 10))) /dev/urandom | split -b $((512 << 10)) -d -a 4 --additional-suffix=.jpg - "$work/mixed/web/look-"
  head -c $((k * 180 * (16 << 10))) /dev/urandom | split -b $((16 << 10)) -d -a 4 --additional-suffix=.jpg - "$work/mixed/thumbs/thumb-"
  ;;
esac

write_xml

# curl config files: one Scene7 request carrying every file (scene7_cfg, common.sh); Dr.Sum one
# request per file.
drsum_cfg() { # DIR
  find "$1" -type f | sort | awk -v base="$base" -v cacert="${curl_tls[1]:-}" '
    NR > 1 {print "next"}
    cacert != "" {printf "cacert = \"%s\"\n", cacert}
    {printf "url = \"%s/api/v1.0/file/upload\"\nsilent\nshow-error\nfail\noutput = /dev/null\nuser = \"apiuser01:password01\"\nform = \"dest_dir=/filer/bench\"\nform = \"overwrite=true\"\nform = \"file=@%s\"\n", base, $0}'
}

files_received() { curl -s "${curl_tls[@]}" "$stats/stats" | awk '{print $1}'; }

measure() { # EXPECTED_FILES CMD... -> prints "elapsed_seconds peak_rss_kib cpu_seconds"
  local want=$1 before after
  shift
  before=$(files_received)
  # GNU time's %e has 10 ms steps, too coarse for runs of 0.2 s: bash's clock times the run.
  local t0=$EPOCHREALTIME
  local cpu
  cpu=$(child_cpu /usr/bin/time -f "%M" -o "$work/time" "$@") || return 1
  local t1=$EPOCHREALTIME
  after=$(files_received)
  if [ $((after - before)) -ne "$want" ]; then
    echo "the sink received $((after - before)) files, not $want, from: $*" >&2
    return 1
  fi
  tail -1 "$work/time" | awk -v a="$t0" -v b="$t1" -v c="$cpu" '{printf "%.3f %s %s\n", b - a, $1, c}'
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

run_case() { # NAME SERVICE DIR
  local name=$1 service=$2 dir=$3 cfg="$work/case.curl" cs=() t c n i
  if [ "$service" = scene7 ]; then scene7_cfg "$dir" >"$cfg"; else drsum_cfg "$dir" >"$cfg"; fi
  n=$(find "$dir" -type f | wc -l)
  local bytes skip_curl=
  bytes=$(find "$dir" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
  [ -n "$rtt" ] && [ "$service" = drsum ] && [ -z "${HOIST_BENCH_CURL_DRSUM:-}" ] && skip_curl=1
  [ "${HOIST_BENCH_CURL:-1}" = 0 ] && skip_curl=1
  local endpoint="$base/scene7/UploadFile" user=bench@hoist.local
  [ "$service" = drsum ] && endpoint="$base/api/v1.0/file/upload" user=apiuser01
  # Per binary i: newline-separated per-round figures.
  local -A ratios=() cpus=() rss=() hs=()
  for r in $(seq "$rounds"); do
    if [ -n "$skip_curl" ]; then c="0 0 0"; else c=$(measure "$n" curl -K "$cfg"); fi
    local cw cc
    read -r cw _ cc <<<"$c"
    cs+=("$cw")
    for i in "${!bins[@]}"; do
      local h hw hm hc
      # shellcheck disable=SC2086 # $extra is a list of flags
      h=$(HOIST_PASSWORD=bench measure "$n" "$work/hoist-$i" upload --service "$service" --endpoint "$endpoint" \
        --user "$user" --company 'c|1' --dest-folder /filer/bench --overwrite "${hoist_tls[@]}" $extra "$dir")
      read -r hw hm hc <<<"$h"
      ratios[$i]+="$(awk -v h="$hw" -v c="$cw" 'BEGIN {printf "%.3f", (c > 0 ? h / c : 0)}')"$'\n'
      cpus[$i]+="$(awk -v h="$hc" -v c="$cc" 'BEGIN {printf "%.2f", (c > 0 ? h / c : 0)}')"$'\n'
      rss[$i]+="$hm"$'\n' hs[$i]+="$hw"$'\n'
      printf '  %s%s round %d: hoist %ss (%s KiB, CPU %ss)  curl %ss (CPU %ss)  load %s\n' "$name" "${bins[$i]:+ [${bins[$i]}]}" \
        "$r" "$hw" "$hm" "$hc" "$cw" "$cc" "$(cut -d' ' -f1 /proc/loadavg)" >&2
    done
  done
  local cmed
  cmed=$(printf '%s\n' "${cs[@]}" | median)
  for i in "${!bins[@]}"; do
    local hmed ratio cpu limit="—" cshow="$cmed s"
    hmed=$(printf '%s' "${hs[$i]}" | median)
    ratio=$(printf '%s' "${ratios[$i]}" | median) cpu=$(printf '%s' "${cpus[$i]}" | median)
    if [ -n "$skip_curl" ]; then ratio="—" cshow="—" cpu="—"; fi
    if [ -n "$rtt" ] && [ "$mbit" != 0 ]; then
      # The physical limit: the file bytes at the link's rate (no round trips, no headers).
      limit=$(awk -v h="$hmed" -v b="$bytes" -v m="$mbit" 'BEGIN {l = b * 8 / (m * 1e6); printf "%.2f (limit %.2f s)", h / l, l}')
    fi
    printf '| %s%s | %s | %s | %s s | %s | %s | %s | %s MiB |\n' "$name" "${bins[$i]:+ [${bins[$i]}]}" "$delay" "$ratio" "$hmed" "$cshow" "$cpu" "$limit" \
      "$(printf '%s' "${rss[$i]}" | sort -g | tail -1 | awk '{printf "%.1f", $1/1024}')"
  done
}

echo "| workload | server delay + link | median ratio hoist/curl | median hoist | median curl | median CPU ratio hoist/curl | hoist ÷ physical limit | Hoist peak RSS |"
echo "|---|---|---|---|---|---|---|---|"
for k in $cases; do
  case $k in
  s7big) run_case "Scene7, 1 × 512 MiB" scene7 "$work/big" ;;
  s7small) run_case "Scene7, $nfiles × 64 KiB" scene7 "$work/small" ;;
  s7ja) run_case "Scene7, $nfiles × 64 KiB, Japanese names" scene7 "$work/ja" ;;
  s7mixed) run_case "Scene7, campaign folder $(du -sm "$work/mixed" | cut -f1) MiB" scene7 "$work/mixed" ;;
  s7huge) run_case "Scene7, 1 × $huge_mib MiB" scene7 "$work/huge" ;;
  dsbig) run_case "Dr.Sum, 1 × 512 MiB" drsum "$work/big" ;;
  dssmall) run_case "Dr.Sum, $nfiles × 64 KiB" drsum "$work/small" ;;
  *) echo "unknown case $k" >&2; exit 2 ;;
  esac
done
