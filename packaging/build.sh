#!/usr/bin/env bash
# Builds Tollgate's installers with jlink and jpackage from the runnable jar (target/tollgate.jar + target/lib/).
#
#   bash packaging/build.sh [--no-maven] [--no-cds] [TYPE...]
#
#   TYPE        app-image, deb (Linux), msi (Windows, needs WiX 3), dmg (macOS); comma- or space-separated.
#               Default: the app-image and this OS's installer. Each installer is built on its own OS.
#   --no-maven  use the jar already in target/ (the package-app Maven profile passes this)
#   --no-cds    Linux: skip the AppCDS training run (it needs Xvfb or a display); the launcher then uses
#               the JDK's own CDS archive only
#
# Output, all under target/packaging/: input/ (what jpackage packs), runtime/ (the jlink runtime),
# image/Tollgate (the app-image; Tollgate.app on macOS), and the installer (tollgate_VERSION-1_amd64.deb,
# Tollgate-VERSION.msi, Tollgate-VERSION.dmg). Uses jlink/jdeps/jpackage from JAVA_HOME, else from PATH.
set -euo pipefail
cd "$(dirname "$0")/.."

maven=1 cds=1 types=()
for arg in "$@"; do
  case $arg in
    --no-maven) maven=0 ;;
    --no-cds) cds=0 ;;
    '') ;;
    *)
      IFS=', ' read -ra parts <<<"$arg"
      for t in "${parts[@]}"; do
        case $t in app-image|deb|msi|dmg) types+=("$t") ;; *) sed -n '2,15p' "$0"; exit 2 ;; esac
      done ;;
  esac
done

case "$(uname -s)" in
  Linux) os=linux installer=deb ;;
  Darwin) os=macos installer=dmg ;;
  MINGW*|MSYS*|CYGWIN*) os=windows installer=msi ;;
  *) echo "build.sh: no packaging for $(uname -s)" >&2; exit 2 ;;
