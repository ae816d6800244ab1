# Sourced by bench/run.sh and bench/cpu.sh: the sink, its TLS, and curl's Scene7 request.
# Expects $work (a scratch folder); sets sink_pid, base, tls, curl_tls, hoist_tls.

# start_sink [SINK FLAGS...]: builds and starts bench/sink (https when HOIST_BENCH_TLS=1)
# and waits for its URL.
start_sink() {
  go build -o "$work/sink" ./bench/sink
  tls=() curl_tls=() hoist_tls=()
  if [ "${HOIST_BENCH_TLS:-0}" = 1 ]; then
    tls=(-tls "$work/sink.pem") curl_tls=(--cacert "$work/curl-ca.pem") hoist_tls=(--ca-file "$work/sink.pem")
  fi
  "$work/sink" "$@" "${tls[@]}" >"$work/sink.url" &
  sink_pid=$!
  for _ in $(seq 50); do [ -s "$work/sink.url" ] && break; sleep 0.1; done
  base=$(head -1 "$work/sink.url")
  if [ ${#tls[@]} -gt 0 ]; then
    # Hoist trusts the system's certificates and --ca-file's; curl's --cacert replaces its
    # store, so it gets both in one file: each client then reads the whole system store, as
    # both do against Scene7 (on Linux Go parses it once per run: ~30 ms of a 2,000-file
    # upload).
    cat /etc/ssl/certs/ca-certificates.crt "$work/sink.pem" >"$work/curl-ca.pem" 2>/dev/null ||
      cp "$work/sink.pem" "$work/curl-ca.pem"
  fi
}

# write_xml: the auth and uploadParams parts of curl's Scene7 request.
write_xml() {
  cat >"$work/auth.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<authHeader xmlns="http://www.scene7.com/IpsApi/xsd/2014-04-03"><user>bench@hoist.local</user><password>bench</password><locale>en-US</locale><appName>curl</appName><appVersion>1</appVersion><faultHttpStatusCode>200</faultHttpStatusCode></authHeader>
XML
  cat >"$work/params.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<uploadPostParam xmlns="http://www.scene7.com/IpsApi/xsd/2014-04-03"><companyHandle>c|1</companyHandle><jobName>bench</jobName><endJob>true</endJob><uploadParams><overwrite>true</overwrite><readyForPublish>true</readyForPublish><preservePublishState>true</preservePublishState><createMask>false</createMask><emailSetting>None</emailSetting></uploadParams></uploadPostParam>
XML
}

# scene7_cfg DIR: a curl config for one Scene7 request carrying every file of DIR.
scene7_cfg() {
  if [ ${#curl_tls[@]} -gt 0 ]; then printf 'cacert = "%s"\n' "$work/curl-ca.pem"; fi
  printf 'url = "%s/scene7/UploadFile"\nsilent\nshow-error\nfail\noutput = /dev/null\nform = "auth=<%s;type=text/xml"\nform = "uploadParams=<%s;type=text/xml"\n' "$base" "$work/auth.xml" "$work/params.xml"
  find "$1" -type f | sort | awk '{printf "form = \"file%d=@%s;type=application/octet-stream\"\n", NR, $0}'
}

# child_cpu CMD...: runs CMD (its output discarded, its errors shown if it fails) and prints
# the CPU time, user + system in seconds to the ms, of it and the children it waited for:
# bash's `times` in a subshell, whose second line is its children's, as 0m0.123s 0m0.045s.
child_cpu() {
  (
    "$@" >/dev/null 2>"$work/child.err" || { cat "$work/child.err" >&2; exit 1; }
    times >"$work/times"
  ) || return 1
  tail -1 "$work/times" | awk '{n = 0; for (i = 1; i <= 2; i++) {split($i, p, /[ms]/); n += p[1] * 60 + p[2]} printf "%.3f\n", n}'
}
