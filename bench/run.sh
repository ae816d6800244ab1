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
#
# Workloads: one 512 MiB file, and 2,000 files of 64 KiB. Scene7: curl posts the same
# multipart body (auth + uploadParams + files; for the 2,000 files ONE request carrying every
# file, the best a script can do). Dr.Sum: one request per file, curl sequential with
# keep-alive (one process, --next). The two clients alternate; we report the median of the
# per-round time ratio hoist/curl, the median times, and Hoist's peak RSS (GNU time's %M).
# After every run the sink's counters are checked, so a client that sent nothing is caught.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
delay=${HOIST_BENCH_DELAY:-0s}
cases=${HOIST_BENCH_CASES:-s7big s7small dsbig dssmall}
extra=${HOIST_BENCH_ARGS:-}
sink_pid=
work=$(mktemp -d /tmp/hoist-bench.XXXXXX)
trap '[ -n "$sink_pid" ] && kill "$sink_pid" 2>/dev/null; rm -rf "$work"' EXIT

command -v curl >/dev/null || { echo "curl is required" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "GNU time is required (apt-get install time)" >&2; exit 1; }

if [ -n "${HOIST_BENCH_BIN:-}" ]; then
  cp "$HOIST_BENCH_BIN" "$work/hoist"
else
  CGO_ENABLED=0 go build -o "$work/hoist" ./cmd/hoist
fi
go build -o "$work/sink" ./bench/sink
"$work/sink" -delay "$delay" >"$work/sink.url" &
sink_pid=$!
for _ in $(seq 50); do [ -s "$work/sink.url" ] && break; sleep 0.1; done
base=$(head -1 "$work/sink.url")

mkdir -p "$work/big" "$work/small/campaign"
case $cases in *big*) head -c $((512 << 20)) /dev/urandom >"$work/big/master.tif" ;; esac
head -c $((2000 << 16)) /dev/urandom | split -b 65536 -d -a 4 --additional-suffix=.jpg - "$work/small/campaign/img-"

cat >"$work/auth.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<authHeader xmlns="http://www.scene7.com/IpsApi/xsd/2014-04-03"><user>bench@hoist.local</user><password>bench</password><locale>en-US</locale><appName>curl</appName><appVersion>1</appVersion><faultHttpStatusCode>200</faultHttpStatusCode></authHeader>
XML
cat >"$work/params.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<uploadPostParam xmlns="http://www.scene7.com/IpsApi/xsd/2014-04-03"><companyHandle>c|1</companyHandle><jobName>bench</jobName><endJob>true</endJob><uploadParams><overwrite>true</overwrite><readyForPublish>true</readyForPublish><preservePublishState>true</preservePublishState><createMask>false</createMask><emailSetting>None</emailSetting></uploadParams></uploadPostParam>
XML

# curl config files: one Scene7 request carrying every file; Dr.Sum one request per file.
scene7_cfg() { # DIR
  printf 'url = "%s/scene7/UploadFile"\nsilent\nshow-error\nfail\noutput = /dev/null\nform = "auth=<%s;type=text/xml"\nform = "uploadParams=<%s;type=text/xml"\n' "$base" "$work/auth.xml" "$work/params.xml"
  find "$1" -type f | sort | awk '{printf "form = \"file%d=@%s;type=application/octet-stream\"\n", NR, $0}'
}
drsum_cfg() { # DIR
  find "$1" -type f | sort | awk -v base="$base" '
    NR > 1 {print "next"}
    {printf "url = \"%s/api/v1.0/file/upload\"\nsilent\nshow-error\nfail\noutput = /dev/null\nuser = \"apiuser01:password01\"\nform = \"dest_dir=/filer/bench\"\nform = \"overwrite=true\"\nform = \"file=@%s\"\n", base, $0}'
}

files_received() { curl -s "$base/stats" | awk '{print $1}'; }

measure() { # EXPECTED_FILES CMD... -> prints "elapsed_seconds peak_rss_kib"
  local want=$1 before after
  shift
  before=$(files_received)
  # GNU time's %e has 10 ms steps, too coarse for runs of 0.2 s: bash's clock times the run.
  local t0=$EPOCHREALTIME
  /usr/bin/time -f "%M" -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || { cat "$work/stderr" >&2; return 1; }
  local t1=$EPOCHREALTIME
  after=$(files_received)
  if [ $((after - before)) -ne "$want" ]; then
    echo "the sink received $((after - before)) files, not $want, from: $*" >&2
    return 1
  fi
  awk -v a="$t0" -v b="$t1" -v m="$(tail -1 "$work/time")" 'BEGIN {printf "%.3f %s\n", b - a, m}'
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

run_case() { # NAME SERVICE DIR
  local name=$1 service=$2 dir=$3 cfg="$work/case.curl" ratios=() rss=() hs=() cs=() t h c n
  if [ "$service" = scene7 ]; then scene7_cfg "$dir" >"$cfg"; else drsum_cfg "$dir" >"$cfg"; fi
  n=$(find "$dir" -type f | wc -l)
  local endpoint="$base/scene7/UploadFile" user=bench@hoist.local
  [ "$service" = drsum ] && endpoint="$base/api/v1.0/file/upload" user=apiuser01
  for r in $(seq "$rounds"); do
    c=$(measure "$n" curl -K "$cfg")
    # shellcheck disable=SC2086 # $extra is a list of flags
    h=$(HOIST_PASSWORD=bench measure "$n" "$work/hoist" upload --service "$service" --endpoint "$endpoint" \
      --user "$user" --company 'c|1' --dest-folder /filer/bench --overwrite $extra "$dir")
    ratios+=("$(awk -v h="${h% *}" -v c="${c% *}" 'BEGIN {printf "%.3f", (c > 0 ? h / c : 0)}')")
    rss+=("${h#* }") hs+=("${h% *}") cs+=("${c% *}")
    printf '  %s round %d: hoist %ss (%s KiB)  curl %ss\n' "$name" "$r" "${h% *}" "${h#* }" "${c% *}" >&2
  done
  printf '| %s | %s | %s | %s s | %s s | %s MiB |\n' "$name" "$delay" \
    "$(printf '%s\n' "${ratios[@]}" | median)" \
    "$(printf '%s\n' "${hs[@]}" | median)" "$(printf '%s\n' "${cs[@]}" | median)" \
    "$(printf '%s\n' "${rss[@]}" | sort -g | tail -1 | awk '{printf "%.1f", $1/1024}')"
}

echo "| workload | server delay | median ratio hoist/curl | median hoist | median curl | Hoist peak RSS |"
echo "|---|---|---|---|---|---|"
for k in $cases; do
  case $k in
  s7big) run_case "Scene7, 1 × 512 MiB" scene7 "$work/big" ;;
  s7small) run_case "Scene7, 2,000 × 64 KiB" scene7 "$work/small" ;;
  dsbig) run_case "Dr.Sum, 1 × 512 MiB" drsum "$work/big" ;;
  dssmall) run_case "Dr.Sum, 2,000 × 64 KiB" drsum "$work/small" ;;
  *) echo "unknown case $k" >&2; exit 2 ;;
  esac
done
