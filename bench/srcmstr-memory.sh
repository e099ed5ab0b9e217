#!/usr/bin/env bash
# srcmstr-memory.sh [N] [ROUNDS]: srcmstr's memory and boot with N (default 500) subsystems, ROUNDS
# (default 3) times, each in a fresh SRC_ROOT with N respawning marker subsystems (as metrics-memory.sh):
#   boot     srcmstr launched -> first answer of lssrc -a (N defined, none running; polled every 20 ms)
#   PSS      after startsrc -g many and all N running, SETTLE s later (10): PSS (smaps_rollup), the
#            share of the AOT cache's mapping (lib/aot/srcmstr.aot) and of anonymous memory, and the PSS
#            without libjvm.so and lib/modules (shared with every JVM of the same JDK on the host: their
#            part of srcmstr's PSS moves with how many other JVMs run at that moment)
#   classes  classes loaded by the application class loader (jcmd VM.class_hierarchy), by family
# Then, with SRCMSTR_MEMORY_JARS=1 (default), one more srcmstr without its AOT cache
# (-XX:AOTMode=off) and with -Xlog:class+load: the classes loaded, per jar.
# No root needed; the subsystems run as the caller. Stops everything it started, by pid.
#   SRCMSTR_MEMORY_SETTLE_SECONDS   seconds between all running and reading PSS (default 10)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
N=${1:-500}
ROUNDS=${2:-3}
SETTLE=${SRCMSTR_MEMORY_SETTLE_SECONDS:-10}
LIMIT=180

bench_require_tree
bench_scratch
W=$BENCH_W
svc=$W/svc.sh
bench_marker_service "$svc"
mapfile -t NAMES < <(seq -f "s%0${#N}.0f" 1 "$N")
# shellcheck source=/dev/null
source "$TREE/lib/cli.launch" # launch_java_home: the JDK the tree runs on (opensrc-aot-train)
# shellcheck disable=SC2154
JCMD=$launch_java_home/bin/jcmd

