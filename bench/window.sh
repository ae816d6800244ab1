#!/usr/bin/env bash
# The real window at scale (issue 16): 100,000 files handed to a running Hoist window under
# Xvfb, as a person does without a mouse (a second launch with the folder's path, which the
# single-instance handoff of app/instance.go gives to the open window). Not a test: it
# prints measurements.
#
#   bash bench/window.sh [ROUNDS]      (default 3; run it as root for the niceness)
#
# Environment:
#   HOIST_WINDOW_FILES=100000   how many files (in 200 folders) the tree has
#   HOIST_WINDOW_TREE=/dir      a folder of files made beforehand (kept) instead of a new tree
#   HOIST_WINDOW_DISPLAY=91     the Xvfb display number
#   HOIST_WINDOW_BIN="/a /b"    prebuilt windows instead of `go build .`; with several, the
#                               rounds alternate between them (ROUNDS each) and each gets
#                               its medians: a before/after on a shared machine
#   HOIST_WINDOW_SHOT=/tmp/w100k.png   the last round's screenshot ("" = none)
#
# Xvfb (1440x900) and openbox are started once; each round starts the window at a fresh
# HOIST_CONFIG_DIR with HOIST_TRACE set (app/trace.go: the window appends "UNIX_NS EVENT
# VALUE" lines: started, paths_in, listed, and ui_lag_us every 10 ms: how long a function
# given to fyne.Do waited for Fyne's thread), lets it settle 3 s, launches it again with the
# folder and reads:
#   listed     ms from the window receiving the paths (paths_in) to the list refreshed with
#              every file and the status line set, on Fyne's thread (drawn at the next frame)
#   launch     ms from the start of the second launch to the same point (its own start-up
#              and the handoff included)
#   lag max    the longest wait of Fyne's thread from paths_in until 3 s after listed (the
#              queue file is saved meanwhile); >100ms: how many waits were longer than that
#   RSS        the window's VmRSS before the handoff, VmRSS 3 s after listed, and VmHWM (its
#              peak), from /proc/PID/status
# The window, Xvfb and openbox run at niceness -15 so that the figures measure them, not the
# machine's other work; the load average is printed beside every round. Medians at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
nfiles=${HOIST_WINDOW_FILES:-100000}
disp=:${HOIST_WINDOW_DISPLAY:-91}
shot=${HOIST_WINDOW_SHOT-/tmp/w100k.png}
work=$(mktemp -d /tmp/hoist-window.XXXXXX)
xvfb_pid= wm_pid= app_pid=
stop() { # TERM, then KILL if the process is still there after 5 s
  [ -n "$1" ] || return 0
  kill "$1" 2>/dev/null || return 0
  for _ in $(seq 50); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true # reaped quietly
}
cleanup() { stop "$app_pid"; stop "$wm_pid"; stop "$xvfb_pid"; rm -rf "$work"; }
trap cleanup EXIT

for c in Xvfb openbox awk; do command -v $c >/dev/null || { echo "$c is required" >&2; exit 1; }; done
bins=()
if [ -n "${HOIST_WINDOW_BIN:-}" ]; then
  for b in $HOIST_WINDOW_BIN; do cp "$b" "$work/hoist-gui-${#bins[@]}"; bins+=("$b"); done
else
  go build -o "$work/hoist-gui-0" . && bins=(.)
fi

