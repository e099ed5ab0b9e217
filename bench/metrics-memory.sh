#!/usr/bin/env bash
# metrics-memory.sh [N] [SCRAPES] -- where srcmstr's memory goes with metrics.listen off and on:
# N (default 500) marker subsystems running (as watch-cost.sh), then SCRAPES (default 20) scrapes
# of /metrics one second apart (none with metrics off), then SETTLE s (10). Two srcmstr per mode:
#   plain   as installed: PSS (smaps_rollup), PSS by mapping (smaps), threads by name
#   nmt     with -XX:NativeMemoryTracking=summary, -Xlog:class+load and -Xlog:gc: the JVM's own account
#           (jcmd VM.native_memory summary), the heap (GC.heap_info), and the classes loaded,
#           from the AOT cache and outside it
# Writes everything under OUT (default /tmp/metrics-memory.TIME) and prints the PSS table.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
N=${1:-500}
SCRAPES=${2:-20}
SETTLE=${METRICS_MEMORY_SETTLE_SECONDS:-10}
OUT=${METRICS_MEMORY_OUT:-/tmp/metrics-memory.$(date -u +%Y%m%dT%H%MZ)}
LIMIT=180

bench_require_root
bench_require_tree
command -v curl > /dev/null || bench_apt curl
bench_scratch
W=$BENCH_W
mkdir -p "$OUT"
svc=$W/svc.sh
bench_marker_service "$svc"
mapfile -t NAMES < <(seq -f "s%0${#N}.0f" 1 "$N")
# shellcheck source=/dev/null
source "$TREE/lib/cli.launch" # launch_java_home: the JDK the tree runs on (opensrc-aot-train)
# shellcheck disable=SC2154
JCMD=$launch_java_home/bin/jcmd

registry() { bench_respawning_registry "$svc" "$1" "${NAMES[@]}"; }  # registry M: SRCsubsys.json with N marker services

free_port() { bench_free_port; }

pss_mb() { bench_pss_mb "$1"; }

# PSS (MB) by mapping: the AOT cache, libjvm, the native heap, anonymous, other files
by_mapping() {
    awk '
    /^[0-9a-f]+-[0-9a-f]+ / { name = (NF >= 6) ? $6 : "anon"
        if (name ~ /\.aot$/) k = "aot cache"; else if (name ~ /libjvm/) k = "libjvm.so"
        else if (name == "[heap]") k = "[heap] (malloc)"; else if (name == "anon") k = "anonymous"
        else if (name ~ /^\[/) k = "other [..]"; else k = "other files"; next }
    /^Pss:/ { pss[k] += $2 }
    END { for (k in pss) printf "%-16s %7.1f\n", k, pss[k] / 1024 }' "/proc/$1/smaps" | sort
}

threads() {  # thread names with counts
    for t in /proc/"$1"/task/*; do cat "$t/comm"; done | sed 's/[0-9]*$/N/' | sort | uniq -c | sort -rn
}

all_started() { (($(find "$1" -type f | wc -l) >= N)); }

wait_for() {
    local what=$1 t=$((LIMIT * 20))
    shift
    until "$@"; do
        ((t-- > 0)) || die "timed out waiting for $what"
        sleep 0.05
    done
}

declare -A PSS
run() {  # run MODE(off|on) KIND(plain|nmt)
    local mode=$1 kind=$2 name=$1-$2 root=$W/$1-$2 m=$W/$1-$2-markers port="" pid i
    mkdir -p "$root/etc/src" "$m"
    registry "$m" > "$root/etc/src/SRCsubsys.json"
    if [[ $mode == on ]]; then
        port=$(free_port)
        echo "metrics.listen=127.0.0.1:$port" > "$root/etc/src/srcmstr.conf"
    fi
    export SRC_ROOT=$root
    if [[ $kind == nmt ]]; then
        export OPENSRC_DAEMON_JAVA_OPTS="-XX:NativeMemoryTracking=summary -Xlog:class+load=info:file=$OUT/$name.classes -Xlog:gc:file=$OUT/$name.gc"
    fi
    bench_srcmstr
    unset OPENSRC_DAEMON_JAVA_OPTS
    local srcmstr=$BENCH_SRCMSTR_PID
    pid=$srcmstr
    [[ $(cat "/proc/$pid/comm") == java ]] || pid=$(pgrep -P "$srcmstr" -x java | head -1)
    startsrc -g many > /dev/null
    wait_for "$N subsystems to start ($name)" all_started "$m"
    if [[ -n $port ]]; then
        for ((i = 0; i < SCRAPES; i++)); do
            curl -s -o "$OUT/$name.metrics" "http://127.0.0.1:$port/metrics"
            sleep 1
        done
    else
        sleep "$SCRAPES"
    fi
    sleep "$SETTLE"
    PSS[$name]=$(pss_mb "$pid")
    {
        echo "PSS ${PSS[$name]} MB"
        cat "/proc/$pid/smaps_rollup"
        echo
        by_mapping "$pid"
        echo
        echo "threads: $(ls "/proc/$pid/task" | wc -l)"
        threads "$pid"
    } > "$OUT/$name.txt"
    if [[ $kind == nmt ]]; then
        "$JCMD" "$pid" VM.native_memory summary > "$OUT/$name.nmt" 2>&1 || true
        "$JCMD" "$pid" GC.heap_info > "$OUT/$name.heap" 2>&1 || true
    fi
    [[ -n $port ]] && { grep -c '^opensrc_subsystem_up{' "$OUT/$name.metrics" || true; } | sed 's/^/series opensrc_subsystem_up: /' >> "$OUT/$name.txt"
    log "$name: pss ${PSS[$name]} MB, $(ls "/proc/$pid/task" | wc -l) threads"
    kill -TERM "$srcmstr"
    wait "$srcmstr" 2>/dev/null || true
    unset SRC_ROOT
}

bench_machine
for kind in ${METRICS_MEMORY_KINDS:-plain nmt}; do
    for mode in off on; do run "$mode" "$kind"; done
done
printf '| %-10s | %9s | %9s |\n' "srcmstr" "plain PSS" "NMT PSS"
for mode in off on; do
    printf '| %-10s | %9s | %9s |\n' "$mode" "${PSS[$mode-plain]:--}" "${PSS[$mode-nmt]:--}"
done
echo "details: $OUT"