esac
[ ${#types[@]} -gt 0 ] || types=(app-image "$installer")
for t in "${types[@]}"; do
  [ "$t" = app-image ] || [ "$t" = "$installer" ] \
    || { echo "build.sh: a $t is built on its own OS; this one ($os) builds app-image and $installer" >&2; exit 2; }
done
# The app's own CDS archive is bound to absolute jar paths on JDK 17: only the .deb can make it at install
# time (postinst). An .msi or a dragged .app can't, so Windows and macOS use the JDK's archive (README).
[ "$os" = linux ] || cds=0

bin=${JAVA_HOME:+$JAVA_HOME/bin/}
out=target/packaging
step() { printf '==> %s\n' "$*"; }
seconds() { date +%s; }
started=$(seconds)

if [ $maven = 1 ]; then
  step "mvn -B -q -DskipTests package"
  mvn -B -q -DskipTests package
fi
[ -f target/tollgate.jar ] || { echo "build.sh: no target/tollgate.jar; run without --no-maven" >&2; exit 1; }

# The version the pom gave the jar; installers want a plain x.y.z
version=$(unzip -p target/tollgate.jar META-INF/MANIFEST.MF | tr -d '\r' | sed -n 's/^Implementation-Version: *//p')
version=${version%-SNAPSHOT}
[ -n "$version" ] || { echo "build.sh: no Implementation-Version in target/tollgate.jar" >&2; exit 1; }

step "staging $out/input (Tollgate $version)"
rm -rf "$out"
mkdir -p "$out/input/lib"
cp target/tollgate.jar "$out/input/"
cp target/lib/*.jar "$out/input/lib/"
# JavaFX loads its native libraries from beside its jars (Windows: ../bin) before it would unpack them
# into ~/.openjfx/cache and checksum them on every start.
case $os in
  linux) natives=lib pattern='*.so' ;;
  macos) natives=lib pattern='*.dylib' ;;
  windows) natives=bin pattern='*.dll' ;;
esac
for jar in "$out"/input/lib/javafx-*.jar; do
  unzip -q -o "$jar" "$pattern" -d "$out/input/$natives" 2>/dev/null || true  # the jars without natives match nothing
done
compgen -G "$out/input/$natives/$pattern" >/dev/null || { echo "build.sh: no JavaFX natives in target/lib" >&2; exit 1; }
[ $cds = 0 ] || cp packaging/linux/make-cds-archive.sh "$out/input/"

step "jlink: a runtime with only the modules Tollgate needs"
feature=$("${bin}jlink" --version | cut -d. -f1)
found=$("${bin}jdeps" --ignore-missing-deps --print-module-deps --multi-release "$feature" \
  --class-path "$out/input/lib/*" "$out/input/tollgate.jar" "$out"/input/lib/*.jar 2>/dev/null | tail -1)
[[ $found =~ ^[a-z0-9.,]+$ ]] || { echo "build.sh: jdeps found no module list: $found" >&2; exit 1; }
extra=$(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' packaging/runtime-modules.txt | tr -d ' \r' | paste -sd, -)
modules=$(tr ',' '\n' <<<"$found,$extra" | sort -u | paste -sd, -)
echo "    modules: $modules"
# --compress=2 (zip) makes lib/modules 48 -> 23 MB; measured here it costs nothing with the CDS archive and
# ~30 ms without one
jlink_options=(--add-modules "$modules" --include-locales=en,fr --compress=2 --strip-debug --no-header-files
  --no-man-pages)
# runtime-options.txt: options the runtime's JVM reads as its own (no warning, unlike launcher options)
runtime_options=$(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' packaging/runtime-options.txt | tr -d '\r' | paste -sd' ' -)
[ -z "$runtime_options" ] || jlink_options+=(--add-options "$runtime_options")
# With the app's archive (a static one holding the JDK's classes too) the JDK's own would never be mapped
[ $cds = 1 ] || jlink_options+=(--generate-cds-archive)
"${bin}jlink" "${jlink_options[@]}" --output "$out/runtime" >/dev/null
rm -f "$out"/runtime/{lib,bin}/server/classes_nocoops.jsa  # only for heaps over 32 GB

java_options=()
while IFS= read -r line || [ -n "$line" ]; do
  line=${line%$'\r'}
  case $line in ''|'#'*) continue ;; esac
  java_options+=(--java-options "$line")
done <packaging/jvm-options.txt
# shellcheck disable=SC2016 # $APPDIR is for the launcher to expand, not the shell
[ $cds = 0 ] || java_options+=(--java-options '-XX:SharedArchiveFile=$APPDIR/tollgate.jsa')

step "jpackage --type app-image"
"${bin}jpackage" --type app-image @packaging/args-common.txt @packaging/$os/args-app-image.txt \
  --app-version "$version" --input "$out/input" --runtime-image "$out/runtime" --dest "$out/image" \
  "${java_options[@]}"
case $os in macos) image="$out/image/Tollgate.app" ;; *) image="$out/image/Tollgate" ;; esac

if [ $cds = 1 ]; then
  # Training run: start the app-image on the sandbox and record every class it loads until the first
  # polls are drawn. JAVA_TOOL_OPTIONS reaches the JVM through the jpackage launcher; the temporary home
  # keeps the run away from the builder's AWS profiles, settings and logs.
  step "AppCDS training run (the app on the sandbox, under Xvfb)"
  source packaging/linux/xvfb.sh
  if command -v Xvfb >/dev/null; then
    start_xvfb 1280x800
    display=$XVFB_DISPLAY
  elif [ -n "${DISPLAY:-}" ]; then
    display=$DISPLAY
  else
    echo "build.sh: the AppCDS training run needs Xvfb (apt-get install xvfb) or a display; or pass --no-cds" >&2
    exit 1
  fi
  home=$(mktemp -d)
  pid=""
  trap '[ -z "$pid" ] || kill $pid 2>/dev/null; stop_xvfb; rm -rf "$home"' EXIT
  app="$(pwd)/$image/lib/app"
  DISPLAY=$display XDG_CONFIG_HOME="$home/config" XDG_STATE_HOME="$home/state" \
    JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$app/tollgate.classlist -Duser.home=$home" \
    "$image/bin/Tollgate" --sandbox >"$out/cds-training.log" 2>&1 &
  pid=$!
  for _ in $(seq 240); do
    grep -q 'First window after' "$out/cds-training.log" && break
    kill -0 $pid 2>/dev/null || break
    sleep 0.5
  done
  ! kill -0 $pid 2>/dev/null || sleep 6  # the first polls, the graph and the review load their classes too
  kill $pid 2>/dev/null || true
  wait $pid 2>/dev/null || true
  pid=""
  stop_xvfb
  rm -rf "$home"
  trap - EXIT
  grep -qE '^dev/tollgate/app/TollgateApp( |$)' "$app/tollgate.classlist" 2>/dev/null \
    || { echo "build.sh: the training run failed, see $out/cds-training.log" >&2; exit 1; }
  echo "    $(wc -l <"$app/tollgate.classlist") classes recorded"
fi

# Installers are made from the app-image, as it is now: the .deb carries the class list, not the archive,
# which its postinst makes in /opt/tollgate.
for t in "${types[@]}"; do
  [ "$t" != app-image ] || continue
  step "jpackage --type $t"
  "${bin}jpackage" --type "$t" @packaging/args-common.txt @packaging/$os/args-$t.txt \
    --app-version "$version" --app-image "$image" --dest "$out"
done

if [ $cds = 1 ]; then
  step "AppCDS archive for the app-image"
  "$image/lib/app/make-cds-archive.sh"
fi

step "done in $(($(seconds) - started)) s"
du -sh "$image" | sed 's/^/    /'
for f in "$out"/*.deb "$out"/*.msi "$out"/*.dmg; do
  [ -f "$f" ] && du -h "$f" | sed 's/^/    /'
done
exit 0
