#!/usr/bin/env bash
# fuzz.sh [SECONDS] -- runs every fuzz test (*FuzzTest, Jazzer) for SECONDS each (default
# 300), one after the other, and prints the executions per target; the table is also written
# to bench/results/fuzz-<UTC date-time>.txt. The same targets as scripts/test, which gives
# each about 10 s. A finding fails its target and is saved by Jazzer as a crash-* file in that
# test's seed corpus (src/test/resources/<package>/<Class>Inputs/<method>/). The corpus each
# run grows is kept in <module>/.cifuzz-corpus/ (not in git) and reused by the next run.
set -euo pipefail
seconds=${1:-300}
[[ $seconds =~ ^[1-9][0-9]*$ ]] || { echo "usage: fuzz.sh [SECONDS per target]" >&2; exit 2; }
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
cd "$REPO_DIR"
mkdir -p bench/results
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# -Dtest=NoSuchTest: the plain unit tests are skipped; the fuzz executions name their class.
status=0
mvn -B -ntp test -Pfuzz -Djazzer.max_duration="${seconds}s" -pl srcmstr,src-cli,subsystems/inetd -am \
    -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false 2>&1 | tee "$log" || status=$?
out=bench/results/fuzz-$(date -u +%Y%m%dT%H%MZ).txt
scripts/fuzz-report "$log" "$out"
cat "$out"
exit "$status"
