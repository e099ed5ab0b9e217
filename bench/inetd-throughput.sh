#!/usr/bin/env bash
# inetd-throughput.sh [ROUNDS] -- connections per second through three super-servers
# running side by side on 127.0.0.1, each on its own ports:
#   OpenSRC inetd (a subsystem of a private srcmstr)  17xxx
#   xinetd (Debian package, unpacked)                  18xxx
#   openbsd-inetd (Debian package)                     19xxx
# Services: daytime (internal), echo (internal), /bin/cat as nobody (nowait, exec'd,
# with a user switch) and /bin/cat as root (nowait, exec'd, no user switch); 1 client and
# 8 parallel client processes (load.py). ROUNDS (default 3) rounds, round-robin over the
# daemons so background load hits them alike; medians reported, with OpenSRC/peer ratios.
# Bounded: N connections per run (N_DAYTIME, N_FORK) and at most 10 s per run.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ROUNDS=${1:-3}
N_DAYTIME=${N_DAYTIME:-2000}
N_FORK=${N_FORK:-600}
SECS=10

bench_require_root
bench_require_tree
bench_apt openbsd-inetd
XINETD=$(bench_xinetd)
bench_scratch
W=$BENCH_W
# Rate limits: every daemon's default would cut the runs short (openbsd-inetd 256 spawns
# a minute, xinetd cps 50, OpenSRC 256 a minute as openbsd), so all are raised alike.
declare -A BASE=([OpenSRC]=17000 [xinetd]=18000 [openbsd-inetd]=19000)
ports() { echo $(($1 + 13)) $(($1 + 7)) $(($1 + 100)) $(($1 + 101)); }
for d in "${!BASE[@]}"; do bench_port_free $(ports "${BASE[$d]}"); done

services_file() {  # services_file BASE
    printf 'daytime\t%d/tcp\necho\t%d/tcp\ncatsvc\t%d/tcp\ncatroot\t%d/tcp\n' $(ports "$1")
}

# --- OpenSRC: srcmstr in a private SRC_ROOT, inetd defined as loadsrcdefs defines it.
export SRC_ROOT=$W/src
mkdir -p "$SRC_ROOT/etc"
services_file "${BASE[OpenSRC]}" > "$SRC_ROOT/etc/services"
cat > "$SRC_ROOT/etc/inetd.conf" <<'CONF'
127.0.0.1:
daytime  stream  tcp  nowait.1000000  root    internal
echo     stream  tcp  nowait.1000000  root    internal
catsvc   stream  tcp  nowait.1000000  nobody  /bin/cat  cat
catroot  stream  tcp  nowait.1000000  root    /bin/cat  cat
CONF
bench_srcmstr
BENCH_CLEANUPS+=("stopsrc -s inetd")
mkssys -s inetd -p "$TREE/bin/inetd" -u 0 -G tcpip -K -R >/dev/null
startsrc -s inetd >/dev/null

# --- openbsd-inetd: in its own mount namespace with a private /etc/services.
services_file "${BASE[openbsd-inetd]}" > "$W/obsd.services"
cat > "$W/obsd.conf" <<'CONF'
127.0.0.1:
daytime  stream  tcp4  nowait.1000000  root    internal
echo     stream  tcp4  nowait.1000000  root    internal
catsvc   stream  tcp4  nowait.1000000  nobody  /bin/cat  cat
catroot  stream  tcp4  nowait.1000000  root    /bin/cat  cat
CONF
unshare -m sh -c "mount --bind $W/obsd.services /etc/services && exec /usr/sbin/inetd -i $W/obsd.conf" \
    > "$W/obsd.log" 2>&1 &
bench_track $!

