#!/usr/bin/env bash
# scale.sh [N] [ROUNDS] -- supervision at scale: OpenSRC beside daemontools, runit, s6 and
# supervisord in one run, N marker services each (default 500), ROUNDS rounds (default 3),
# medians over the rounds, with ratios OpenSRC / peer and OpenSRC / best peer:
#   start all   one command, until every service has written its marker:
#               svc -u DIR/* | sv up DIR/* | s6-svc -u on each DIR (one loop) |
#               supervisorctl start many:* | startsrc -g many
#   stop all    svc -d | sv down | s6-svc -d | supervisorctl stop | stopsrc -g many, until no
#               service process is left (polled every 2 ms by a watcher that had their pids
#               before the command was launched; "stop command returned" is printed beside)
#   boot        cold: launch svscan / runsvdir / s6-svscan over N fresh dirs without a down
#               file, supervisord with autostart=true, or srcmstr in a fresh SRC_ROOT with the
#               N definitions in its registry (then, as an rc script would: wait until
#               lssrc -s ONE answers, startsrc -g many), until all N markers are written;
#               for OpenSRC also launch -> first answer of lssrc -a (a launch of its own)
#   respawn     SIGKILL one service, time until its replacement wrote its marker
#               (respawn.py: 20 kills per supervisor and round, up >= 1.2 s before each
#               kill; the median of the rounds' medians), with 1 service (instances of their
#               own) and with all N running. OpenSRC definitions are -R -w 0 (RESPAWN,
#               waittime 0), supervisord programs autorestart=true startsecs=1. s6-supervise
#               2.11 waits 1 s after every death before it runs ./run again.
#   memory      PSS (smaps_rollup) of the supervisor's own processes with all N running:
#               svscan + supervise, runsvdir + runsv, s6-svscan + s6-supervise, supervisord,
#               srcmstr (the JVM); the services are not counted; read SETTLE s (10) after all
#               started, in steady state
#   inetd       idle PSS of OpenSRC inetd (a subsystem of srcmstr; its JVM only),
#               openbsd-inetd and xinetd, each with daytime and echo (internal) on 127.0.0.1,
#               SETTLE s (10) after all listen (measured once, after the rounds)
# Start/stop and PSS use one long-running instance of each supervisor (N services defined,
# down); boot and respawn at N=1 use fresh instances, stopped with all their services
# before the next step. Bounded: LIMIT seconds per wait, SCALE_MAX_SECONDS in all.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
N=${1:-500}
ROUNDS=${2:-3}
LIMIT=${SCALE_LIMIT:-180}       # seconds per wait (start, stop, boot)
KILLS=${SCALE_KILLS:-20}        # respawn: kills per supervisor, per N, per round
UP=${BENCH_UP_SECONDS:-1.2}     # respawn: a service is up this long before it is killed
SETTLE=${SCALE_SETTLE_SECONDS:-10} # memory: PSS is read this long after all started (steady state;
                                # srcmstr and inetd return freed native memory every 5 s)
MAX=${SCALE_MAX_SECONDS:-$((900 + 900 * ROUNDS))}
SUPS=(daemontools runit s6 supervisord opensrc)
PEERS=(daemontools runit s6 supervisord)
declare -A LABEL=([daemontools]=daemontools [runit]=runit [s6]=s6 [supervisord]=supervisord [opensrc]=OpenSRC)

bench_require_root
bench_require_tree
bench_apt daemontools runit s6 supervisor openbsd-inetd
XINETD=$(bench_xinetd)
bench_scratch
W=$BENCH_W
svc=$W/svc.sh
bench_marker_service "$svc"
mapfile -t NAMES < <(seq -f "s%0${#N}.0f" 1 "$N")
ONE=${NAMES[0]}
MID=${NAMES[$(((N - 1) / 2))]}   # the service killed in the respawn test at N

# The whole run is bounded: past MAX seconds the current step and the script are stopped
# (the EXIT trap then stops everything).
(
    sleep "$MAX" &
    s=$!
    trap 'kill $s 2>/dev/null; exit 0' TERM
    wait $s
    log "time limit ($MAX s) reached: stopping"
    for p in $(pgrep -P $$); do [[ $p == "$BASHPID" ]] || kill -TERM "$p" 2>/dev/null; done
    kill -TERM $$
) &
bench_track $!

