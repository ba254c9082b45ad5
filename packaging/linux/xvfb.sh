# Sourced by build.sh and smoke-test.sh: a private X server for running Tollgate without a screen.
#   start_xvfb WxH   sets XVFB_DISPLAY (e.g. :93) and XVFB_PID;   stop_xvfb   stops that server only.
start_xvfb() {
  command -v Xvfb >/dev/null || { echo "Xvfb is missing: apt-get install xvfb" >&2; return 1; }
  local fifo
  fifo=$(mktemp -u)
  mkfifo "$fifo"
  # -displayfd: the server picks a free display itself and writes its number, so concurrent runs never collide
  Xvfb -displayfd 3 -screen 0 "${1:-1280x800}x24" -nolisten tcp 3>"$fifo" >/dev/null 2>&1 &
  XVFB_PID=$!
  local number
  read -r -t 20 number <"$fifo" || number=""
  rm -f "$fifo"
  [ -n "$number" ] || { echo "Xvfb did not start" >&2; kill "$XVFB_PID" 2>/dev/null; return 1; }
  XVFB_DISPLAY=":$number"
}

stop_xvfb() {
  [ -n "${XVFB_PID:-}" ] && kill "$XVFB_PID" 2>/dev/null
  XVFB_PID=""
  return 0
}
