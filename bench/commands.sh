#!/usr/bin/env bash
# commands.sh [N] [RUNS] -- whole-process time of a control command, OpenSRC beside its
# peers in the same run (hyperfine, medians of RUNS runs each, default 30; N defaults to 500):
#   status of one        lssrc -s one          svstat DIR   sv status DIR   supervisorctl status one
#   status of N          lssrc -a              svstat DIR/* sv status DIR/* supervisorctl status
#   start one            startsrc -s one       svc -u DIR   sv up DIR       supervisorctl start one
#   define one           mkssys -s new ...     (no peer defines a service with a command)
# Each supervisor runs one service "one" plus N others, all running ("sleep"). Before each
# start, the service is stopped untimed (hyperfine --prepare). The JVM floor (java -version on
# the commands' JDK) is printed too: on a shared machine every figure moves with it.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
N=${1:-500}
RUNS=${2:-30}

bench_require_root
bench_require_tree
bench_apt daemontools runit supervisor hyperfine
bench_scratch
W=$BENCH_W
svc=$W/svc.sh
printf '#!/bin/bash\nexec -a sleep-opensrc-bench sleep 100000\n' > "$svc"
chmod +x "$svc"
names=(one)
for i in $(seq -w 1 "$N"); do names+=("s$i"); done

# --- OpenSRC: the registry written directly (docs/registry.md), then every subsystem started.
export SRC_ROOT=$W/src
mkdir -p "$SRC_ROOT/etc/src"
python3 - "$svc" "${names[@]}" > "$SRC_ROOT/etc/src/SRCsubsys.json" <<'PY'
import json, sys
svc, names = sys.argv[1], sys.argv[2:]
objs = [{"subsysname": n, "synonym": "", "cmdargs": "", "path": svc, "uid": 0, "auditid": 0,
         "standin": "/dev/null", "standout": "/dev/null", "standerr": "/dev/null",
         "action": "ONCE", "multi": False, "contact": "SIGNAL", "svrkey": 0, "svrmtype": 0,
         "priority": 20, "signorm": "SIGTERM", "sigforce": "SIGKILL", "display": True,
         "waittime": 20, "grpname": "" if n == "one" else "many",
         "extensions": {"backoff": False, "backoff_initial_ms": 0, "backoff_max_ms": 0,
                        "kill_escalation": False, "readiness": False}} for n in names]
print(json.dumps({"version": 1, "objects": objs}, indent=2))
PY
bench_srcmstr
BENCH_CLEANUPS+=("stopsrc -g many" "stopsrc -s one")
startsrc -s one > /dev/null
startsrc -g many > /dev/null

# --- daemontools: svscan over N+1 service dirs.
mkdir -p "$W/dt"
for n in "${names[@]}"; do
    mkdir -p "$W/dt/$n"
    printf '#!/bin/sh\nexec %s\n' "$svc" > "$W/dt/$n/run"
    chmod +x "$W/dt/$n/run"
done
svscan "$W/dt" > /dev/null 2>&1 &
BENCH_CLEANUPS+=("svc -dx $W/dt/* $W/dt/*/log")
bench_track $!

# --- runit: runsvdir over N+1 service dirs.
mkdir -p "$W/rv"
for n in "${names[@]}"; do
    mkdir -p "$W/rv/$n"
    printf '#!/bin/sh\nexec %s\n' "$svc" > "$W/rv/$n/run"
    chmod +x "$W/rv/$n/run"
done
runsvdir -P "$W/rv" > /dev/null 2>&1 &
BENCH_CLEANUPS+=("bench_stop_runsvdir $! $W/rv")

# --- supervisor: N+1 programs, all started.
{
    bench_supervisord_header "$W"
    for n in "${names[@]}"; do
        printf '[program:%s]\ncommand=%s\nautostart=true\nautorestart=false\nstdout_logfile=NONE\nstderr_logfile=NONE\n' "$n" "$svc"
    done
} > "$W/supervisord.conf"
supervisord -c "$W/supervisord.conf" > /dev/null 2>&1 &
bench_track $!
ctl="supervisorctl -c $W/supervisord.conf"
BENCH_CLEANUPS+=("$ctl stop all")

