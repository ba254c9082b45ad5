#!/bin/sh
# Makes Tollgate's AppCDS archive, lib/app/tollgate.jsa, beside this script, from the class list that the
# build's training run recorded (lib/app/tollgate.classlist). The launcher maps it at start
# (-XX:SharedArchiveFile=$APPDIR/tollgate.jsa), so classes come ready-parsed instead of from the jars.
#
# JDK 17 checks each jar's absolute path, size and time against the archive, so it is made where the app
# lives: by build.sh for the app-image, by the .deb's postinst in /opt/tollgate. After moving an app-image,
# run this again (without it Tollgate starts normally, just slower). Takes ~10 s, needs no display.
set -eu
app=$(cd "$(dirname "$0")" && pwd -P)
java="$app/../runtime/bin/java"
list="$app/tollgate.classlist"
archive="$app/tollgate.jsa"
[ -f "$list" ] || { echo "make-cds-archive: no class list at $list" >&2; exit 1; }

# The class path exactly as the launcher builds it from Tollgate.cfg: one app.classpath line per jar.
classpath=$(sed -n 's/^app\.classpath=//p' "$app/Tollgate.cfg" | sed "s|^\\\$APPDIR|$app|" | paste -sd: -)

rm -f "$archive" "$archive.tmp"
if "$java" -Xshare:dump -XX:SharedClassListFile="$list" -XX:SharedArchiveFile="$archive.tmp" \
        -cp "$classpath" > "$app/tollgate.jsa.log" 2>&1; then
    mv "$archive.tmp" "$archive"
    rm -f "$app/tollgate.jsa.log"
    echo "make-cds-archive: wrote $archive"
else
    rm -f "$archive.tmp"
    echo "make-cds-archive: failed, see $app/tollgate.jsa.log" >&2
    exit 1
fi