now() { echo "$EPOCHREALTIME"; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", b - a}'; }
med() { tr ' ' '\n' | grep -E '^[0-9.]+$' | sort -g | awk '{a[NR]=$1} END {if (!NR) print "-"; else print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
all_started() { (($(find "$1" -type f | wc -l) >= N)); }

# mapping_mb PID REGEX: the PSS (MB) of the mappings whose name matches REGEX ("anon": no name)
mapping_mb() {
    awk -v re="$2" '/^[0-9a-f]+-[0-9a-f]+ / {name = (NF >= 6) ? $6 : "anon"; hit = (name ~ re)}
        /^Pss:/ && hit {s += $2} END {printf "%.1f", s / 1024}' "/proc/$1/smaps"
}

# app_classes PID: "count family" lines of the classes the application class loader holds (the
# loader of org.opensrc.srcmstr.Main)
app_classes() {
    local h=$W/hierarchy loader
    "$JCMD" "$1" VM.class_hierarchy > "$h" 2>/dev/null || true
    loader=$(sed -nE 's#^[-| ]*org\.opensrc\.srcmstr\.Main/([^ ]*).*#\1#p' "$h" | head -1)
    [[ -n $loader ]] || return 0
    sed -nE "s#^[-| ]*([^ /]+)/$loader( .*)?\$#\1#p" "$h" | sort -u |
        awk '{n = split($1, p, "."); f = (n >= 3) ? p[1] "." p[2] "." p[3] : $1
              if ((f == "com.fasterxml.jackson" || f == "ch.qos.logback") && n >= 5) f = f "." p[4]
              if ($1 ~ /^io\.grpc\.netty\.shaded\.io\.netty\./) f = "io.grpc.netty.shaded.io.netty"
              c[f]++} END {for (f in c) printf "%5d %s\n", c[f], f}' | sort -rn
}

# srcmstr_pid LAUNCHER_PID: the JVM's pid (the launcher execs it, so normally the same)
srcmstr_pid() {
    local pid=$1
    [[ $(cat "/proc/$pid/comm") == java ]] || pid=$(pgrep -P "$1" -x java | head -1)
    echo "$pid"
}

declare -a BOOT PSS AOT ANON OWN CLASSES
round() {  # round R
    local r=$1 root=$W/r$1 m=$W/r$1-markers t0 i pid launcher
    mkdir -p "$root/etc/src" "$m"
    bench_respawning_registry "$svc" "$m" "${NAMES[@]}" > "$root/etc/src/SRCsubsys.json"
    sync
    export SRC_ROOT=$root
    t0=$(now)
    srcmstr > "$root/srcmstr.out" 2>&1 &
    launcher=$!
    bench_track "$launcher"
    for ((i = 0; i < LIMIT * 50; i++)); do
        lssrc -a > /dev/null 2>&1 && break
        kill -0 "$launcher" 2>/dev/null || die "srcmstr exited: $(cat "$root/srcmstr.out")"
        sleep 0.02
    done
    BOOT+=("$(secs "$t0" "$(now)")")
    pid=$(srcmstr_pid "$launcher")
    startsrc -g many > /dev/null
    for ((i = 0; i < LIMIT * 20; i++)); do
        all_started "$m" && break
        sleep 0.05
    done
    all_started "$m" || die "not all $N subsystems started"
    sleep "$SETTLE"
    PSS+=("$(bench_pss_mb "$pid")")
    AOT+=("$(mapping_mb "$pid" '\.aot$')")
    ANON+=("$(mapping_mb "$pid" '^anon$')")
    OWN+=("$(awk '/^Pss:/ {s += $2} END {printf "%.1f", s / 1024}' "/proc/$pid/smaps_rollup" |
        awk -v jdk="$(mapping_mb "$pid" '/lib/server/libjvm\\.so$|/lib/modules$')" '{printf "%.1f", $1 - jdk}')")
    app_classes "$pid" > "$W/classes.$r"
    CLASSES+=("$(awk '{s += $1} END {print s + 0}' "$W/classes.$r")")
    log "round $r: boot ${BOOT[-1]} s, PSS ${PSS[-1]} MB (AOT cache ${AOT[-1]}, anon ${ANON[-1]}; without the JDK's libjvm.so and lib/modules ${OWN[-1]}), ${CLASSES[-1]} app classes"
    kill -TERM "$launcher"
    wait "$launcher" 2>/dev/null || true
    unset SRC_ROOT
}

bench_machine
for ((r = 1; r <= ROUNDS; r++)); do round "$r"; done
echo
echo "srcmstr, N = $N, medians of $ROUNDS rounds (all: ${BOOT[*]} s | ${PSS[*]} MB):"
echo "  boot, launch -> lssrc -a answers: $(printf '%s ' "${BOOT[@]}" | med) s"
echo "  PSS with all N running:           $(printf '%s ' "${PSS[@]}" | med) MB"
echo "    of it the AOT cache mapping:    $(printf '%s ' "${AOT[@]}" | med) MB"
echo "    of it anonymous memory:         $(printf '%s ' "${ANON[@]}" | med) MB"
echo "  PSS without libjvm.so, lib/modules: $(printf '%s ' "${OWN[@]}" | med) MB"
echo "  classes of the app class loader:  $(printf '%s ' "${CLASSES[@]}" | med)"
echo
echo "app classes by family (round 1):"
awk 'NR <= 15' "$W/classes.1"

if [[ ${SRCMSTR_MEMORY_JARS:-1} == 1 ]]; then
    root=$W/jars
    mkdir -p "$root/etc/src" "$W/jars-markers"
    bench_respawning_registry "$svc" "$W/jars-markers" "${NAMES[@]}" > "$root/etc/src/SRCsubsys.json"
    export SRC_ROOT=$root
    OPENSRC_DAEMON_JAVA_OPTS="-XX:AOTMode=off -Xlog:class+load=info:file=$W/classes.log" bench_srcmstr
    startsrc -g many > /dev/null
    for ((i = 0; i < LIMIT * 20; i++)); do
        all_started "$W/jars-markers" && break
        sleep 0.05
    done
    lssrc -a > /dev/null
    echo
    echo "without the AOT cache, classes loaded from the class path, by jar:"
    grep -o 'source: file:[^ ]*' "$W/classes.log" | sed 's#.*/##' | sort | uniq -c | sort -rn | awk 'NR <= 15'
    echo "total from jars: $(grep -c 'source: file:' "$W/classes.log"), JDK and others: $(grep -vc 'source: file:' "$W/classes.log")"
    echo "logback Joran classes: $(grep -c 'ch\.qos\.logback\.[a-z]*\.joran\|ch\.qos\.logback\.core\.model' "$W/classes.log" || true)," \
        "jackson-databind classes: $(grep -c 'com\.fasterxml\.jackson\.databind\.' "$W/classes.log" || true)," \
        "JDK XML parser (java.xml) classes: $(grep -c 'source: jrt:/java\.xml' "$W/classes.log" || true)"
    kill -TERM "$BENCH_SRCMSTR_PID"
    wait "$BENCH_SRCMSTR_PID" 2>/dev/null || true
fi