# --- xinetd: UNLISTED services with explicit ports, in the foreground.
read -r xd xe xc xr < <(ports "${BASE[xinetd]}")
xservice() {  # xservice NAME PORT USER [SERVER|internal ID]
    printf 'service %s\n{\n\ttype = %s\n\tsocket_type = stream\n\tprotocol = tcp\n\twait = no\n\tuser = %s\n\tport = %s\n' \
        "$1" "$([[ $4 == internal ]] && echo 'INTERNAL UNLISTED' || echo UNLISTED)" "$3" "$2"
    if [[ $4 == internal ]]; then printf '\tid = %s\n' "$5"; else printf '\tserver = %s\n' "$4"; fi
    printf '}\n'
}
{
    printf 'defaults\n{\n\tinstances = UNLIMITED\n\tper_source = UNLIMITED\n\tcps = 1000000 1\n\tbind = 127.0.0.1\n}\n'
    xservice daytime "$xd" root internal daytime-stream
    xservice echo "$xe" root internal echo-stream
    xservice catsvc "$xc" nobody /bin/cat
    xservice catroot "$xr" root /bin/cat
} > "$W/xinetd.conf"
"$XINETD" -dontfork -f "$W/xinetd.conf" -filelog "$W/xinetd.log" > "$W/xinetd.out" 2>&1 &
bench_track $!

for d in "${!BASE[@]}"; do for p in $(ports "${BASE[$d]}"); do bench_wait_port "$p" 60; done; done

MODES=(daytime echo cat cat)
SVCS=(daytime echo catsvc catroot)
OFFS=(13 7 100 101)
DAEMONS=(OpenSRC xinetd openbsd-inetd)
declare -A R ERR
run() {  # run DAEMON I PROCS N -> "ok err secs cps"
    python3 "$BENCH_DIR/load.py" "${MODES[$2]}" $((BASE[$1] + OFFS[$2])) "$4" "$3" "$SECS"
}

log "warm-up: 200 connections per daemon and service"
for d in "${DAEMONS[@]}"; do for i in 0 1 2 3; do run "$d" "$i" 1 200 >/dev/null; done; done

load0=$(bench_load)
log "inetd throughput: $ROUNDS rounds (load $load0)"
for round in $(seq "$ROUNDS"); do
    for i in 0 1 2 3; do
        n=$N_FORK; [[ ${SVCS[i]} == daytime ]] && n=$N_DAYTIME
        for procs in 1 8; do
            for d in "${DAEMONS[@]}"; do
                read -r ok err secs cps < <(run "$d" "$i" "$procs" "$n")
                R[$d,$i,$procs]+="$cps "
                ERR[$d,$i,$procs]=$(( ${ERR[$d,$i,$procs]:-0} + err ))
            done
        done
    done
    log "round $round done (load $(bench_load))"
done
load1=$(bench_load)

med() { tr ' ' '\n' | grep . | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
echo "## inetd: connections per second (median of $ROUNDS; 1 client / 8 parallel clients)"
echo
echo "N = $N_DAYTIME (daytime) or $N_FORK connections per run; load average before: $load0, after: $load1"
echo
echo "| Daemon | daytime (internal) | echo (internal) | /bin/cat as nobody (nowait) | /bin/cat as root (nowait) |"
echo "|---|---|---|---|---|"
declare -A M
for d in "${DAEMONS[@]}"; do
    row="| $d "
    for i in 0 1 2 3; do
        for procs in 1 8; do M[$d,$i,$procs]=$(med <<<"${R[$d,$i,$procs]}"); done
        row+="| ${M[$d,$i,1]} / ${M[$d,$i,8]} "
    done
    echo "$row|"
done
for peer in xinetd openbsd-inetd; do
    row="| ratio OpenSRC/$peer "
    for i in 0 1 2 3; do
        row+="| $(awk -v a="${M[OpenSRC,$i,1]}" -v b="${M[$peer,$i,1]}" -v c="${M[OpenSRC,$i,8]}" -v e="${M[$peer,$i,8]}" \
            'BEGIN {printf "%.2f / %.2f", a / b, c / e}') "
    done
    echo "$row|"
done
echo
errs=""
for k in "${!ERR[@]}"; do ((ERR[$k] == 0)) || errs+=" $k:${ERR[$k]}"; done
echo "failed connections:${errs:- none}"
echo "all rounds (conns/s):"
for d in "${DAEMONS[@]}"; do
    for i in 0 1 2 3; do echo "  $d ${SVCS[i]}: 1 client ${R[$d,$i,1]}| 8 clients ${R[$d,$i,8]}"; done
done
