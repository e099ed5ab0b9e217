#!/usr/bin/env python3
"""respawn.py COUNT UP_SECONDS NAME=MARKER... -- death-to-respawn latency, round-robin.

Each MARKER is the file a supervised service appends "pid epoch.micros" to when it starts.
Per round, for every supervisor in turn: make sure its service has been up at least
UP_SECONDS (runit pauses 1 s before restarting a child that ran less than 1 s, and
OpenSRC's AIX limit allows 2 restarts per waittime), note the time, SIGKILL the service,
and wait (5 s at most) for a new line with another pid. Latency = the new service's own
start time - the kill time (both CLOCK_REALTIME on this host, microseconds).
Prints one line per supervisor: name n failures median p90 min max (milliseconds).
"""
import os
import signal
import statistics
import sys
import time


def last_start(path):
    try:
        with open(path) as f:
            lines = [l.split() for l in f.read().splitlines() if l.strip()]
    except FileNotFoundError:
        return None
    if not lines or len(lines[-1]) != 2:
        return None
    return int(lines[-1][0]), float(lines[-1][1]), len(lines)


def wait_new(path, old_pid, deadline):
    while time.time() < deadline:
        s = last_start(path)
        if s and s[0] != old_pid:
            return s
        time.sleep(0.0005)
    return None


def pct(xs, p):
    xs = sorted(xs)
    k = max(0, min(len(xs) - 1, round(p / 100 * len(xs) + 0.5) - 1))
    return xs[k]


def main():
    count, up = int(sys.argv[1]), float(sys.argv[2])
    targets = [a.split("=", 1) for a in sys.argv[3:]]
    lat = {n: [] for n, _ in targets}
    fails = {n: 0 for n, _ in targets}
    for n, m in targets:  # the first start must have happened
        if not wait_new(m, -1, time.time() + 30):
            sys.exit(f"{n}: service never started ({m})")
    t_end = time.time() + 600
    for _ in range(count):
        for n, m in targets:
            s = last_start(m)
            if s is None:
                fails[n] += 1
                continue
            pid, started, _ = s
            rest = started + up - time.time()
            if rest > 0:
                time.sleep(rest)
            t_kill = time.time()
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                fails[n] += 1
                wait_new(m, pid, time.time() + 5)
                continue
            new = wait_new(m, pid, time.time() + 5)
            if new is None:
                fails[n] += 1
            else:
                lat[n].append((new[1] - t_kill) * 1000)
        if time.time() > t_end:
            break
    for n, _ in targets:
        xs = lat[n]
        if xs:
            print(f"{n} {len(xs)} {fails[n]} {statistics.median(xs):.2f} {pct(xs, 90):.2f} "
                  f"{min(xs):.2f} {max(xs):.2f}")
        else:
            print(f"{n} 0 {fails[n]} nan nan nan nan")


if __name__ == "__main__":
    main()