now() { echo "$EPOCHREALTIME"; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", b - a}'; }
med() { tr ' ' '\n' | grep -E '^[0-9.]+$' | sort -g | awk '{a[NR]=$1} END {if (!NR) print "-"; else print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# ---------------------------------------------------------------- instances
# An instance is one supervisor process over one directory D: service dirs (daemontools,
# runit, s6), supervisord.conf (supervisord) or SRC_ROOT (OpenSRC); its services write their
# markers to M/NAME. LIVE[pid]="SUP D M" for every instance still running.
declare -A LIVE

mk_svdirs() {  # mk_svdirs D M DOWN NAME...: a service dir per NAME (a down file when DOWN=1)
    local d=$1 m=$2 down=$3 n runs=()
    shift 3
    mkdir -p "${@/#/$d/}"
    for n in "$@"; do
        printf '#!/bin/sh\nexec %s %s\n' "$svc" "$m/$n" > "$d/$n/run"
        runs+=("$d/$n/run")
        if ((down)); then : > "$d/$n/down"; fi
    done
    chmod +x "${runs[@]}"
}

sd_conf() {  # sd_conf D M AUTOSTART NAME...: supervisord.conf, the programs in group "many"
    local d=$1 m=$2 auto=$3 n
    shift 3
    bench_supervisord_header "$d"
    for n in "$@"; do
        printf '[program:%s]\ncommand=%s %s\nautostart=%s\nautorestart=true\nstartsecs=1\nstdout_logfile=NONE\nstderr_logfile=NONE\n' \
            "$n" "$svc" "$m/$n" "$auto"
    done
    printf '[group:many]\nprograms=%s\n' "$(IFS=,; echo "$*")"
}

os_registry() {  # os_registry M NAME...: SRCsubsys.json (docs/registry.md), respawned (-R -w 0), group many
    python3 - "$svc" "$@" <<'PY'
import json, sys
svc, mdir, names = sys.argv[1], sys.argv[2], sys.argv[3:]
objs = [{"subsysname": n, "synonym": "", "cmdargs": f"{mdir}/{n}", "path": svc,
         "uid": 0, "auditid": 0, "standin": "/dev/null", "standout": "/dev/null",
         "standerr": "/dev/null", "action": "RESPAWN", "multi": False, "contact": "SIGNAL",
         "svrkey": 0, "svrmtype": 0, "priority": 20, "signorm": "SIGTERM",
         "sigforce": "SIGKILL", "display": True, "waittime": 0, "grpname": "many",
         "extensions": {"backoff": False, "backoff_initial_ms": 0, "backoff_max_ms": 0,
                        "kill_escalation": False, "readiness": False}} for n in names]
print(json.dumps({"version": 1, "objects": objs}, indent=2))
PY
}

prepare() {  # prepare SUP D M DOWN NAME...: writes the instance's files; DOWN=1: nothing starts by itself
    local sup=$1 d=$2 m=$3 down=$4
    shift 4
    mkdir -p "$d" "$m"
    case $sup in
    daemontools | runit | s6) mk_svdirs "$d" "$m" "$down" "$@" ;;
    supervisord) sd_conf "$d" "$m" "$( ((down)) && echo false || echo true)" "$@" > "$d/supervisord.conf" ;;
    opensrc) mkdir -p "$d/etc/src" && os_registry "$m" "$@" > "$d/etc/src/SRCsubsys.json" ;;
    esac
}

launch() {  # launch SUP D M: starts the supervisor; its pid in LAUNCHED
    case $1 in
    daemontools) svscan "$2" > /dev/null 2>&1 & ;;
    runit) runsvdir -P "$2" > /dev/null 2>&1 & ;;
    s6) s6-svscan -c $((2 * N + 1000)) "$2" > /dev/null 2>&1 & ;;
    supervisord) supervisord -c "$2/supervisord.conf" > /dev/null 2>&1 & ;;
    opensrc) SRC_ROOT=$2 srcmstr > "$2/srcmstr.out" 2>&1 & ;;
    esac
    LAUNCHED=$!
    LIVE[$LAUNCHED]="$1 $2 $3"
}

pids_in() {  # pids_in D COMM...: processes named COMM whose working directory is D or under D
    python3 - "$@" <<'PY'
import os, sys
d, names = sys.argv[1].rstrip("/"), set(sys.argv[2:])
for p in os.listdir("/proc"):
    if p.isdigit():
        try:
            with open(f"/proc/{p}/comm") as f:
                if f.read().strip() not in names:
                    continue
            cwd = os.readlink(f"/proc/{p}/cwd")
        except OSError:
            continue
        if cwd == d or cwd.startswith(d + "/"):
            print(p)
PY
}

