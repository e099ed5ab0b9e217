#!/usr/bin/env python3
"""load.py MODE PORT N PROCS SECONDS -- loopback-only connection load generator.

N connections to 127.0.0.1:PORT, split over PROCS client processes, each stopping early
after SECONDS. One connection per iteration: connect, exchange, read to EOF, close.
  daytime  read to EOF (non-empty)
  echo     send a line, read it back, close
  cat      send a line, half-close, read to EOF (the line must come back)
Prints: ok err seconds conns_per_s (seconds from the first worker's start to the last one's end)
"""
import multiprocessing as mp
import socket
import sys
import time

HOST = "127.0.0.1"
MSG = b"hello inetd\r\n"


def read_all(s):
    data = b""
    while True:
        b = s.recv(4096)
        if not b:
            return data
        data += b


def one(mode, port):
    s = socket.create_connection((HOST, port), timeout=10)
    try:
        if mode == "daytime":
            return len(read_all(s)) > 0
        if mode == "echo":
            s.sendall(MSG)
            data = b""
            while len(data) < len(MSG):
                b = s.recv(4096)
                if not b:
                    break
                data += b
            return data == MSG
        if mode == "cat":
            s.sendall(MSG)
            s.shutdown(socket.SHUT_WR)
            return read_all(s) == MSG
        raise SystemExit(f"bad mode {mode}")
    finally:
        s.close()


def worker(args):
    mode, port, n, deadline = args
    ok = err = 0
    start = time.time()
    for _ in range(n):
        if time.time() > deadline:
            break
        try:
            if one(mode, port):
                ok += 1
            else:
                err += 1
        except OSError:
            err += 1
    return ok, err, start, time.time()


def main():
    mode, port, n, procs, secs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
    deadline = time.time() + secs
    if procs == 1:
        res = [worker((mode, port, n, deadline))]
    else:
        with mp.Pool(procs) as p:
            res = p.map(worker, [(mode, port, n // procs, deadline)] * procs)
    dt = max(r[3] for r in res) - min(r[2] for r in res)  # pool start-up not counted
    ok = sum(r[0] for r in res)
    err = sum(r[1] for r in res)
    print(f"{ok} {err} {dt:.3f} {(ok + err) / dt:.0f}")


if __name__ == "__main__":
    main()