# Ready: every service of every supervisor running.
total=$((N + 1))
for _ in $(seq 1200); do
    o=$(lssrc -a | grep -c ' active$' || true)
    d=$(svstat "$W"/dt/* 2>/dev/null | grep -c ': up ' || true)
    r=$(sv status "$W"/rv/* 2>/dev/null | grep -c '^run:' || true)
    s=$($ctl status 2>/dev/null | grep -c RUNNING || true)
    ((o == total && d == total && r == total && s == total)) && break
    sleep 0.2
done
((o == total && d == total && r == total && s == total)) \
    || die "not all running: opensrc $o, daemontools $d, runit $r, supervisor $s of $total"

java=$(sed -n "s/^launch_java='\(.*\)'$/\1/p" "$TREE/lib/cli.launch" 2>/dev/null || true)
java=${java:-java}
json=$W/hyperfine.json
results=$W/results.tsv
: > "$results"
measure() {  # measure LABEL WHO PREPARE-OR-EMPTY COMMAND
    local prepare=()
    [[ -n $3 ]] && prepare=(--prepare "$3")
    hyperfine -N -w 3 -r "$RUNS" -i "${prepare[@]}" --export-json "$json" "$4" > /dev/null 2>&1 \
        || die "hyperfine failed on: $4"
    python3 - "$json" "$1" "$2" >> "$results" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print(f"{sys.argv[2]}\t{sys.argv[3]}\t{r['median'] * 1000:.1f}")
PY
    log "$1, $2: $(tail -1 "$results" | cut -f3) ms"
}

log "measuring, $RUNS runs each (load $(bench_load))"
measure "JVM floor (java -version)" jvm "" "$java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -version"
measure "status of one" opensrc "" "$TREE/bin/lssrc -s one"
measure "status of one" daemontools "" "svstat $W/dt/one"
measure "status of one" runit "" "sv status $W/rv/one"
measure "status of one" supervisor "" "$ctl status one"
measure "status of N" opensrc "" "$TREE/bin/lssrc -a"
measure "status of N" daemontools "" "bash -c 'svstat $W/dt/*'"
measure "status of N" runit "" "bash -c 'sv status $W/rv/*'"
measure "status of N" supervisor "" "$ctl status"
measure "start one" opensrc "$TREE/bin/stopsrc -s one --wait" "$TREE/bin/startsrc -s one"
measure "start one" daemontools "bash -c 'svc -d $W/dt/one; until svstat $W/dt/one | grep -q \": down \"; do sleep 0.01; done'" "svc -u $W/dt/one"
measure "start one" runit "sv -w 10 down $W/rv/one" "sv up $W/rv/one"
measure "start one" supervisor "$ctl stop one" "$ctl start one"
measure "define one" opensrc "bash -c '$TREE/bin/rmssys -s new || true'" "$TREE/bin/mkssys -s new -p $svc -u 0"
log "done (load $(bench_load))"

python3 - "$results" "$N" "$RUNS" "$(bench_machine)" <<'PY'
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
n, runs, machine = sys.argv[2], sys.argv[3], sys.argv[4]
floor = next(float(ms) for label, who, ms in rows if who == "jvm")
print(f"## Command start-up, N = {n}, median of {runs} runs (ms)\n")
print("\n".join("- " + l for l in machine.splitlines()))
print(f"- JVM floor (java -version on the commands' JDK): {floor:.1f} ms\n")
peers = ["daemontools", "runit", "supervisor"]
print("| what | OpenSRC | " + " | ".join(peers) + " | OpenSRC ÷ fastest peer |")
print("| --- | --- | " + " | ".join("---" for _ in peers) + " | --- |")
for label in dict.fromkeys(l for l, w, _ in rows if w != "jvm"):
    got = {w: float(ms) for l, w, ms in rows if l == label}
    peer = [got[p] for p in peers if p in got]
    ratio = f"{got['opensrc'] / min(peer):.1f}×" if peer else "–"
    cells = [f"{got[p]:.1f}" if p in got else "–" for p in peers]
    print(f"| {label.replace('N', n) if label.endswith(' N') else label} | {got['opensrc']:.1f} | "
          + " | ".join(cells) + f" | {ratio} |")
PY
