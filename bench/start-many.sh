#!/usr/bin/env bash
# start-many.sh [N] [ROUNDS] -- time to start N (default 200) defined services with one
# command, and to stop them again, with the supervisor already running:
#   OpenSRC     startsrc -g many          / stopsrc -g many
#   runit       sv up DIR/*  (N runsv)     / sv down DIR/*
#   supervisor  supervisorctl start many:* / supervisorctl stop many:*
# "Started" = every service has written its marker (its own start time, so polling does
# not count); "stopped" = no service process left (watched from before the stop command is
# launched, as a service leaves no mark when it ends). The command's own return time is
# shown too. ROUNDS (default 3) rounds, round-robin over the supervisors; medians are reported.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
N=${1:-200}
ROUNDS=${2:-3}
LIMIT=120   # seconds per phase

bench_require_root
bench_require_tree
bench_apt runit supervisor
bench_scratch
W=$BENCH_W
svc=$W/svc.sh
bench_marker_service "$svc"
mkdir -p "$W/m/opensrc" "$W/m/runit" "$W/m/supervisor"
for s in opensrc runit supervisor; do
    for i in $(seq -w 1 "$N"); do BENCH_MARKERS+=("$W/m/$s/s$i"); done
done

# --- OpenSRC: the registry file is written directly (its documented JSON form,
# docs/registry.md) so that defining N subsystems does not take N mkssys runs.
export SRC_ROOT=$W/src
mkdir -p "$SRC_ROOT/etc/src"
python3 - "$N" "$svc" "$W/m/opensrc" > "$SRC_ROOT/etc/src/SRCsubsys.json" <<'PY'
import json, sys
n, svc, mdir = int(sys.argv[1]), sys.argv[2], sys.argv[3]
objs = []
for i in range(1, n + 1):
    name = f"s{i:0{len(str(n))}d}"
    objs.append({"subsysname": name, "synonym": "", "cmdargs": f"{mdir}/{name}", "path": svc,
                 "uid": 0, "auditid": 0, "standin": "/dev/null", "standout": "/dev/null",
                 "standerr": "/dev/null", "action": "ONCE", "multi": False, "contact": "SIGNAL",
                 "svrkey": 0, "svrmtype": 0, "priority": 20, "signorm": "SIGTERM",
                 "sigforce": "SIGKILL", "display": True, "waittime": 20, "grpname": "many",
                 "extensions": {"backoff": False, "backoff_initial_ms": 0, "backoff_max_ms": 0,
                                "kill_escalation": False, "readiness": False}})
print(json.dumps({"version": 1, "objects": objs}, indent=2))
PY
bench_srcmstr
BENCH_CLEANUPS+=("stopsrc -g many")

# --- runit: N service dirs with a "down" file, so runsvdir starts N runsv but no service.
for i in $(seq -w 1 "$N"); do
    d=$W/runit/s$i
    mkdir -p "$d"
    printf '#!/bin/sh\nexec %s %s\n' "$svc" "$W/m/runit/s$i" > "$d/run"
    chmod +x "$d/run"
    touch "$d/down"
done
runsvdir -P "$W/runit" > /dev/null 2>&1 &
BENCH_CLEANUPS+=("bench_stop_runsvdir $! $W/runit")

# --- supervisor: N programs in group "many", autostart off.
{
    bench_supervisord_header "$W"
    progs=()
    for i in $(seq -w 1 "$N"); do
        printf '[program:s%s]\ncommand=%s %s\nautostart=false\nautorestart=false\nstdout_logfile=NONE\nstderr_logfile=NONE\n' \
            "$i" "$svc" "$W/m/supervisor/s$i"
        progs+=("s$i")
    done
    printf '[group:many]\nprograms=%s\n' "$(IFS=,; echo "${progs[*]}")"
} > "$W/supervisord.conf"
supervisord -c "$W/supervisord.conf" > /dev/null 2>&1 &
bench_track $!
ctl() { supervisorctl -c "$W/supervisord.conf" "$@"; }
BENCH_CLEANUPS+=("supervisorctl -c $W/supervisord.conf stop many:*")

# Ready: srcmstr answers, N runsv have their control files, supervisord answers.
for _ in $(seq 600); do
    ok=$(find "$W/runit" -path '*/supervise/ok' 2>/dev/null | wc -l)
    ((ok >= N)) && ctl pid >/dev/null 2>&1 && lssrc -s s$(printf "%0${#N}d" 1) >/dev/null 2>&1 && break
    sleep 0.1
done
((ok >= N)) || die "runsvdir did not start $N runsv"

