"""Load throughput per case-data format on a synthetic borough, and the loader's peak memory.

    python -m bench.casedata_load --profile large --months 12 --formats ssd,cin,903,annexa

Each format is generated once, then loaded into a fresh store in a child process, so the peak resident
memory reported is the load's own (parse, validate and insert), not the generator's.
"""

import argparse
import multiprocessing
import resource
import tempfile
import time
from datetime import date
from pathlib import Path


def _load(folder: str, store: str, queue) -> None:
    from lineofsight.store.loading import load_path

    started = time.perf_counter()
    result = load_path(folder, "BENCH", store_path=store)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    queue.put((result.row_count, seconds, peak_mb))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", default="large")
    parser.add_argument("--months", type=int, default=12)
    parser.add_argument("--formats", default="ssd,cin,903,annexa")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    from lineofsight.synth import generate

    context = multiprocessing.get_context("spawn")
    print(f"profile={args.profile} months={args.months}")
    print(f"{'format':<8}{'files MB':>10}{'generate s':>12}{'rows':>12}{'load s':>9}{'rows/s':>11}{'peak MB':>10}")
    with tempfile.TemporaryDirectory() as scratch:
        for fmt in args.formats.split(","):
            folder = Path(scratch) / fmt
            started = time.perf_counter()
            paths = generate(args.profile, months=args.months, seed=args.seed, fmt=fmt, out=folder, end_month=date(2026, 10, 1))
            generated = time.perf_counter() - started
            size = sum(path.stat().st_size for path in paths) / 1e6
            queue = context.Queue()
            child = context.Process(target=_load, args=(str(folder), str(Path(scratch) / f"{fmt}.duckdb"), queue))
            child.start()
            rows, seconds, peak = queue.get()
            child.join()
            print(f"{fmt:<8}{size:>10.1f}{generated:>12.1f}{rows:>12,}{seconds:>9.1f}{rows / seconds:>11,.0f}{peak:>10,.0f}")


if __name__ == "__main__":
    main()
