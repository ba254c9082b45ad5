#!/usr/bin/env bash
# Smoke test of the Linux app-image: builds it, starts it under Xvfb on the embedded sandbox, checks that the
# window opened and counted the demo pipelines' waiting approval, saves a screenshot, then times the first
# window of `java -jar` against the packaged launcher.
#
#   bash packaging/smoke-test.sh [--no-build] [--runs N]
#
#   --no-build  test the app-image already in target/packaging/image (from packaging/build.sh)
#   --runs N    timed starts per variant (default 5; 0 skips the timing)
#
# Output in target/packaging/smoke/: tollgate.png (the screenshot), *.log (each start's output), and the
# timing table on stdout. Exits non-zero when a check fails. Needs Xvfb, xdotool, xprop and ImageMagick's
# import (installed from Debian's packages when missing and running as root). Takes ~2-3 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."

build=1 runs=5
while [ $# -gt 0 ]; do
  case $1 in
    --no-build) build=0 ;;
    --runs) runs=$2; shift ;;
    *) sed -n '2,14p' "$0"; exit 2 ;;
  esac
  shift
done

image=target/packaging/image/Tollgate
out=target/packaging/smoke
failures=0
pass() { echo "PASS $*"; }
fail() { echo "FAIL $*"; failures=$((failures + 1)); }

missing=()
command -v Xvfb >/dev/null || missing+=(xvfb)
command -v xdotool >/dev/null || missing+=(xdotool)
command -v xprop >/dev/null || missing+=(x11-utils)
command -v import >/dev/null || missing+=(imagemagick)
ldconfig -p | grep -q libgtk-3.so || missing+=(libgtk-3-0)
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || { echo "smoke-test: install ${missing[*]} first" >&2; exit 2; }
  echo "smoke-test: installing ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ $build = 1 ]; then
  bash packaging/build.sh app-image
fi
[ -x "$image/bin/Tollgate" ] || { echo "smoke-test: no app-image at $image; run packaging/build.sh" >&2; exit 2; }
[ -f target/tollgate.jar ] || { echo "smoke-test: no target/tollgate.jar" >&2; exit 2; }

rm -rf "$out"
mkdir -p "$out"
home=$(mktemp -d)
source packaging/linux/xvfb.sh
app_pid=""
cleanup() {
  [ -z "$app_pid" ] || kill "$app_pid" 2>/dev/null || true
  stop_xvfb
  rm -rf "$home"
}
trap cleanup EXIT
start_xvfb 1280x800
export DISPLAY=$XVFB_DISPLAY

# Starts Tollgate on the sandbox with its settings and log in the temporary home (not the user's) and
# waits for the first window. Sets ms to the time from launch to the log line "First window after", read
# from the line's own timestamp, or to nothing when none came within 90 s. (The number in that line counts
# from the process start that Linux derives from /proc/stat's btime, which is truncated to the second:
# it runs up to 1 s long, by the same amount for every start until the next boot.)
# Usage: start LOG [env NAME=VALUE...] COMMAND...   (leaves the app running as $app_pid, for stop)
start() {
  local log=$1 launched line
  shift
  launched=$(date +%s%3N)
  XDG_CONFIG_HOME="$home/config" XDG_STATE_HOME="$home/state" "$@" --sandbox >"$log" 2>&1 &
  app_pid=$!
  for _ in $(seq 360); do
    grep -q 'First window after' "$log" 2>/dev/null && break
    kill -0 "$app_pid" 2>/dev/null || break
    sleep 0.25
  done
  ms=""
  line=$(grep -m1 -o '^[0-9:.]* INFO .*First window after' "$log" | cut -d' ' -f1)
  [ -n "$line" ] || return 0
  ms=$(( $(date -d "$(date -d "@$((launched / 1000))" +%F) $line" +%s%3N) - launched ))
  [ "$ms" -ge 0 ] || ms=$((ms + 86400000))  # launched before midnight, shown after
}

stop() {
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
}