declare -A START STARTCMD STOP STOPCMD
now() { echo "$EPOCHREALTIME"; }
run_one() {  # run_one NAME START-CMD... -- STOP-CMD...
    local name=$1; shift
    local start=() stop=() t0 t1 r gone returned
    while [[ $1 != -- ]]; do start+=("$1"); shift; done
    shift; stop=("$@")
    rm -f "$W/m/$name"/*
    t0=$(now); "${start[@]}" >"$W/$name.start.out" 2>&1 || true; t1=$(now)
    r=$(python3 "$BENCH_DIR/markers.py" started "$W/m/$name" "$N" "$t0" "$LIMIT") || {
        diagnose "$name"; die "$name: $r"; }
    START[$name]+="${r%% *} "
    STARTCMD[$name]+="$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", b - a}') "
    r=$(bench_timed_stop "$W/m/$name" "$LIMIT" "${stop[@]}") || { diagnose "$name"; die "$name: $r"; }
    read -r gone returned t0 <<<"$r"
    STOP[$name]+="$gone "
    STOPCMD[$name]+="$returned "
    if [[ $name == opensrc ]]; then  # untimed: srcmstr must have seen every exit before the next round
        local left
        for _ in $(seq 60); do
            left=$(lssrc -g many | awk 'NR > 1 && $NF != "inoperative"' | wc -l)
            ((left == 0)) && break
            sleep 0.5
        done
        ((left == 0)) || { diagnose opensrc; die "srcmstr still shows $left of $N not inoperative"; }
        CAUGHTUP+="$(awk -v a="$t0" -v b="$(now)" 'BEGIN {printf "%.1f", b - a}') "
    fi
}
diagnose() {  # what the start command said, and srcmstr's view, on stderr
    log "$1: output of the last start command:"; tail -5 "$W/$1.start.out" >&2
    if [[ $1 == opensrc ]]; then
        log "lssrc -g many states:"; lssrc -g many | awk 'NR > 1 {print $NF}' | sort | uniq -c >&2
        log "srcmstr.log (last 15 lines):"; tail -15 "$SRC_ROOT/var/log/src/srcmstr.log" | cut -c1-200 >&2
    fi
}
CAUGHTUP=""

# Client start-up alone: a trivial query with each command-line client.
declare -A CLIENT
for _ in 1 2 3; do
    t0=$(now); lssrc -s "s$(printf "%0${#N}d" 1)" >/dev/null; t1=$(now)
    CLIENT[opensrc]+="$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", b - a}') "
    t0=$(now); sv status "$W/runit/s$(printf "%0${#N}d" 1)" >/dev/null || true; t1=$(now)
    CLIENT[runit]+="$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", b - a}') "
    t0=$(now); ctl pid >/dev/null; t1=$(now)
    CLIENT[supervisor]+="$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", b - a}') "
done

load0=$(bench_load)
log "start/stop $N services, $ROUNDS rounds (load $load0)"
for round in $(seq "$ROUNDS"); do
    run_one opensrc startsrc -g many -- stopsrc -g many
    run_one runit sv up "$W"/runit/* -- sv down "$W"/runit/*
    run_one supervisor supervisorctl -c "$W/supervisord.conf" start 'many:*' -- \
        supervisorctl -c "$W/supervisord.conf" stop 'many:*'
    log "round $round done (load $(bench_load))"
done
load1=$(bench_load)

med() { tr ' ' '\n' | grep . | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
echo "## Start and stop $N services with one command, seconds (median of $ROUNDS)"
echo
echo "load average before: $load0, after: $load1"
echo
echo "| Supervisor | all $N running | command returned | ratio OpenSRC/peer (running) | all stopped | command returned | ratio OpenSRC/peer (stopped) | client start-up alone |"
echo "|---|---|---|---|---|---|---|---|"
os=$(med <<<"${START[opensrc]}"); ost=$(med <<<"${STOP[opensrc]}")
for s in opensrc runit supervisor; do
    a=$(med <<<"${START[$s]}"); b=$(med <<<"${STOP[$s]}")
    label=$s; [[ $s == opensrc ]] && label=OpenSRC
    r1=$(awk -v x="$os" -v y="$a" 'BEGIN {printf "%.2f", x / y}')
    r2=$(awk -v x="$ost" -v y="$b" 'BEGIN {printf "%.2f", x / y}')
    echo "| $label | $a | $(med <<<"${STARTCMD[$s]}") | $r1 | $b | $(med <<<"${STOPCMD[$s]}") | $r2 | $(med <<<"${CLIENT[$s]}") |"
done
echo
echo "OpenSRC: seconds from stopsrc -g until lssrc -g showed all $N inoperative (lssrc polled every 0.5 s, each call ~0.3 s): $CAUGHTUP"
echo "client start-up alone: lssrc -s ONE, sv status ONE, supervisorctl pid (median of 3)."
echo "all rounds (running / stopped, s): OpenSRC ${START[opensrc]}/ ${STOP[opensrc]}; runit ${START[runit]}/ ${STOP[runit]}; supervisor ${START[supervisor]}/ ${STOP[supervisor]}"