sup_pids() {  # sup_pids PID: the supervisor's own processes (PID and its per-service supervisors)
    local sup d m
    read -r sup d m <<<"${LIVE[$1]}"
    echo "$1"
    case $sup in
    daemontools) pids_in "$d" supervise ;;
    runit) pids_in "$d" runsv ;;
    s6) pids_in "$d" s6-supervise ;;
    esac
}

pss_mb() {  # pss_mb PID...: the sum of their PSS, MB
    local p files=()
    for p in "$@"; do files+=("/proc/$p/smaps_rollup"); done
    awk '/^Pss:/ {s += $2} END {printf "%.1f", s / 1024}' "${files[@]}" 2>/dev/null || true
}

wait_gone() {  # wait_gone SECONDS PID...: waits until none of the PIDs is left, then SIGKILLs the rest
    local t=$(($1 * 10)) p left
    shift
    while ((t-- > 0)); do
        left=()
        for p in "$@"; do kill -0 "$p" 2>/dev/null && left+=("$p"); done
        ((${#left[@]})) || return 0
        sleep 0.1
    done
    kill -KILL "${left[@]}" 2>/dev/null || true
}

reaped() {  # reaped SECONDS PID: waits until PID has no child left (zombies included)
    local t=$(($1 * 10))
    while ((t-- > 0)); do
        [[ -z $(pgrep -P "$2") ]] && return 0
        sleep 0.1
    done
    return 1
}

halt() {  # halt PID: stops the instance PID and everything it runs, and waits until all is gone
    local pid=$1 sup d m left p
    read -r sup d m <<<"${LIVE[$pid]}"
    case $sup in
    daemontools | runit)
        # The service dirs are moved away first, so that svscan / runsvdir starts no new
        # supervise / runsv for them (runsvdir sends TERM to the runsv of a dir that went, which
        # stops its service and exits); svc -dx does that for daemontools. The supervisor reaps
        # them (svscan within 5 s): nothing is left to init. Then the supervisor itself.
        mkdir -p "$d.off"
        mv "$d"/* "$d.off"/ 2>/dev/null || true
        d=$d.off
        if [[ $sup == daemontools ]]; then svc -dx "$d"/* 2>/dev/null || true; fi
        reaped 10 "$pid" || log "$sup: supervise/runsv still there 10 s after the stop"
        kill -TERM "$pid" 2>/dev/null || true ;;
    s6) kill -TERM "$pid" 2>/dev/null || true ;;    # s6-svscan: every service down, every s6-supervise out
    supervisord) kill -TERM "$pid" 2>/dev/null || true ;;
    opensrc) kill -TERM "$pid" 2>/dev/null || true ;;  # srcmstr: SIGTERM to every subsystem, then exit
    esac
    wait_gone 30 "$pid"
    wait "$pid" 2>/dev/null || true
    case $sup in
    daemontools) mapfile -t left < <(pids_in "$d" supervise) ;;
    runit) mapfile -t left < <(pids_in "$d" runsv) ;;
    s6) mapfile -t left < <(pids_in "$d" s6-supervise) ;;
    *) left=() ;;
    esac
    ((${#left[@]} == 0)) || wait_gone 10 "${left[@]}"
    # the services: all gone, or SIGKILL for those still running the marker service
    if [[ -d $m ]] && ! python3 "$BENCH_DIR/markers.py" gone "$m" "$(now)" 10 > /dev/null; then
        log "$sup: services still running 10 s after the stop: SIGKILL"
        while read -r p _; do
            if grep -qa opensrc-bench "/proc/$p/cmdline" 2>/dev/null; then kill -KILL "$p" 2>/dev/null || true; fi
        done < <(cat "$m"/* 2>/dev/null)
    fi
    unset "LIVE[$pid]"
}

scale_cleanup() {
    local pid
    for pid in "${!LIVE[@]}"; do halt "$pid"; done
}
BENCH_CLEANUPS+=("scale_cleanup")

ready() {  # ready PID COUNT: waits until the instance can take commands for COUNT services
    local sup d m i c
    read -r sup d m <<<"${LIVE[$1]}"
    for ((i = 0; i < LIMIT * 10; i++)); do
        kill -0 "$1" 2>/dev/null || break
        case $sup in
        daemontools | runit)
            c=$(find "$d" -mindepth 3 -maxdepth 3 -path '*/supervise/ok' 2>/dev/null | wc -l)
            ((c >= $2)) && return 0 ;;
        s6)
            c=$(find "$d" -mindepth 3 -maxdepth 3 -path '*/supervise/control' 2>/dev/null | wc -l)
            ((c >= $2)) && return 0 ;;
        supervisord) supervisorctl -c "$d/supervisord.conf" pid > /dev/null 2>&1 && return 0 ;;
        opensrc) SRC_ROOT=$d lssrc -s "$ONE" > /dev/null 2>&1 && return 0 ;;
        esac
        sleep 0.1
    done
    [[ $sup == opensrc ]] && tail -20 "$d/srcmstr.out" >&2
    die "$sup over $d is not ready"
}

