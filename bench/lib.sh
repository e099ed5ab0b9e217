# Shared helpers for the OpenSRC benchmarks (sourced, not run).
# Everything runs on 127.0.0.1, in a scratch directory under /tmp, and is stopped by pid
# at exit. Needs root (apt-get, unshare -m for openbsd-inetd's private /etc/services).

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
TREE=${OPENSRC_TREE:-$REPO_DIR/dist/target/opensrc}
PEER_DIR=/var/tmp/opensrc-bench          # xinetd unpacked here (it conflicts with openbsd-inetd)
export PATH=$TREE/bin:$PATH

BENCH_PIDS=()      # processes to stop at exit (TERM, then KILL)
BENCH_MARKERS=()   # marker files: every pid in them is killed at exit if still a bench child
BENCH_CLEANUPS=()  # commands to run at exit before the pids are stopped

log() { printf '%s %s\n' "$(date +%T)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

bench_require_root() { [[ $(id -u) == 0 ]] || die "run as root (apt-get, unshare -m)"; }

# Builds the tree when it is missing (or always with BENCH_BUILD=1).
bench_require_tree() {
    if [[ ${BENCH_BUILD:-0} == 1 || ! -x $TREE/bin/srcmstr ]]; then
        log "building OpenSRC (mvn package, tests skipped)"
        (cd "$REPO_DIR" && mvn -B -q -ntp package -DskipTests) || die "build failed"
    fi
}

# Installs Debian packages that are missing; apt-get update runs once per run-all.
bench_apt() {
    local missing=()
    local p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    ((${#missing[@]})) || return 0
    if [[ ${BENCH_APT_UPDATED:-0} != 1 ]]; then
        log "apt-get update"
        apt-get update -qq >&2 || die "apt-get update failed"
        export BENCH_APT_UPDATED=1
    fi
    log "apt-get install ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 \
        || die "apt-get install ${missing[*]} failed"
}

# xinetd conflicts with openbsd-inetd (both provide inet-superserver), so it is unpacked,
# not installed: $PEER_DIR/xinetd/usr/sbin/xinetd. Its libraries come with openbsd-inetd.
bench_xinetd() {
    local bin=$PEER_DIR/xinetd/usr/sbin/xinetd
    if [[ ! -x $bin ]]; then
        mkdir -p "$PEER_DIR"
        (cd "$PEER_DIR" && rm -f xinetd_*.deb && apt-get download -qq xinetd >&2 2>/dev/null \
            && dpkg -x xinetd_*.deb xinetd) || die "cannot fetch xinetd"
    fi
    echo "$bin"
}

bench_version() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null || echo "?"; }

bench_scratch() {
    BENCH_W=$(mktemp -d /tmp/opensrc-bench.XXXXXX)
    BENCH_CLEANUPS+=("rm -rf $BENCH_W")
}

bench_track() { BENCH_PIDS+=("$1"); }

bench_cleanup() {
    local i pid f
    set +e
    for ((i = ${#BENCH_CLEANUPS[@]} - 1; i >= 0; i--)); do
        [[ ${BENCH_CLEANUPS[i]} == rm\ -rf* ]] && continue
        eval "${BENCH_CLEANUPS[i]}" >/dev/null 2>&1
    done
    for pid in "${BENCH_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null; done
    for pid in "${BENCH_PIDS[@]}"; do
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
    done
    # Marker pids: the services wrote "pid time" lines; kill those still running our sleep.
    for f in "${BENCH_MARKERS[@]}"; do
        [[ -e $f ]] || continue
        while read -r pid _; do
            [[ $pid =~ ^[0-9]+$ ]] || continue
            if grep -qa 'opensrc-bench' "/proc/$pid/cmdline" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null; fi
        done < <(cat "$f" 2>/dev/null)
    done
    for ((i = ${#BENCH_CLEANUPS[@]} - 1; i >= 0; i--)); do
        [[ ${BENCH_CLEANUPS[i]} == rm\ -rf* ]] && eval "${BENCH_CLEANUPS[i]}"
    done
}
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

# Writes the marker service: appends "pid epoch-seconds.micros" to $1, then becomes
# "sleep" (argv carries the word opensrc-bench so cleanup can recognise it).
bench_marker_service() {
    cat > "$1" <<'SVC'
#!/bin/bash
echo "$$ $EPOCHREALTIME" >> "$1"
exec -a sleep-opensrc-bench sleep 100000
SVC
    chmod +x "$1"
}

# Starts srcmstr in the private root $SRC_ROOT and waits until its socket exists.
bench_srcmstr() {
    mkdir -p "$SRC_ROOT"
    srcmstr > "$SRC_ROOT/srcmstr.out" 2>&1 &
    BENCH_SRCMSTR_PID=$!
    bench_track "$BENCH_SRCMSTR_PID"
    for _ in $(seq 600); do
        [[ -S $SRC_ROOT/run/src/srcmstr.sock ]] && return 0
        kill -0 "$BENCH_SRCMSTR_PID" 2>/dev/null || break
        sleep 0.1
    done
    cat "$SRC_ROOT/srcmstr.out" >&2
    die "srcmstr did not start"
}

bench_port_free() {
    local port
    for port in "$@"; do
        if ss -Htln "sport = :$port" 2>/dev/null | grep -q .; then die "port $port is in use"; fi
    done
}

bench_wait_port() {  # bench_wait_port PORT [SECONDS]
    local tries=$(( ${2:-30} * 20 ))
    while ((tries-- > 0)); do
        (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0
        sleep 0.05
    done
    die "nothing listens on 127.0.0.1:$1"
}

# Stops a runsvdir started by the bench: SIGHUP makes it send TERM to every runsv (which
# then takes its service down and exits); runsv still there after 5 s get SIGKILL.
bench_stop_runsvdir() {  # bench_stop_runsvdir PID DIR
    local p left
    kill -HUP "$1" 2>/dev/null
    for _ in $(seq 50); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$1" 2>/dev/null
    wait "$1" 2>/dev/null
    for _ in $(seq 50); do
        left=()
        for p in $(pgrep -x runsv); do
            [[ $(readlink "/proc/$p/cwd" 2>/dev/null) == "$2"/* ]] && left+=("$p")
        done
        ((${#left[@]})) || return 0
        sleep 0.1
    done
    kill -KILL "${left[@]}" 2>/dev/null
}

# bench_supervisord_header DIR: the common part of a private supervisord.conf in DIR
# (foreground, its own socket, log and pid file); programs are appended after it.
bench_supervisord_header() {
    local W=$1
    cat <<CONF
[unix_http_server]
file=$W/supervisor.sock
[supervisord]
nodaemon=true
logfile=$W/supervisord.log
pidfile=$W/supervisord.pid
[rpcinterface:supervisor]
supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface
[supervisorctl]
serverurl=unix://$W/supervisor.sock
CONF
}

bench_load() { cut -d' ' -f1-3 /proc/loadavg; }

bench_machine() {
    printf 'date: %s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
    printf 'cpu: %s x %s\n' "$(nproc)" "$(lscpu | sed -n 's/^Model name:[[:space:]]*//p')"
    printf 'memory: %s\n' "$(free -h | awk '/^Mem:/ {print $2}')"
    printf 'kernel: %s\n' "$(uname -r)"
    printf 'jdk: %s\n' "$("$(ls -d /usr/lib/jvm/temurin-25* | head -1)/bin/java" -version 2>&1 | head -1)"
    printf 'load average at start: %s\n' "$(bench_load)"
}

bench_respawning_registry() {  # bench_respawning_registry SVC MDIR NAMES...: SRCsubsys.json (docs/registry.md), each name
    # a respawning marker service SVC with MDIR/NAME as its argument, all in group "many"
    python3 - "$@" <<'PY'
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

bench_free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

bench_pss_mb() { awk '/^Pss:/ {printf "%.1f", $2 / 1024}' "/proc/$1/smaps_rollup"; }  # bench_pss_mb PID

# bench_timed_stop MDIR LIMIT CMD...: runs CMD, a stop of the services whose markers are in
# MDIR, with a watcher (markers.py watch) that read their pids before CMD was launched; prints
# "GONE RETURNED T0": seconds from the launch of CMD until no service process was left, and
# until CMD returned, and the epoch time of the launch. A service leaves no mark when it
# ends, so a watcher launched after CMD would count CMD's own run too. Prints the watcher's
# complaint and returns 1 after LIMIT s.
bench_timed_stop() {
    local m=$1 limit=$2 fifo=$BENCH_W/watch.fifo fd wpid line t0 t1
    shift 2
    rm -f "$fifo"; mkfifo "$fifo"
    python3 "$BENCH_DIR/markers.py" watch "$m" "$limit" > "$fifo" &
    wpid=$!
    bench_track "$wpid"
    exec {fd}< "$fifo"
    read -r line <&"$fd" || true
    t0=$EPOCHREALTIME; "$@" > /dev/null 2>&1 || true; t1=$EPOCHREALTIME
    read -r line <&"$fd" || true
    exec {fd}<&-
    wait "$wpid" || { echo "${line:-watcher failed}"; return 1; }
    awk -v a="$t0" -v b="$t1" -v g="$line" 'BEGIN {printf "%.3f %.3f %s\n", g - a, b - a, a}'
}
