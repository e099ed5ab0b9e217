#!/usr/bin/env bash
# respawn-latency.sh [COUNT] -- time from a service's death (SIGKILL) to its respawn.
# OpenSRC srcmstr (mkssys -R), runit (runsv) and supervisor (supervisord) supervise the
# same marker service at the same time; respawn.py kills them round-robin COUNT times
# (default 50) and prints median and p90 per supervisor, and ratios OpenSRC/peer.
# Bounded: at most COUNT rounds and 10 minutes; all processes are stopped at exit.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
COUNT=${1:-50}
UP=${BENCH_UP_SECONDS:-1.2}

bench_require_root
bench_require_tree
bench_apt runit supervisor
bench_scratch
W=$BENCH_W
svc=$W/svc.sh
bench_marker_service "$svc"

# --- OpenSRC: a private SRC_ROOT; -R with the AIX limit. waittime 0 acts as a 1 s window
# and AIX allows 2 restarts per window; a service killed every 1.2 s starts a new series
# each time, so it is respawned for ever. (--backoff would wait at least its initial
# delay, 1 s when given 0, so it is not used.)
export SRC_ROOT=$W/src
bench_srcmstr
BENCH_CLEANUPS+=("stopsrc -s rsp")
mkssys -s rsp -p "$svc" -a "$W/marker.opensrc" -u 0 -S -n 15 -f 9 -R -w 0 >/dev/null
startsrc -s rsp >/dev/null
BENCH_MARKERS+=("$W/marker.opensrc")

# --- runit: one runsv for one service directory.
mkdir -p "$W/runit/rsp"
printf '#!/bin/sh\nexec %s %s\n' "$svc" "$W/marker.runit" > "$W/runit/rsp/run"
chmod +x "$W/runit/rsp/run"
runsv "$W/runit/rsp" > /dev/null 2>&1 &
bench_track $!
BENCH_CLEANUPS+=("sv -w 5 down $W/runit/rsp")
BENCH_MARKERS+=("$W/marker.runit")

# --- supervisor: supervisord in the foreground with a private config and socket.
{
bench_supervisord_header "$W"
cat <<CONF
[program:rsp]
command=$svc $W/marker.supervisor
autorestart=true
startsecs=1
stdout_logfile=NONE
stderr_logfile=NONE
CONF
} > "$W/supervisord.conf"
supervisord -c "$W/supervisord.conf" > /dev/null 2>&1 &
bench_track $!
BENCH_MARKERS+=("$W/marker.supervisor")

load0=$(bench_load)
log "respawn latency: $COUNT kills each, service up >= ${UP}s before each kill (load $load0)"
out=$(python3 "$BENCH_DIR/respawn.py" "$COUNT" "$UP" \
    "OpenSRC=$W/marker.opensrc" "runit=$W/marker.runit" "supervisor=$W/marker.supervisor")
load1=$(bench_load)

rsp_restarts=$(grep -c 'restart' "$SRC_ROOT/var/log/src/srcmstr.log" 2>/dev/null || true)
echo "## Respawn latency (SIGKILL -> new process running), ms"
echo
echo "kills per supervisor: $COUNT; load average before: $load0, after: $load1"
echo
echo "| Supervisor | n | failed | median | p90 | min | max | median ratio OpenSRC/peer |"
echo "|---|---|---|---|---|---|---|---|"
osrc_med=$(awk '$1=="OpenSRC" {print $4}' <<<"$out")
while read -r name n fail med p90 min max; do
    ratio=$(awk -v a="$osrc_med" -v b="$med" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')
    [[ $name == OpenSRC ]] && ratio="1.00"
    echo "| $name | $n | $fail | $med | $p90 | $min | $max | $ratio |"
done <<<"$out"
echo
echo "(srcmstr.log lines mentioning restart: $rsp_restarts)"
