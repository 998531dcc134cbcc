#!/usr/bin/env python3
"""Best wall time of each command over RUNS rounds, the commands taking turns in every round
(so that a machine that speeds up or slows down during the bench treats them alike).

    race.py RUNS CMD1... --- CMD2... [--- CMD3...]   prints one best time per command
"""
import subprocess
import sys
import time

runs = int(sys.argv[1])
commands, current = [], []
for arg in sys.argv[2:]:
    if arg == "---":
        commands.append(current)
        current = []
    else:
        current.append(arg)
commands.append(current)
best = [float("inf")] * len(commands)
for _ in range(runs):
    for i, cmd in enumerate(commands):
        start = time.perf_counter()
        done = subprocess.run(cmd, stdout=subprocess.DEVNULL)
        elapsed = time.perf_counter() - start
        if done.returncode != 0:
            sys.exit(f"race.py: {' '.join(cmd)} failed with exit code {done.returncode}")
        best[i] = min(best[i], elapsed)
print(" ".join(f"{t:.4f}" for t in best))
