#!/bin/sh
# Fault runs of ReadoptionIT with more kills than CI does: kill -9 srcmstr N times (default
# 50) while subsystems start, stop and crash; prints the figures (runs, duplicates, lost).
# Usage: bench/faults.sh [N]     (from the repository root; builds what it needs)
set -eu
n=${1:-50}
cd "$(dirname "$0")/.."
mvn -B -q -ntp verify -pl dist -am -Dtest=NoSuch -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test=ReadoptionIT -Dopensrc.faults="$n" 2>&1 | grep -E "readoption:|FAIL|ERROR\]" || true
