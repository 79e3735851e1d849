#!/usr/bin/env bash
# Package test: builds the Debian package with CPack (Release, no tests), runs
# lintian on it (an E: tag fails, warnings are printed), checks its metadata and
# file list, unpacks it into a scratch root with dpkg -x and runs the unpacked
# traza-cli on the unpacked CARE sample: import, info, export, and analyze and
# report when `traza-cli --help` lists them. It also proves that the unpacked
# programs find their data beside themselves (<root>/usr/bin -> <root>/usr/share/traza)
# and that `--version` prints the project version. As root with CI=true it also
# installs the package for real with apt-get, runs /usr/bin/traza-cli, and removes it.
#
# Usage: bash tests/installer/package_test.sh <source-dir> <scratch-dir> [<build-dir>]
# With <build-dir>, the package is made from that existing build (it must have been
# configured by .ci/configure-release: Release, Debian hardening flags, prefix /usr),
# so CI compiles the program once for its tests and its package.
# Exits non-zero on the first failure. Needs: cmake, ninja, dpkg-dev, fakeroot
# (not when root), lintian, librsvg2-bin, desktop-file-utils (optional).
set -euo pipefail

if [ $# -lt 2 ] || [ $# -gt 3 ]; then
  echo "usage: $0 <source-dir> <scratch-dir> [<build-dir>]" >&2
  exit 2
fi
src=$(cd "$1" && pwd)
mkdir -p "$2"
scratch=$(cd "$2" && pwd)
build=$scratch/build
root=$scratch/root
work=$scratch/work
umask 022  # lintian rejects group-writable files and directories in a package

ran=()
skipped=()
step() { printf '\n--- package test: %s\n' "$*"; }
fail() { printf 'package test: FAIL: %s\n' "$*" >&2; exit 1; }
passed() { ran+=("$1"); printf 'ok: %s\n' "$1"; }

# --- build the package ------------------------------------------------------
if [ $# -eq 3 ]; then
  build=$(cd "$3" && pwd)
  step "reuse the build in $build"
  rm -rf "$root" "$work" "$build"/traza_*.deb
  mkdir -p "$work"
  grep -qx 'CMAKE_INSTALL_PREFIX:PATH=/usr' "$build/CMakeCache.txt" \
    || fail "$build was not configured with CMAKE_INSTALL_PREFIX=/usr (use .ci/configure-release)"
  grep -qx 'CMAKE_BUILD_TYPE:STRING=Release' "$build/CMakeCache.txt" || fail "$build is not a Release build"
  cmake --build "$build" -j"$(nproc)" || fail "build"
else
  step "configure and build (Release, Debian hardening flags)"
  rm -rf "$build" "$root" "$work"
  mkdir -p "$work"
  bash "$src/.ci/configure-release" "$src" "$build" -DTRAZA_BUILD_TESTS=OFF >"$scratch/configure.log" \
    || { cat "$scratch/configure.log"; fail "cmake configure"; }
  cmake --build "$build" -j"$(nproc)" || fail "build"
fi

# The version lives in project(); CPack writes it here from PROJECT_VERSION.
version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")
[ -n "$version" ] || fail "no CPACK_PACKAGE_VERSION in CPackConfig.cmake"
echo "project version: $version"

step "cpack -G DEB"
(cd "$build" && cpack -G DEB) || fail "cpack"
shopt -s nullglob
debs=("$build"/traza_*.deb)
shopt -u nullglob
[ ${#debs[@]} -eq 1 ] || fail "expected one traza_*.deb in $build, found ${#debs[@]}"
deb=${debs[0]}
echo "package: $(basename "$deb"), $(stat -c %s "$deb") bytes"
passed "package built"

# --- lintian -----------------------------------------------------------------
step "lintian"
lintian_log=$scratch/lintian.txt
set +e
lintian --tag-display-limit 0 --display-info "$deb" >"$lintian_log" 2>&1
set -e
cat "$lintian_log"
errors=$(grep -c '^E: ' "$lintian_log" || true)
warnings=$(grep -c '^W: ' "$lintian_log" || true)
infos=$(grep -c '^I: ' "$lintian_log" || true)
echo "lintian: $errors errors, $warnings warnings, $infos info tags"
[ "$errors" -eq 0 ] || fail "lintian reported errors"
passed "lintian (no errors)"

# --- metadata and file list ----------------------------------------------------
step "control fields and file list"
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = traza ] || fail "Package is '$(field Package)', not traza"
[ "$(field Version)" = "$version-1" ] || fail "Version '$(field Version)' is not $version-1"
[ "$(field Section)" = science ] || fail "Section is '$(field Section)', not science"
depends=$(field Depends)
echo "Depends: $depends"
[[ "$depends" == *libc6* ]] || fail "Depends has no libc6: dpkg-shlibdeps did not run"

dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' >"$scratch/files.txt"
expect=(
  /usr/bin/traza /usr/bin/traza-cli
  /usr/share/traza/samples/care-pilot-2025.json
  /usr/share/traza/catalogue/actor_kinds.json
  /usr/share/traza/catalogue/red_flag_rules.json
  /usr/share/applications/traza.desktop
  /usr/share/mime/packages/traza.xml
  /usr/share/icons/hicolor/scalable/apps/traza.svg
  /usr/share/man/man1/traza-cli.1.gz /usr/share/man/man1/traza.1.gz
  /usr/share/doc/traza/copyright /usr/share/doc/traza/changelog.Debian.gz
  /usr/share/locale/es/LC_MESSAGES/traza.mo
  /usr/share/traza/docs/user-guide.md /usr/share/traza/docs/methodology.md
  /usr/share/traza/docs/screenshots/workbench-spanish.png
)
for size in 16 22 24 32 48 64 128 256; do
  expect+=("/usr/share/icons/hicolor/${size}x${size}/apps/traza.png")
done
[ -f "$src/README.md" ] && expect+=(/usr/share/doc/traza/README.md)
[ -f "$src/docs/methodology.md" ] && expect+=(/usr/share/doc/traza/docs/methodology.md)
missing=0
for f in "${expect[@]}"; do
  grep -qxF "$f" "$scratch/files.txt" || { echo "missing from package: $f" >&2; missing=1; }
done
[ $missing -eq 0 ] || fail "package lacks files (traza/traza-cli come from the install() rules in gui/ and cli/)"
passed "control fields and ${#expect[@]} expected files"

# --- unpack into a scratch root ------------------------------------------------
step "dpkg -x into $root"
dpkg -x "$deb" "$root"
cli=$root/usr/bin/traza-cli
gui=$root/usr/bin/traza
[ -x "$cli" ] && [ -x "$gui" ] || fail "unpacked programs are not executable"
for size in 16 48 256; do
  file "$root/usr/share/icons/hicolor/${size}x${size}/apps/traza.png" | grep -q "$size x $size" \
    || fail "icon ${size}x${size} has the wrong size"
done
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$root/usr/share/applications/traza.desktop" || fail "desktop entry invalid"
fi
zcat "$root/usr/share/man/man1/traza-cli.1.gz" | grep -q "Traza $version" \
  || fail "man page does not carry version $version"
passed "unpacked: icons, desktop entry, man page"

# Run the unpacked programs with no hint of where the data is, from an
# unrelated directory.
run_cli() { (cd "$work" && env -u TRAZA_DATA_DIR "$@"); }

step "--version"
out=$(run_cli "$cli" --version) || fail "traza-cli --version failed"
echo "traza-cli --version: $out"
[[ "$out" == *"$version"* ]] || fail "traza-cli --version does not print $version"
if out=$(run_cli timeout 60 "$gui" --version 2>&1); then :
elif command -v xvfb-run >/dev/null && out=$(run_cli timeout 60 xvfb-run -a "$gui" --version 2>&1); then
  echo "(traza --version needed a display: ran under xvfb-run)"
else
  echo "$out" >&2
  fail "traza --version failed"
fi
echo "traza --version: $out"
[[ "$out" == *"$version"* ]] || fail "traza --version does not print $version"
passed "--version prints $version"

step "CLI on the installed CARE sample"
sample=$root/usr/share/traza/samples/care-pilot-2025.json
help=$(run_cli "$cli" --help)
run_cli "$cli" import "$sample" -o "$work/care.traza" || fail "import"
[ -s "$work/care.traza" ] || fail "import wrote no project"
passed "import"
# The MIME type recognises the project by name and, renamed, by content
# (SQLite header + application_id), using the unpacked shared-mime-info file.
if command -v update-mime-database >/dev/null && command -v gio >/dev/null \
   && [ -f /usr/share/mime/packages/freedesktop.org.xml ]; then
  xdg=$scratch/xdg
  rm -rf "$xdg" && mkdir -p "$xdg/mime/packages"
  cp /usr/share/mime/packages/freedesktop.org.xml "$root/usr/share/mime/packages/traza.xml" \
     "$xdg/mime/packages/"
  update-mime-database "$xdg/mime" >/dev/null 2>&1
  cp "$work/care.traza" "$work/care-renamed.bin"
  for f in care.traza care-renamed.bin; do
    type=$(XDG_DATA_DIRS=$xdg XDG_DATA_HOME=$xdg gio info -a standard::content-type "$work/$f" \
           | sed -n 's/.*standard::content-type: //p')
    echo "$f: $type"
    [ "$type" = application/x-traza-project ] || fail "$f is '$type', not application/x-traza-project"
  done
  passed "MIME type by name and by content"
else
  skipped+=("MIME detection (needs update-mime-database and gio)")
fi
run_cli "$cli" info "$work/care.traza" || fail "info"
passed "info"
run_cli "$cli" export "$work/care.traza" -o "$work/care.json" || fail "export"
/usr/bin/python3 - "$work/care.json" <<'EOF' || fail "export is not the CARE chain"
import json, sys
chain = json.load(open(sys.argv[1]))
assert chain["format"] == "traza-chain", chain.get("format")
assert len(chain["actors"]) == 14 and len(chain["flows"]) == 13, (len(chain["actors"]), len(chain["flows"]))
EOF
passed "export"

if grep -qw analyze <<<"$help"; then
  run_cli "$cli" analyze "$work/care.traza" --json >"$work/analysis.json" || fail "analyze"
  /usr/bin/python3 - "$work/analysis.json" <<'EOF' || fail "analysis of the CARE sample is wrong"
import json, sys
result = json.load(open(sys.argv[1]))
total = result["total_t"]
assert abs(total - 225.2) < 1e-6, f"total_t {total}, expected 225.2 (refiner input)"
EOF
  passed "analyze (225.2 t reach the refiner)"
else
  skipped+=("analyze (not in traza-cli --help yet)")
fi

if grep -qw report <<<"$help"; then
  run_cli "$cli" report "$work/care.traza" -o "$work/care.xlsx" || fail "report"
  /usr/bin/python3 - "$work/care.xlsx" <<'EOF' || fail "report is not an xlsx workbook"
import sys, zipfile
names = zipfile.ZipFile(sys.argv[1]).namelist()
assert "xl/workbook.xml" in names, names[:10]
EOF
  passed "report (.xlsx)"
else
  skipped+=("report (not in traza-cli --help yet)")
fi

# The data must come from beside the executable: a copy of the root whose
# catalogue is broken must make the copied traza-cli fail, while the intact
# root above worked. (This also rules out the compiled-in /usr/share/traza.)
step "data directory is found beside the executable"
broken=$scratch/root-broken
rm -rf "$broken"
cp -a "$root" "$broken"
echo "{ not json" >"$broken/usr/share/traza/catalogue/actor_kinds.json"
if run_cli "$broken/usr/bin/traza-cli" import "$sample" -o "$work/broken.traza" >/dev/null 2>&1; then
  fail "traza-cli in $broken ignored its own share/traza (it read data from elsewhere)"
fi
rm -rf "$broken"
passed "data found at <root>/usr/share/traza"

# --- a real installation (CI only: it changes the machine) ---------------------
if [ "${CI:-}" = true ] && [ "$(id -u)" -eq 0 ]; then
  step "apt-get install the package"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$deb" || fail "apt-get install"
  out=$(cd "$work" && env -u TRAZA_DATA_DIR /usr/bin/traza-cli --version) || fail "installed traza-cli --version"
  [[ "$out" == *"$version"* ]] || fail "installed traza-cli --version prints '$out'"
  (cd "$work" && env -u TRAZA_DATA_DIR /usr/bin/traza-cli import \
      /usr/share/traza/samples/care-pilot-2025.json -o "$work/installed.traza") \
    || fail "installed traza-cli import"
  passed "apt-get install, /usr/bin/traza-cli import"
  DEBIAN_FRONTEND=noninteractive apt-get remove -y -q traza || fail "apt-get remove"
  [ ! -e /usr/bin/traza-cli ] || fail "/usr/bin/traza-cli left behind after removal"
  passed "apt-get remove"
else
  skipped+=("apt-get install (only as root with CI=true)")
fi

printf '\npackage test: OK; steps that ran:\n'
for r in "${ran[@]}"; do printf '  ran: %s\n' "$r"; done
for s in "${skipped[@]}"; do printf '  skipped: %s\n' "$s"; done
printf 'package test: %s, %s bytes; lintian %s errors, %s warnings\n' \
  "$(basename "$deb")" "$(stat -c %s "$deb")" "$errors" "$warnings"
