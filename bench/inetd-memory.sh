#!/usr/bin/env bash
# inetd-memory.sh [SETTLE_SECONDS]: where OpenSRC inetd's idle memory goes.
# Starts a srcmstr in a scratch SRC_ROOT, starts inetd under it as bench/scale.sh does
# (daytime + echo internal on 127.0.0.1), waits SETTLE_SECONDS (default 10: inetd trims its
# native heap every 5 s), then prints inetd's PSS and RSS (smaps_rollup), PSS by mapping
# (smaps), the JVM's native memory summary (NMT) and the classes loaded per jar
# (-Xlog:class+load). Stops everything it started, by pid.
#   INETD_MEMORY_PORT   base port (default 31000: daytime on +13, echo on +7)
#   INETD_JAVA_OPTS     extra JVM flags for inetd (for trying one flag at a time)
#   INETD_ENV           extra environment for inetd, NAME=value (startsrc -e), e.g. MALLOC_ARENA_MAX=1
#   INETD_MEMORY_NMT=0  measures without NMT (NMT itself costs a little memory)
#   INETD_MEMORY_PLAIN=1  inetd with its own flags only (no NMT, no class log, no jcmd): PSS as
#                       bench/scale.sh sees it
# No root needed; inetd runs as the caller.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
SETTLE=${1:-10}
BASE=${INETD_MEMORY_PORT:-31000}
NMT=${INETD_MEMORY_NMT:-1}
PLAIN=${INETD_MEMORY_PLAIN:-0}
[[ $PLAIN == 1 ]] && NMT=0
bench_require_tree
bench_port_free $((BASE + 13)) $((BASE + 7))
bench_scratch
trap bench_cleanup EXIT
R=$BENCH_W/src
mkdir -p "$R/etc"
printf 'daytime\t%d/tcp\necho\t%d/tcp\n' $((BASE + 13)) $((BASE + 7)) > "$R/etc/services"
printf '127.0.0.1:\ndaytime  stream  tcp  nowait  root  internal\necho     stream  tcp  nowait  root  internal\n' \
    > "$R/etc/inetd.conf"
SRC_ROOT=$R srcmstr > "$BENCH_W/srcmstr.out" 2>&1 &
SRCMSTR=$!
bench_track "$SRCMSTR"
for _ in $(seq 300); do
    SRC_ROOT=$R lssrc -a > /dev/null 2>&1 && break
    kill -0 "$SRCMSTR" 2>/dev/null || die "srcmstr exited: $(cat "$BENCH_W/srcmstr.out")"
    sleep 0.1
done
opts="-Xlog:class+load=info:file=$BENCH_W/classes.log ${INETD_JAVA_OPTS:-}"
[[ $NMT == 1 ]] && opts="-XX:NativeMemoryTracking=summary $opts"
[[ $PLAIN == 1 ]] && opts=${INETD_JAVA_OPTS:-}
SRC_ROOT=$R mkssys -s inetd -p "$TREE/bin/inetd" -u "$(id -u)" -G tcpip -K -R -e "$BENCH_W/inetd.err" > /dev/null
SRC_ROOT=$R startsrc -s inetd -e "OPENSRC_DAEMON_JAVA_OPTS='$opts' ${INETD_ENV:-}" > /dev/null
for port in $((BASE + 13)) $((BASE + 7)); do
    (bench_wait_port "$port" 60) || die "inetd does not listen on $port: $(cat "$BENCH_W/inetd.err")"
done
sleep "$SETTLE"
PID=$(SRC_ROOT=$R lssrc -s inetd | awk 'NR == 2 {print $3}')
[[ $PID =~ ^[0-9]+$ ]] || die "no pid for inetd"
BENCH_CLEANUPS+=("grep -qa org.opensrc.inetd /proc/$PID/cmdline && kill -KILL $PID")

echo "inetd pid $PID, settled ${SETTLE} s, flags: ${INETD_JAVA_OPTS:-(none)}$([[ $NMT == 1 ]] && echo ' +NMT')$([[ $PLAIN == 0 ]] && echo ' +class log')"
awk '/^(Rss|Pss|Pss_Anon|Pss_File|Pss_Shmem):/ {printf "%-10s %7.1f MB\n", $1, $2 / 1024}' "/proc/$PID/smaps_rollup"
# libjvm.so and lib/modules are shared with every JVM of the same JDK on the host (srcmstr beside
# inetd, the commands): their part of inetd's PSS moves with how many run at that moment
awk '/^[0-9a-f]+-[0-9a-f]+ / {jdk = ($6 ~ /\/lib\/server\/libjvm\.so$|\/lib\/modules$/)} /^Pss:/ && !jdk {s += $2}
     END {printf "Pss without libjvm.so and lib/modules: %.1f MB\n", s / 1024}' "/proc/$PID/smaps"
echo "threads: $(ls "/proc/$PID/task" | wc -l)"
echo
echo "PSS by mapping (MB, >= 0.3):"
awk '/^[0-9a-f]+-[0-9a-f]+ / {name = ($6 == "" ? "[anon]" : $6)} /^Pss:/ {pss[name] += $2}
     END {for (n in pss) if (pss[n] >= 300) printf "%7.1f  %s\n", pss[n] / 1024, n}' "/proc/$PID/smaps" | sort -rn
if [[ $PLAIN == 0 ]]; then
echo
echo "classes loaded, by source:"
grep -o 'source: [^ ]*' "$BENCH_W/classes.log" | sed 's#source: ##; s#.*/##' | sort | uniq -c | sort -rn | awk 'NR <= 25'
echo "total: $(grep -c 'source:' "$BENCH_W/classes.log")"
fi
if [[ $NMT == 1 ]]; then
    echo
    jcmd=$(dirname "$(readlink -f "/proc/$PID/exe")")/jcmd
    "$jcmd" "$PID" VM.native_memory summary > "$BENCH_W/nmt.txt" 2>&1 || cat "$BENCH_W/nmt.txt"
    echo "native memory (NMT), committed:"
    awk '/committed=/ && /^-/ || /^Total/' "$BENCH_W/nmt.txt" |
        sed -E 's/reserved=[0-9]+KB, //; s/^-? *//'
fi
echo
echo "answers: $(SRC_ROOT=$R lssrc -ls inetd | wc -l) lines of lssrc -ls inetd"
if [[ -n ${INETD_MEMORY_HOLD:-} ]]; then echo "holding ${INETD_MEMORY_HOLD} s: SRC_ROOT=$R"; sleep "$INETD_MEMORY_HOLD"; fi
SRC_ROOT=$R stopsrc -s inetd > /dev/null 2>&1 || true
for _ in $(seq 100); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
