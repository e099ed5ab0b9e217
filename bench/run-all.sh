#!/usr/bin/env bash
# run-all.sh -- runs the five benchmarks one after the other and writes a summary
# (machine, versions, the tables) to bench/results/summary-<UTC date-time>.md and
# bench/results/latest.md. Builds OpenSRC first if the tree is missing (BENCH_BUILD=1:
# always). Options go through the environment:
#   RESPAWN_COUNT (50)  START_N (200)  START_ROUNDS (3)  INETD_ROUNDS (3)  COMMANDS_N (500)  COMMANDS_RUNS (30)
#   SCALE_N (500)  SCALE_ROUNDS (3)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_require_root
bench_require_tree
bench_apt runit supervisor openbsd-inetd python3 daemontools s6
bench_xinetd >/dev/null
mkdir -p "$BENCH_DIR/results"
out=$BENCH_DIR/results/summary-$(date -u +%Y%m%dT%H%MZ).md

{
    echo "# OpenSRC benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    echo '```'
    bench_machine
    printf 'OpenSRC: %s\n' "$(git -C "$REPO_DIR" log -1 --format='%h %s' 2>/dev/null | cut -c1-80)"
    printf 'runit %s, supervisor %s, openbsd-inetd %s, xinetd %s, python3 %s, daemontools %s, s6 %s\n' \
        "$(bench_version runit)" "$(bench_version supervisor)" "$(bench_version openbsd-inetd)" \
        "$(dpkg-deb -f "$(ls "$PEER_DIR"/xinetd_*.deb | head -1)" Version)" "$(bench_version python3)" \
        "$(bench_version daemontools)" "$(bench_version s6)"
    echo '```'
    echo
} > "$out"

t0=$SECONDS
for step in "respawn-latency.sh ${RESPAWN_COUNT:-50}" "start-many.sh ${START_N:-200} ${START_ROUNDS:-3}" \
    "inetd-throughput.sh ${INETD_ROUNDS:-3}" "commands.sh ${COMMANDS_N:-500} ${COMMANDS_RUNS:-30}" \
    "scale.sh ${SCALE_N:-500} ${SCALE_ROUNDS:-3}"; do
    log "== $step"
    s0=$SECONDS
    # shellcheck disable=SC2086
    "$BENCH_DIR"/$step >> "$out"
    printf '\n(%s took %d s)\n\n' "${step%% *}" $((SECONDS - s0)) >> "$out"
done
printf 'Total %d s; load average at the end: %s\n' $((SECONDS - t0)) "$(bench_load)" >> "$out"
cp "$out" "$BENCH_DIR/results/latest.md"
cat "$out"