start_cmd() {  # start_cmd PID: the one command that starts every service of the instance
    local sup d m x
    read -r sup d m <<<"${LIVE[$1]}"
    case $sup in
    daemontools) svc -u "$d"/* ;;
    runit) sv up "$d"/* ;;
    s6) for x in "$d"/*; do s6-svc -u "$x"; done ;;
    supervisord) supervisorctl -c "$d/supervisord.conf" start 'many:*' ;;
    opensrc) SRC_ROOT=$d startsrc -g many ;;
    esac
}

stop_cmd() {  # stop_cmd PID: the one command that stops every service of the instance
    local sup d m x
    read -r sup d m <<<"${LIVE[$1]}"
    case $sup in
    daemontools) svc -d "$d"/* ;;
    runit) sv down "$d"/* ;;
    s6) for x in "$d"/*; do s6-svc -d "$x"; done ;;
    supervisord) supervisorctl -c "$d/supervisord.conf" stop 'many:*' ;;
    opensrc) SRC_ROOT=$d stopsrc -g many ;;
    esac
}

caught_up() {  # caught_up PID: (OpenSRC) waits until lssrc -g many shows every subsystem inoperative
    local sup d m n=-1
    read -r sup d m <<<"${LIVE[$1]}"
    [[ $sup == opensrc ]] || return 0
    for _ in $(seq 60); do
        n=$( (SRC_ROOT=$d lssrc -g many || true) | awk 'NR > 1 && $NF != "inoperative"' | wc -l)
        ((n == 0)) && return 0
        sleep 0.5
    done
    die "srcmstr still shows $n of $N subsystems not inoperative 30 s after stopsrc -g"
}

started() {  # started PID T0 COUNT: seconds from T0 until COUNT markers (the last one), or die
    local sup d m r
    read -r sup d m <<<"${LIVE[$1]}"
    r=$(python3 "$BENCH_DIR/markers.py" started "$m" "$3" "$2" "$LIMIT") || {
        [[ $sup == opensrc ]] && { tail -5 "$W/last.out" >&2; tail -15 "$d/var/log/src/srcmstr.log" | cut -c1-200 >&2; }
        die "$sup: $r"
    }
    echo "${r%% *}"
}

gone() {  # gone PID T0: seconds from T0 until no service of the instance runs, or die
    local sup d m r
    read -r sup d m <<<"${LIVE[$1]}"
    r=$(python3 "$BENCH_DIR/markers.py" gone "$m" "$2" "$LIMIT") || die "$sup: $r"
    echo "$r"
}

# ---------------------------------------------------------------- the long-running instances
declare -A WARM   # SUP -> pid
log "setting up $N services under each of ${SUPS[*]}"
for sup in "${SUPS[@]}"; do
    prepare "$sup" "$W/warm/$sup" "$W/m/warm/$sup" 1 "${NAMES[@]}"
    launch "$sup" "$W/warm/$sup" "$W/m/warm/$sup"
    WARM[$sup]=$LAUNCHED
done
for sup in "${SUPS[@]}"; do ready "${WARM[$sup]}" "$N"; done

declare -A START STARTCMD STOP STOPCMD PSS BOOT RSP1 RSPN RSP1P90 RSPNP90 RSPFAIL
OS_LSSRC=""      # OpenSRC boot: launch -> lssrc -a answers (own launch)
OS_READY=""      # OpenSRC boot: launch -> lssrc -s ONE answered (in the boot run)
OS_CAUGHTUP=""   # OpenSRC: stopsrc -g -> lssrc -g shows all inoperative

start_stop() {  # start_stop SUP: start all (timed), PSS, stop all (timed)
    local sup=$1 pid=${WARM[$1]} m t0 t1 r gone_s returned_s
    m=$W/m/warm/$sup
    rm -f "$m"/*
    t0=$(now); start_cmd "$pid" > "$W/last.out" 2>&1 || true; t1=$(now)
    r=$(started "$pid" "$t0" "$N")
    START[$sup]+="$r "; STARTCMD[$sup]+="$(secs "$t0" "$t1") "
    sleep "$SETTLE"
    # shellcheck disable=SC2046
    PSS[$sup]+="$(pss_mb $(sup_pids "$pid")) "
    r=$(bench_timed_stop "$m" "$LIMIT" stop_cmd "$pid") || die "$sup: $r"
    read -r gone_s returned_s t0 <<<"$r"
    STOP[$sup]+="$gone_s "; STOPCMD[$sup]+="$returned_s "
    if [[ $sup == opensrc ]]; then caught_up "$pid"; OS_CAUGHTUP+="$(secs "$t0" "$(now)") "; fi
}

boot() {  # boot SUP ROUND: cold launch over N services until all N markers are written
    local sup=$1 d=$W/boot/$2/$1 m=$W/m/boot/$2/$1 t0 r pid i
    prepare "$sup" "$d" "$m" 0 "${NAMES[@]}"
    sync
    t0=$(now)
    launch "$sup" "$d" "$m"
    pid=$LAUNCHED
    if [[ $sup == opensrc ]]; then  # as an rc script: wait until srcmstr answers, then start the group
        for ((i = 0; i < LIMIT * 10; i++)); do
            SRC_ROOT=$d lssrc -s "$ONE" > /dev/null 2>&1 && break
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        OS_READY+="$(secs "$t0" "$(now)") "
        SRC_ROOT=$d startsrc -g many > "$W/last.out" 2>&1 || true
    fi
    r=$(started "$pid" "$t0" "$N")
    BOOT[$sup]+="$r "
    halt "$pid"
}

boot_lssrc() {  # boot_lssrc ROUND: OpenSRC cold launch -> first answer of lssrc -a
    local d=$W/boot/$1/lssrc t0 i
    prepare opensrc "$d" "$W/m/boot/$1/lssrc" 1 "${NAMES[@]}"
    sync
    t0=$(now)
    launch opensrc "$d" "$W/m/boot/$1/lssrc"
    for ((i = 0; i < LIMIT * 10; i++)); do
        SRC_ROOT=$d lssrc -a > /dev/null 2>&1 && break
        kill -0 "$LAUNCHED" 2>/dev/null || die "srcmstr over $d exited"
        sleep 0.1
    done
    OS_LSSRC+="$(secs "$t0" "$(now)") "
    halt "$LAUNCHED"
}

respawn() {  # respawn KEY TARGET...: respawn.py over NAME=MARKER targets; fills RSP<KEY>
    local key=$1 out name n fail md p90 _
    shift
    out=$(python3 "$BENCH_DIR/respawn.py" "$KILLS" "$UP" "$@") || die "respawn.py: $out"
    log "respawn at N=$key (name kills failed median p90 min max, ms): $(tr '\n' ';' <<<"$out")"
    while read -r name n fail md p90 _; do
        if [[ $key == 1 ]]; then RSP1[$name]+="$md "; RSP1P90[$name]+="$p90 "
        else RSPN[$name]+="$md "; RSPNP90[$name]+="$p90 "; fi
        RSPFAIL[$key,$name]=$((${RSPFAIL[$key,$name]:-0} + fail))
    done <<<"$out"
}

respawn_one() {  # respawn_one ROUND: fresh instances with one service each, running
    local r=$1 sup d m targets=() pids=() pid
    for sup in "${SUPS[@]}"; do
        d=$W/one/$r/$sup; m=$W/m/one/$r/$sup
        prepare "$sup" "$d" "$m" 0 "$ONE"
        launch "$sup" "$d" "$m"
        pids+=("$LAUNCHED")
        targets+=("$sup=$m/$ONE")
    done
    pid=${pids[4]}
    ready "$pid" 1
    SRC_ROOT=$W/one/$r/opensrc startsrc -s "$ONE" > "$W/last.out" 2>&1 || die "startsrc -s $ONE: $(cat "$W/last.out")"
    respawn 1 "${targets[@]}"
    for pid in "${pids[@]}"; do halt "$pid"; done
}

respawn_n() {  # respawn_n: every warm instance runs all N; the middle service is killed
    local sup pid targets=() t0
    for sup in "${SUPS[@]}"; do
        pid=${WARM[$sup]}
        rm -f "$W/m/warm/$sup"/*
        t0=$(now); start_cmd "$pid" > "$W/last.out" 2>&1 || true
        started "$pid" "$t0" "$N" > /dev/null
        targets+=("$sup=$W/m/warm/$sup/$MID")
    done
    respawn N "${targets[@]}"
    for sup in "${SUPS[@]}"; do
        pid=${WARM[$sup]}
        t0=$(now); stop_cmd "$pid" > /dev/null 2>&1 || true
        gone "$pid" "$t0" > /dev/null
        caught_up "$pid"
    done
}

load0=$(bench_load)
log "scale: N=$N, $ROUNDS rounds, limit $MAX s (load $load0)"
for round in $(seq "$ROUNDS"); do
    for sup in "${SUPS[@]}"; do start_stop "$sup"; done
    log "round $round: start/stop done (load $(bench_load))"
    for sup in "${SUPS[@]}"; do boot "$sup" "$round"; done
    boot_lssrc "$round"
    log "round $round: boot done (load $(bench_load))"
    respawn_one "$round"
    log "round $round: respawn at N=1 done (load $(bench_load))"
    respawn_n
    log "round $round: respawn at N=$N done (load $(bench_load))"
done

# ---------------------------------------------------------------- inetd idle PSS
# The supervisors above are stopped first: every JVM on the host maps the same libjvm.so, and
# its pages count towards each one's PSS divided by the number of JVMs that map it. On a host,
# inetd runs beside its srcmstr alone; a third JVM (the long-running srcmstr of N services)
# would take about 2.8 MB off inetd's figure.
for pid in "${!LIVE[@]}"; do halt "$pid"; done
declare -A IBASE=([OpenSRC]=27000 [xinetd]=28000 [openbsd-inetd]=29000)
for b in "${IBASE[@]}"; do bench_port_free $((b + 13)) $((b + 7)); done
I=$W/inetd
mkdir -p "$I/src/etc"
printf 'daytime\t%d/tcp\necho\t%d/tcp\n' $((IBASE[OpenSRC] + 13)) $((IBASE[OpenSRC] + 7)) > "$I/src/etc/services"
printf '127.0.0.1:\ndaytime  stream  tcp  nowait  root  internal\necho     stream  tcp  nowait  root  internal\n' \
    > "$I/src/etc/inetd.conf"
launch opensrc "$I/src" "$I/none"
INETD_SRCMSTR=$LAUNCHED
for ((i = 0; i < LIMIT * 10; i++)); do
    SRC_ROOT=$I/src lssrc -a > /dev/null 2>&1 && break
    kill -0 "$INETD_SRCMSTR" 2>/dev/null || die "srcmstr over $I/src exited"
    sleep 0.1
done
SRC_ROOT=$I/src mkssys -s inetd -p "$TREE/bin/inetd" -u 0 -G tcpip -K -R > /dev/null
SRC_ROOT=$I/src startsrc -s inetd > /dev/null
printf 'daytime\t%d/tcp\necho\t%d/tcp\n' $((IBASE[openbsd-inetd] + 13)) $((IBASE[openbsd-inetd] + 7)) > "$I/obsd.services"
printf '127.0.0.1:\ndaytime  stream  tcp4  nowait  root  internal\necho     stream  tcp4  nowait  root  internal\n' \
    > "$I/obsd.conf"
unshare -m sh -c "mount --bind $I/obsd.services /etc/services && exec /usr/sbin/inetd -i $I/obsd.conf" \
    > "$I/obsd.log" 2>&1 &
OBSD=$!
bench_track "$OBSD"
{
    printf 'defaults\n{\n\tbind = 127.0.0.1\n}\n'
    printf 'service daytime\n{\n\ttype = INTERNAL UNLISTED\n\tid = daytime-stream\n\tsocket_type = stream\n\tprotocol = tcp\n\twait = no\n\tuser = root\n\tport = %d\n}\n' \
        $((IBASE[xinetd] + 13))
    printf 'service echo\n{\n\ttype = INTERNAL UNLISTED\n\tid = echo-stream\n\tsocket_type = stream\n\tprotocol = tcp\n\twait = no\n\tuser = root\n\tport = %d\n}\n' \
        $((IBASE[xinetd] + 7))
} > "$I/xinetd.conf"
"$XINETD" -dontfork -f "$I/xinetd.conf" -filelog "$I/xinetd.log" > "$I/xinetd.out" 2>&1 &
XIN=$!
bench_track "$XIN"
for b in "${IBASE[@]}"; do bench_wait_port $((b + 13)) 60; bench_wait_port $((b + 7)) 60; done
sleep "$SETTLE"
OS_INETD=$(SRC_ROOT=$I/src lssrc -s inetd | awk 'NR == 2 {print $3}')
[[ $OS_INETD =~ ^[0-9]+$ ]] || die "no pid for OpenSRC inetd"
# if the script stops before inetd is stopped below (srcmstr leaves a subsystem it cannot stop)
BENCH_CLEANUPS+=("grep -qa org.opensrc.inetd /proc/$OS_INETD/cmdline && kill -KILL $OS_INETD")
declare -A IPSS=([OpenSRC]=$(pss_mb "$OS_INETD") [xinetd]=$(pss_mb "$XIN") [openbsd-inetd]=$(pss_mb "$OBSD"))
IPSS_SRCMSTR=$(pss_mb "$INETD_SRCMSTR")
[[ $(cat "/proc/$OBSD/comm") == inetd ]] || log "warning: pid $OBSD is $(cat "/proc/$OBSD/comm"), not inetd"
SRC_ROOT=$I/src stopsrc -s inetd > /dev/null 2>&1 || true
wait_gone 20 "$OS_INETD"
halt "$INETD_SRCMSTR"
kill -TERM "$OBSD" "$XIN" 2>/dev/null || true
wait_gone 5 "$OBSD" "$XIN"
load1=$(bench_load)

# ---------------------------------------------------------------- report
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a ~ /^[0-9.]+$/ && b ~ /^[0-9.]+$/ && b > 0) printf "%.2f", a / b; else print "-" }'; }
declare -A M   # METRIC,SUP -> median
METRICS=(start stop boot rsp1 rspn pss)
declare -A MLABEL=([start]="start all (s)" [stop]="stop all (s)" [boot]="boot → all $N running (s)"
    [rsp1]="respawn at N=1 (ms)" [rspn]="respawn at N=$N (ms)" [pss]="supervisor PSS (MB)")
for sup in "${SUPS[@]}"; do
    M[start,$sup]=$(med <<<"${START[$sup]}")
    M[stop,$sup]=$(med <<<"${STOP[$sup]}")
    M[boot,$sup]=$(med <<<"${BOOT[$sup]}")
    M[rsp1,$sup]=$(med <<<"${RSP1[$sup]:-}")
    M[rspn,$sup]=$(med <<<"${RSPN[$sup]:-}")
    M[pss,$sup]=$(med <<<"${PSS[$sup]}")
done
best() {  # best METRIC: "value peer" of the lowest peer
    local s v=- who=-
    for s in "${PEERS[@]}"; do
        [[ ${M[$1,$s]} =~ ^[0-9.]+$ ]] || continue
        if [[ $v == - ]] || awk -v a="${M[$1,$s]}" -v b="$v" 'BEGIN {exit !(a < b)}'; then v=${M[$1,$s]}; who=$s; fi
    done
    echo "$v $who"
}

echo "## Supervision at scale: $N services per supervisor, medians of $ROUNDS rounds"
echo
echo "load average before: $load0, after: $load1"
echo "versions: daemontools $(bench_version daemontools), runit $(bench_version runit), s6 $(bench_version s6), supervisor $(bench_version supervisor)"
echo
echo "| N = $N, medians of $ROUNDS rounds | daemontools | runit | s6 | supervisord | OpenSRC | OpenSRC ÷ best |"
echo "|---|---|---|---|---|---|---|"
for k in "${METRICS[@]}"; do
    read -r bv bw < <(best "$k")
    row="| ${MLABEL[$k]} "
    for sup in "${SUPS[@]}"; do row+="| ${M[$k,$sup]} "; done
    echo "$row| $(ratio "${M[$k,opensrc]}" "$bv") ($bw) |"
done
echo
echo "inetd idle PSS (MB), daytime + echo internal on 127.0.0.1: OpenSRC inetd ${IPSS[OpenSRC]} (its srcmstr beside it: $IPSS_SRCMSTR) | xinetd ${IPSS[xinetd]} | openbsd-inetd ${IPSS[openbsd-inetd]}"
echo
echo "| ratio OpenSRC ÷ peer | daemontools | runit | s6 | supervisord |"
echo "|---|---|---|---|---|"
for k in "${METRICS[@]}"; do
    row="| ${MLABEL[$k]} "
    for sup in "${PEERS[@]}"; do row+="| $(ratio "${M[$k,opensrc]}" "${M[$k,$sup]}") "; done
    echo "$row|"
done
echo
echo "| details (medians) | daemontools | runit | s6 | supervisord | OpenSRC |"
echo "|---|---|---|---|---|---|"
row="| start command returned (s) "; for sup in "${SUPS[@]}"; do row+="| $(med <<<"${STARTCMD[$sup]}") "; done; echo "$row|"
row="| stop command returned (s) "; for sup in "${SUPS[@]}"; do row+="| $(med <<<"${STOPCMD[$sup]}") "; done; echo "$row|"
row="| respawn at N=1, p90 (ms) "; for sup in "${SUPS[@]}"; do row+="| $(med <<<"${RSP1P90[$sup]:-}") "; done; echo "$row|"
row="| respawn at N=$N, p90 (ms) "; for sup in "${SUPS[@]}"; do row+="| $(med <<<"${RSPNP90[$sup]:-}") "; done; echo "$row|"
row="| failed kills (N=1 / N=$N) "; for sup in "${SUPS[@]}"; do row+="| ${RSPFAIL[1,$sup]:-0} / ${RSPFAIL[N,$sup]:-0} "; done; echo "$row|"
echo
echo "OpenSRC boot: launch → lssrc -a first answers (srcmstr alone, $N definitions): $(med <<<"$OS_LSSRC") s;" \
    "launch → lssrc -s $ONE answered in the boot runs (polled every 0.1 s): $(med <<<"$OS_READY") s."
echo "OpenSRC: stopsrc -g → lssrc -g shows all $N inoperative (polled every 0.5 s): $(med <<<"$OS_CAUGHTUP") s."
echo "respawn: $KILLS SIGKILLs per supervisor and round at N=1 (instances of their own) and at N=$N (service $MID" \
    "with all $N running), service up ≥ ${UP} s before each kill; latency = kill → the new service's own start."
echo "PSS: daemontools svscan + $N supervise, runit runsvdir + $N runsv, s6 s6-svscan + $N s6-supervise," \
    "supervisord (python), OpenSRC srcmstr (JVM); $SETTLE s after all $N started (steady state); services not counted."
echo "s6 has no command for many services: start/stop all is one shell loop of s6-svc -u/-d over the $N dirs."

check() {  # check TARGET VALUE REFERENCE-LABEL REFERENCE LIMIT
    local r res
    r=$(ratio "$2" "$4")
    res=FAIL
    [[ $r != - ]] && awk -v a="$r" -v b="$5" 'BEGIN {exit !(a <= b)}' && res=PASS
    echo "| $1 | $2 | $3 $4 | $r | ≤ $5 | $res |"
}
echo
echo "### Done-when check"
echo
echo "| target | OpenSRC | reference | ratio | limit | result |"
echo "|---|---|---|---|---|---|"
check "start all ≤ 1.0× daemontools (s)" "${M[start,opensrc]}" daemontools "${M[start,daemontools]}" 1.0
read -r bv bw < <(best stop)
check "stop all ≤ 1.0× best peer (s)" "${M[stop,opensrc]}" "$bw" "$bv" 1.0
check "respawn at N ≤ 1.0× runit (ms)" "${M[rspn,opensrc]}" runit "${M[rspn,runit]}" 1.0
check "srcmstr PSS ≤ 1.5× supervisord (MB)" "${M[pss,opensrc]}" supervisord "${M[pss,supervisord]}" 1.5
read -r bv bw < <(best boot)
check "boot ≤ 2× best peer (s)" "${M[boot,opensrc]}" "$bw" "$bv" 2.0
check "OpenSRC respawn at N ≤ at N=1 (ms)" "${M[rspn,opensrc]}" "OpenSRC at N=1" "${M[rsp1,opensrc]}" 1.0
check "inetd idle PSS ≤ 40 MB" "${IPSS[OpenSRC]}" "limit" "40" 1.0
echo
echo "all rounds:"
for sup in "${SUPS[@]}"; do
    echo "  ${LABEL[$sup]}: start ${START[$sup]}| stop ${STOP[$sup]}| boot ${BOOT[$sup]}| respawn N=1 ${RSP1[$sup]:-}| respawn N ${RSPN[$sup]:-}| PSS ${PSS[$sup]}"
done