nice -n -15 Xvfb "$disp" -screen 0 1440x900x24 >"$work/xvfb.log" 2>&1 & xvfb_pid=$!
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${disp#:}" ] && break; sleep 0.1; done
sleep 0.5
kill -0 "$xvfb_pid" 2>/dev/null || { echo "Xvfb could not open display $disp (in use?): $(cat "$work/xvfb.log")" >&2; xvfb_pid=; exit 1; }
DISPLAY=$disp nice -n -15 openbox >"$work/openbox.log" 2>&1 & wm_pid=$!

# The tree: one-byte files in 200 folders, as BenchmarkQueueHundredThousandFiles makes it
# (split writes a folder's files in one process).
folder=${HOIST_WINDOW_TREE:-$work/tree/Campaign}
if [ -z "${HOIST_WINDOW_TREE:-}" ]; then
  per=$(( (nfiles + 199) / 200 )) left=$nfiles
  mkdir -p "$folder"
  for d in $(seq -w 0 199); do
    k=$(( left < per ? left : per )); [ "$k" -gt 0 ] || break
    mkdir "$folder/$d"
    head -c "$k" /dev/zero | tr '\0' x | split -b 1 -d -a 6 --additional-suffix=.jpg - "$folder/$d/asset-$d-"
    left=$(( left - k ))
  done
fi
nfiles=$(find "$folder" -type f | wc -l)
echo "tree: $nfiles files in $folder"

kb() { awk -v k="$1" '$1 == k":" {print $2}' "/proc/$2/status"; }
printf '%-7s %9s %9s %9s %7s %9s %9s %9s  %s\n' round listed launch "lag max" ">100ms" "RSS pre" "RSS post" VmHWM "load average"
total=$(( rounds * ${#bins[@]} ))
for r in $(seq "$total"); do
  b=$(( (r - 1) % ${#bins[@]} ))
  app=$work/hoist-gui-$b cfg=$work/config-$r trace=$work/trace-$r
  mkdir -p "$cfg"
  DISPLAY=$disp HOIST_CONFIG_DIR=$cfg HOIST_TRACE=$trace nice -n -15 "$app" >"$work/app-$r.log" 2>&1 & app_pid=$!
  for _ in $(seq 300); do grep -q ' started ' "$trace" 2>/dev/null && break; sleep 0.1; done
  grep -q ' started ' "$trace" || { echo "the window did not start: $(cat "$work/app-$r.log")" >&2; exit 1; }
  sleep 3 # the window settles (fonts, first frames)
  pre=$(kb VmRSS "$app_pid")
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  t0=$(date +%s%N)
  DISPLAY=$disp HOIST_CONFIG_DIR=$cfg "$app" "$folder"
  for _ in $(seq 1200); do grep -q ' listed ' "$trace" && break; sleep 0.1; done
  grep -q ' listed ' "$trace" || { echo "the window did not list the files in 120 s" >&2; exit 1; }
  sleep 3
  post=$(kb VmRSS "$app_pid") hwm=$(kb VmHWM "$app_pid")
  if [ "$r" = "$total" ] && [ -n "$shot" ] && command -v import >/dev/null; then
    DISPLAY=$disp import -window root "$shot"
  fi
  stop "$app_pid"; app_pid=
  awk -v t0="$t0" -v pre="$pre" -v post="$post" -v hwm="$hwm" -v r="$r/$b" -v load="$load" -v n="$nfiles" -v out="$work/results-$b" '
    $2 == "paths_in" && !got { got = $1 }
    $2 == "listed" { listed = $1; count = $3 }
    $2 == "ui_lag_us" { t[++k] = $1; lag[k] = $3 }
    END {
      if (count != n) { printf "round %s listed %d files, not %d\n", r, count, n > "/dev/stderr"; exit 1 }
      for (i = 1; i <= k; i++) if (t[i] >= got && t[i] <= listed + 3e9) {
        if (lag[i] > worst) worst = lag[i]
        if (lag[i] > 100000) slow++
      }
      printf "%-7s %7.0fms %7.0fms %7.0fms %7d %6.1fMiB %6.1fMiB %6.1fMiB  %s\n", r, (listed - got) / 1e6, (listed - t0) / 1e6, worst / 1e3, slow, pre / 1024, post / 1024, hwm / 1024, load
      printf "%.0f %.0f %.0f %d %.1f %.1f %.1f\n", (listed - got) / 1e6, (listed - t0) / 1e6, worst / 1e3, slow, pre / 1024, post / 1024, hwm / 1024 >> out
    }' "$trace"
done

for b in "${!bins[@]}"; do
  awk -v name="median/$b" '{ for (c = 1; c <= NF; c++) v[c, NR] = $c } END {
    printf "%-7s", name
    split("%7.0fms %7.0fms %7.0fms %7d %6.1fMiB %6.1fMiB %6.1fMiB", f, " ")
    for (c = 1; c <= 7; c++) {
      for (i = 1; i <= NR; i++) a[i] = v[c, i]
      for (i = 2; i <= NR; i++) for (j = i; j > 1 && a[j-1] > a[j]; j--) { x = a[j]; a[j] = a[j-1]; a[j-1] = x }
      printf " " f[c], NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
    }
    printf "\n" }' "$work/results-$b"
done
for b in "${!bins[@]}"; do echo "binary $b: ${bins[$b]}"; done
if [ -n "$shot" ] && [ -e "$shot" ]; then echo "screenshot of the last round: $shot"; fi