echo "== smoke: the packaged launcher on the sandbox"
# -Xshare:on: the JVM refuses to start if the launcher's CDS archive can't be mapped, so a stale archive fails here
start "$out/packaged.log" env JAVA_TOOL_OPTIONS=-Xshare:on "$image/bin/Tollgate"
if [ -n "$ms" ]; then pass "first window $ms ms after launch"; else fail "no first window in 90 s (see $out/packaged.log)"; fi
if grep -qi 'embedded sandbox at http://127.0.0.1:' "$out/packaged.log"; then
  pass "started the embedded sandbox on loopback"
else
  fail "no embedded sandbox in $out/packaged.log"
fi
# The title counts the waiting approvals found in the demo pipelines: "(1) Tollgate — Sandbox"
title="" window=""
for _ in $(seq 60); do
  for w in $(xdotool search --name 'Tollgate' 2>/dev/null); do
    name=$(xdotool getwindowname "$w" 2>/dev/null || true)
    if [[ $name =~ ^\([0-9]+\)\ Tollgate ]]; then title=$name window=$w; fi
  done
  [ -z "$title" ] || break
  sleep 0.5
done
if [ -n "$title" ]; then
  pass "window shows the demo pipelines' waiting approvals: \"$title\""
else
  fail "no window titled \"(N) Tollgate …\" within 30 s"
fi
sleep 2  # let the review pane fill in before the screenshot
import -window root "$out/tollgate.png"
colours=$(identify -format %k "$out/tollgate.png" 2>/dev/null || echo 0)
if [ "${colours:-0}" -gt 50 ]; then pass "screenshot $out/tollgate.png ($colours colours)"; else fail "blank screenshot"; fi
if [ -n "$window" ]; then
  wm_class=$(xprop -id "$window" WM_CLASS | sed -n 's/.*= "\([^"]*\)".*/\1/p')
  desktop_class=$(sed -n 's/^StartupWMClass=//p' packaging/linux/resources/Tollgate.desktop)
  if [ "$wm_class" = "$desktop_class" ]; then
    pass "WM_CLASS $wm_class matches the .desktop entry"
  else
    fail "WM_CLASS $wm_class, the .desktop entry says $desktop_class"
  fi
fi
if grep -q 'First window after' "$home/state/tollgate/tollgate.log" 2>/dev/null; then
  pass "log file written to \$XDG_STATE_HOME/tollgate/tollgate.log"
else
  fail "no log file in \$XDG_STATE_HOME/tollgate"
fi
if grep -E ' (ERROR|WARN) ' "$out/packaged.log"; then fail "errors or warnings logged (above)"; else pass "no errors logged"; fi
stop

timed() {  # timed VARIANT RUN COMMAND...: one start, its milliseconds appended to VARIANT.ms
  local variant=$1 run=$2
  shift 2
  start "$out/$variant-$run.log" "$@"
  stop
  [ -z "$ms" ] || echo "$ms" >>"$out/$variant.ms"
}
median() { sort -n | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]; else print "-"}'; }
if [ "$runs" -gt 0 ]; then
  echo "== timing: $runs starts each, interleaved (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
  : >"$out/jar.ms"; : >"$out/packaged.ms"; : >"$out/packaged-nocds.ms"
  for i in $(seq "$runs"); do
    timed jar "$i" java -jar target/tollgate.jar
    timed packaged "$i" "$image/bin/Tollgate"
    timed packaged-nocds "$i" env JAVA_TOOL_OPTIONS=-Xshare:off "$image/bin/Tollgate"
  done
  echo "   (load average after: $(cut -d' ' -f1-3 /proc/loadavg))"
  printf '   %-44s %8s %8s   %s\n' "first window (ms)" median min "all runs"
  for v in "java -jar target/tollgate.jar:jar" "packaged launcher (CDS, C1, G1):packaged" \
           "packaged launcher, CDS off (-Xshare:off):packaged-nocds"; do
    label=${v%:*} file="$out/${v##*:}.ms"
    printf '   %-44s %8s %8s   %s\n' "$label" "$(median <"$file")" "$(sort -n "$file" | head -1)" "$(paste -sd' ' "$file")"
  done
  [ "$(wc -l <"$out/packaged.ms")" -eq "$runs" ] || fail "some timed starts of the packaged launcher showed no window"
fi

echo "== app-image $(du -sh "$image" | cut -f1), $( [ $failures = 0 ] && echo 'all checks passed' || echo "$failures check(s) failed")"
[ $failures = 0 ]
