#!/usr/bin/env python3
"""markers.py started DIR N T0 TIMEOUT | markers.py gone DIR T0 TIMEOUT | markers.py watch DIR TIMEOUT

Each service writes "pid epoch.micros" to its own file in DIR when it starts.
started: waits until N files hold a line, prints the seconds from T0 (epoch seconds, taken
         just before the start command) to the last start, and to the first.
gone:    waits until no pid written in DIR is still a running bench service, prints the
         seconds from T0 to the moment that was seen (polled every 2 ms).
watch:   as gone, for a watcher started before the stop command: prints "ready" once it
         knows the pids, then the epoch time at which none was left. A service leaves no
         mark when it ends, so a watcher started only after the stop command returned
         would count the command's own run as well, and its start-up.
Exits 1 on time-out, printing how far it got.
Each poll reads only what can still change (files without a line yet, the first pid still
alive), so that watching hundreds of services does not take a core from what is measured.
"""
import os
import sys
import time


def starts(d, seen=None):
    """(pid, time) of the last line of each file in d; files already in seen are not read."""
    seen = {} if seen is None else seen
    for name in os.listdir(d):
        if name in seen:
            continue
        try:
            with open(os.path.join(d, name)) as f:
                parts = f.read().split()
        except FileNotFoundError:
            continue
        if len(parts) >= 2:
            seen[name] = (int(parts[-2]), float(parts[-1]))
    return list(seen.values())


def alive(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return b"opensrc-bench" in f.read()
    except (FileNotFoundError, ProcessLookupError):
        return False


def main():
    mode, d = sys.argv[1], sys.argv[2]
    if mode == "started":
        n, t0, timeout = int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
        deadline = time.time() + timeout
        seen = {}
        while True:
            s = starts(d, seen)
            if len(s) >= n:
                ts = [t for _, t in s]
                print(f"{max(ts) - t0:.3f} {min(ts) - t0:.3f}")
                return
            if time.time() > deadline:
                print(f"timeout {len(s)}/{n}")
                sys.exit(1)
            time.sleep(0.005)
    if mode == "gone":
        t0, timeout = float(sys.argv[3]), float(sys.argv[4])
        print(f"{wait_gone(starts(d), timeout) - t0:.3f}")
        return
    if mode == "watch":
        timeout = float(sys.argv[3])
        pids = starts(d)
        print("ready", flush=True)
        print(f"{wait_gone(pids, timeout):.6f}")
        return
    sys.exit("usage: markers.py started DIR N T0 TIMEOUT | gone DIR T0 TIMEOUT | watch DIR TIMEOUT")


def wait_gone(started, timeout):
    """Polls every 2 ms until none of the started services runs; returns the epoch time seen."""
    deadline = time.time() + timeout
    pids = [p for p, _ in started]
    while True:
        while pids and not alive(pids[0]):  # a pid once gone stays gone
            pids.pop(0)
        if not pids:
            return time.time()
        if time.time() > deadline:
            print(f"timeout {len(pids)} left")
            sys.exit(1)
        time.sleep(0.002)


if __name__ == "__main__":
    main()
