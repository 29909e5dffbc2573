"""Generating England: 152 synthetic councils (about 620,000 referrals a year), time and size on disk.

    python -m bench.casedata_england --months 12 --councils 152
    python -m bench.casedata_england --months 12 --councils 20   # a sample; the total is extrapolated

Each council is a separate borough (own size, own seed) written as SSD CSVs to its own folder.
"""

import argparse
import dataclasses
import tempfile
import time
from datetime import date
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--months", type=int, default=12)
    parser.add_argument("--councils", type=int, default=152)
    parser.add_argument("--format", default="ssd")
    args = parser.parse_args()
    from lineofsight.synth.england import council_sizes, generate_england
    from lineofsight.synth.profiles import PROFILES

    england = PROFILES["england"]
    sizes = council_sizes(england, 1)
    sample = dataclasses.replace(england, councils=args.councils)
    with tempfile.TemporaryDirectory() as scratch:
        started = time.perf_counter()
        # council_sizes scales to England's total, so a sample keeps England's per-council sizes.
        paths = generate_england(sample, args.months, 1, args.format, Path(scratch), date(2026, 10, 1))
        seconds = time.perf_counter() - started
        size = sum(path.stat().st_size for path in paths) / 1e6
        rows = sum(sum(1 for _ in open(path, "rb")) - 1 for path in paths if path.suffix == ".csv")
    share = sizes[: args.councils].sum() / sizes.sum()
    print(f"councils={args.councils} months={args.months} format={args.format} referrals/year in sample={sizes[: args.councils].sum():,}")
    print(f"generated {rows:,} rows, {size:,.0f} MB in {seconds:.0f}s ({rows / seconds:,.0f} rows/s)")
    if args.councils < england.councils:
        print(f"all 152 councils (extrapolated by size): about {seconds / share / 60:.1f} min and {size / share / 1000:.1f} GB")


if __name__ == "__main__":
    main()
