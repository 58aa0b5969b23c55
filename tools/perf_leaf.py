#!/usr/bin/env python3
"""Where a server's CPU goes, by thread group and leaf function.

    perf script -i perf.data -F tid,ip,sym --no-demangle > perf.txt
    tools/perf_leaf.py perf.txt [TOP=12]

Threads with fewer than 250 samples are summed as "workers" (the edge's HTTP
workers, each idle most of the time); busier threads (CAF workers, the log
writer, projections, the gate's poller) are shown one by one. Shares are of
the group's samples; the group's own line gives its share of all samples.
Used by tools/bench/profile_chat.sh (issue 22).
"""
import collections
import subprocess
import sys


def read_samples(path):
    samples, tid, leaf = [], None, None
    for line in open(path, errors="replace"):
        if not line.startswith("\t") and line.strip():
            if tid is not None:
                samples.append((tid, leaf))
            tid, leaf = line.split()[0], None
        elif line.startswith("\t") and leaf is None:
            parts = line.split(None, 1)
            leaf = parts[1].strip() if len(parts) > 1 else "?"
    if tid is not None:
        samples.append((tid, leaf))
    return samples


def main():
    samples = read_samples(sys.argv[1])
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 12
    per_thread = collections.Counter(t for t, _ in samples)
    busy = {t for t, c in per_thread.items() if c >= 250}
    groups = collections.defaultdict(collections.Counter)
    for t, leaf in samples:
        groups[t if t in busy else "workers"][leaf] += 1
    names = sorted({l for c in groups.values() for l, _ in c.most_common(top)})
    shown = subprocess.run(["c++filt"], input="\n".join(names), capture_output=True,
                           text=True).stdout.split("\n")
    pretty = dict(zip(names, shown))
    total = len(samples)
    for group, counts in sorted(groups.items(), key=lambda g: -sum(g[1].values())):
        n = sum(counts.values())
        print(f"== {group}: {n} samples {100 * n / total:.1f}%")
        for leaf, k in counts.most_common(top):
            print(f"   {100 * k / n:5.1f}% {pretty.get(leaf, leaf)[:110]}")


if __name__ == "__main__":
    main()
