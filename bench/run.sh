#!/usr/bin/env bash
# Hoist against curl on the same loopback sink. Not a test: it prints measurements.
#
#   bash bench/run.sh [ROUNDS]        (default 5 rounds; HOIST_BENCH_DELAY=50ms for the "distant" run)
#
# Workloads: one 512 MiB file, and 2,000 files of 64 KiB. Scene7: curl posts the same
# multipart body (auth + uploadParams + files; for the 2,000 files ONE request carrying every
# file, the best a script can do). Dr.Sum: one request per file, curl sequential with
# keep-alive (one process, --next). The two clients alternate; we report the median of the
# per-round time ratio hoist/curl and Hoist's peak RSS (GNU time's %M).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
delay=${HOIST_BENCH_DELAY:-0s}
work=$(mktemp -d /tmp/hoist-bench.XXXXXX)
trap 'kill $sink_pid 2>/dev/null || true; rm -rf "$work"' EXIT

command -v curl >/dev/null || { echo "curl is required" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "GNU time is required (apt-get install time)" >&2; exit 1; }

go build -o "$work/hoist" ./cmd/hoist
go build -o "$work/sink" ./bench/sink
"$work/sink" -delay "$delay" >"$work/sink.url" &
sink_pid=$!
for _ in $(seq 50); do [ -s "$work/sink.url" ] && break; sleep 0.1; done
base=$(head -1 "$work/sink.url")

mkdir -p "$work/big" "$work/small/campaign"
head -c $((512 << 20)) /dev/urandom >"$work/big/master.tif"
for i in $(seq -w 1 2000); do head -c 65536 /dev/urandom >"$work/small/campaign/img-$i.jpg"; done

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
  printf 'url = "%s/scene7/UploadFile"\nsilent\noutput = /dev/null\nform = "auth=<%s;type=text/xml"\nform = "uploadParams=<%s;type=text/xml"\n' "$base" "$work/auth.xml" "$work/params.xml"
  local n=0
  find "$1" -type f | sort | while read -r f; do n=$((n + 1)); printf 'form = "file%d=@%s"\n' "$n" "$f"; done
}
drsum_cfg() { # DIR
  local first=1
  find "$1" -type f | sort | while read -r f; do
    [ $first -eq 1 ] || echo "next"
    first=0
    printf 'url = "%s/api/v1.0/file/upload"\nsilent\noutput = /dev/null\nuser = "apiuser01:password01"\nform = "dest_dir=/filer/bench"\nform = "overwrite=true"\nform = "file=@%s"\n' "$base" "$f"
  done
}

seconds() { # CMD... -> prints "elapsed_seconds peak_rss_kib"
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || { cat "$work/stderr" >&2; return 1; }
  cat "$work/time"
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

run_case() { # NAME SERVICE DIR
  local name=$1 service=$2 dir=$3 cfg="$work/$1.curl" ratios=() rss=() t h c
  if [ "$service" = scene7 ]; then scene7_cfg "$dir" >"$cfg"; else drsum_cfg "$dir" >"$cfg"; fi
  local endpoint="$base/scene7/UploadFile" user=bench@hoist.local
  [ "$service" = drsum ] && endpoint="$base/api/v1.0/file/upload" user=apiuser01
  for r in $(seq "$rounds"); do
    c=$(seconds curl -K "$cfg")
    h=$(HOIST_PASSWORD=bench seconds "$work/hoist" upload --service "$service" --endpoint "$endpoint" \
      --user "$user" --company 'c|1' --dest-folder /filer/bench --overwrite "$dir")
    ratios+=("$(awk -v h="${h% *}" -v c="${c% *}" 'BEGIN {printf "%.3f", (c > 0 ? h / c : 0)}')")
    rss+=("${h#* }")
    printf '  round %d: hoist %ss (%s KiB)  curl %ss\n' "$r" "${h% *}" "${h#* }" "${c% *}" >&2
  done
  printf '| %s | %s | %s | %s MiB |\n' "$name" "$delay" "$(printf '%s\n' "${ratios[@]}" | median)" \
    "$(printf '%s\n' "${rss[@]}" | sort -g | tail -1 | awk '{printf "%.1f", $1/1024}')"
}

echo "| workload | server delay | median time ratio hoist/curl | Hoist peak RSS |"
echo "|---|---|---|---|"
run_case "Scene7, 1 × 512 MiB" scene7 "$work/big"
run_case "Scene7, 2,000 × 64 KiB" scene7 "$work/small"
run_case "Dr.Sum, 1 × 512 MiB" drsum "$work/big"
run_case "Dr.Sum, 2,000 × 64 KiB" drsum "$work/small"
