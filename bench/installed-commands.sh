#!/usr/bin/env bash
# installed-commands.sh [DEB] [RUNS] -- the installed commands (the .deb: its own jlink
# runtime, the AOT caches trained on it at build time) beside the build tree's
# (dist/target/opensrc on the build's JDK 25), whole-process medians (hyperfine, RUNS runs,
# default 30) of lssrc -s one and lssrc -a with 50 subsystems, both against one srcmstr in a
# private root. Installs DEB (default packaging/target/packages/opensrc_*_amd64.deb) when
# opensrc is not installed, and purges it again at the end.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
DEB=$(readlink -f "${1:-$(ls "$REPO_DIR"/packaging/target/packages/opensrc_*_amd64.deb 2>/dev/null | head -n 1)}")
RUNS=${2:-30}

bench_require_root
bench_require_tree
bench_apt hyperfine
bench_scratch
W=$BENCH_W
if ! dpkg-query -W -f='${Status}' opensrc 2>/dev/null | grep -q 'install ok installed'; then
    [[ -f $DEB ]] || die "no .deb: run scripts/package first, or name one"
    log "installing $DEB"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$DEB" > "$W/apt.log" 2>&1 || die "apt-get install failed: $W/apt.log"
    BENCH_CLEANUPS+=("DEBIAN_FRONTEND=noninteractive apt-get purge -y -q opensrc")
fi

export SRC_ROOT=$W/src
PATH=$TREE/bin:$PATH bench_srcmstr
"$TREE/bin/mkssys" -s one -p /bin/sleep -a 100000 -u 0 -S -n 15 -f 9 > /dev/null
for i in $(seq -w 1 49); do "$TREE/bin/mkssys" -s "s$i" -p /bin/sleep -a 100000 -u 0 -S -n 15 -f 9 -G many > /dev/null; done
"$TREE/bin/startsrc" -s one > /dev/null
"$TREE/bin/startsrc" -g many > /dev/null

bench_machine
echo "installed: $(dpkg-query -W -f='${Version}' opensrc), runtime $(du -sh /usr/lib/opensrc/runtime | cut -f1), /usr/lib/opensrc $(du -sh /usr/lib/opensrc | cut -f1)"
hyperfine -N -w 3 -r "$RUNS" --export-json "$W/hf.json" \
    "/usr/bin/lssrc -s one" "$TREE/bin/lssrc -s one" "/usr/bin/lssrc -a" "$TREE/bin/lssrc -a" > /dev/null
python3 - "$W/hf.json" "$TREE" <<'PY'
import json, sys
r = {x['command']: x['median'] * 1000 for x in json.load(open(sys.argv[1]))['results']}
tree = sys.argv[2]
print(f"{'command':<16} {'installed ms':>13} {'build tree ms':>14} {'ratio':>6}")
for form in ('lssrc -s one', 'lssrc -a'):
    i, t = r['/usr/bin/' + form], r[f'{tree}/bin/' + form]
    print(f"{form:<16} {i:>13.1f} {t:>14.1f} {i / t:>6.2f}")
PY
