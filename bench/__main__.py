"""``make bench``: the standard benchmarks at sizes this 2-core machine finishes in about a quarter of an hour.

Each runs in its own process (so peak memory is its own) and prints its figures; the longer forms
(1 GB CIN file, England × 60 months, 50 users × 5 minutes) are in bench/README.md.
"""

import subprocess
import sys

RUNS = [
    ["bench.casedata_load", "--profile", "large", "--months", "12"],
    ["bench.casedata_cin_memory", "--sizes", "10,100", "--modes", "stream"],
    ["bench.indicators_engine", "--profile", "medium", "--months", "24"],
    ["bench.indicators_engine", "--profile", "large", "--months", "60"],
    ["bench.present_pack"],
    ["bench.access_load", "--users", "20", "--seconds", "60"],
]


def main() -> int:
    failures = 0
    for run in RUNS:
        print(f"\n=== python -m {' '.join(run)}", flush=True)
        failures += subprocess.call([sys.executable, "-m", *run]) != 0
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
