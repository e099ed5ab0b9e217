#!/usr/bin/env bash
# watch-cost.sh [N] -- what metrics and watchers cost srcmstr, with N subsystems (default 500)
# running (marker services, RESPAWN, waittime 0, group "many"), in three runs of a fresh
# srcmstr each:
#   off        no metrics.listen, no watcher
#   metrics    metrics.listen on a free loopback port, scraped once a second by curl
#   +watchers  metrics as above and WATCHERS (10) `lssrc -a --watch` attached (output to /dev/null)
# Measured in each run:
#   cpu        srcmstr's CPU (utime + stime from /proc/PID/stat, seconds) over a fixed churn:
#              KILLS (100) subsystems, each killed with SIGKILL once, one after the other,
#              each kill waiting for its respawn's marker
#   churn      the churn's wall time (seconds): scrapes and watcher output happen over it
#   pss        srcmstr's PSS (smaps_rollup, MB) SETTLE s (10) after the churn
# Printed as a table with the ratios against the first run.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
N=${1:-500}
KILLS=${WATCH_COST_KILLS:-100}
WATCHERS=${WATCH_COST_WATCHERS:-10}
SETTLE=${WATCH_COST_SETTLE_SECONDS:-10}
LIMIT=${WATCH_COST_LIMIT:-180}      # seconds per wait
((KILLS <= N)) || die "KILLS ($KILLS) must not exceed N ($N)"

bench_require_root
bench_require_tree
command -v curl > /dev/null || bench_apt curl
bench_scratch
W=$BENCH_W
svc=$W/svc.sh
bench_marker_service "$svc"
mapfile -t NAMES < <(seq -f "s%0${#N}.0f" 1 "$N")
TCK=$(getconf CLK_TCK)

registry() { bench_respawning_registry "$svc" "$1" "${NAMES[@]}"; }  # registry M: SRCsubsys.json with N marker services

free_port() { bench_free_port; }

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }  # utime + stime (no spaces in comm "java")

pss_mb() { bench_pss_mb "$1"; }

lines() { [[ -e $1 ]] && wc -l < "$1" || echo 0; }

wait_for() {  # wait_for WHAT COMMAND...: until COMMAND succeeds, at most LIMIT s
    local what=$1 t=$((LIMIT * 20))
    shift
    until "$@"; do
        ((t-- > 0)) || die "timed out waiting for $what"
        sleep 0.05
    done
}

all_started() { (($(find "$1" -type f | wc -l) >= N)); }
respawned() { (($(lines "$1") >= 2)); }

declare -A CPU PSS WALL
RUNS=(off metrics watchers)
declare -A LABEL=([off]="off" [metrics]="metrics" [watchers]="metrics + $WATCHERS watchers")

run() {  # run NAME
    local name=$1 root=$W/$1 m=$W/$1-markers helpers=() port="" i n pid before after
    mkdir -p "$root/etc/src" "$m"
    registry "$m" > "$root/etc/src/SRCsubsys.json"
    if [[ $name != off ]]; then
        port=$(free_port)
        echo "metrics.listen=127.0.0.1:$port" > "$root/etc/src/srcmstr.conf"
    fi
    export SRC_ROOT=$root
    bench_srcmstr
    local srcmstr=$BENCH_SRCMSTR_PID
    # bench_srcmstr tracks the launcher's pid; the JVM is the launcher itself (exec) or its child
    pid=$srcmstr
    [[ $(cat "/proc/$pid/comm") == java ]] || pid=$(pgrep -P "$srcmstr" -x java | head -1)
    startsrc -g many > /dev/null
    wait_for "$N subsystems to start ($name)" all_started "$m"
    if [[ -n $port ]]; then
        (while :; do curl -s -o /dev/null "http://127.0.0.1:$port/metrics"; sleep 1; done) &
        helpers+=($!)
        bench_track $!
    fi
    if [[ $name == watchers ]]; then
        for ((i = 0; i < WATCHERS; i++)); do
            lssrc -a --watch > /dev/null 2>&1 &
            helpers+=($!)
            bench_track $!
        done
    fi
    sleep 3 # the watchers attached, the first scrapes made
    before=$(cpu_ticks "$pid")
    local t0=$EPOCHREALTIME
    for ((i = 0; i < KILLS; i++)); do
        n=${NAMES[i]}
        kill -KILL "$(awk '{print $1}' "$m/$n" | tail -1)"
        wait_for "$n to respawn ($name)" respawned "$m/$n"
    done
    after=$(cpu_ticks "$pid")
    WALL[$name]=$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN {printf "%.1f", b - a}')
    sleep "$SETTLE"
    CPU[$name]=$(awk -v a="$before" -v b="$after" -v t="$TCK" 'BEGIN {printf "%.2f", (b - a) / t}')
    PSS[$name]=$(pss_mb "$pid")
    log "$name: cpu ${CPU[$name]} s over $KILLS respawns in ${WALL[$name]} s, pss ${PSS[$name]} MB"
    for i in "${helpers[@]}"; do kill -TERM "$i" 2>/dev/null || true; wait "$i" 2>/dev/null || true; done
    kill -TERM "$srcmstr" # srcmstr stops every subsystem (waittime 0) and exits
    wait "$srcmstr" 2>/dev/null || true
    unset SRC_ROOT
}

bench_machine
printf 'subsystems: %s, churn: %s kill -9 + respawn, watchers: %s, settle: %s s\n\n' "$N" "$KILLS" "$WATCHERS" "$SETTLE"
for r in "${RUNS[@]}"; do run "$r"; done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "-"}'; }
printf '| %-22s | %9s | %12s | %6s | %9s | %6s |\n' "srcmstr" "churn (s)" "CPU (s)" "ratio" "PSS (MB)" "ratio"
printf '| %-22s | %9s | %12s | %6s | %9s | %6s |\n' "---" "---:" "---:" "---:" "---:" "---:"
for r in "${RUNS[@]}"; do
    printf '| %-22s | %9s | %12s | %6s | %9s | %6s |\n' "${LABEL[$r]}" "${WALL[$r]}" "${CPU[$r]}" \
        "$(ratio "${CPU[$r]}" "${CPU[off]}")" \
        "${PSS[$r]}" "$(ratio "${PSS[$r]}" "${PSS[off]}")"
done
