"""Benchmark: full recompute of every indicator by month and team, engine (DuckDB) against plain pandas.

    .venv/bin/python -m bench.indicators_engine --profile medium --months 24
    .venv/bin/python -m bench.indicators_engine --profile large --months 60
    .venv/bin/python -m bench.indicators_engine --profile england --months 60

Synthetic data is generated once per profile and month count under ``var/bench/`` (or
``--work DIR``) and loaded into its own case store. Each measured phase runs in a fresh process, so
its peak memory (max RSS) is its own. The pandas baseline (``bench.indicators_pandas``) covers the
indicators it implements; the ratio compares the engine on that same subset, and the run stops if the
two disagree on any row (organisation, month, service or team, numerator and denominator).

Both sides are timed two ways: reading the data from the store file as part of the run, and on data
already in memory (pandas: frames read beforehand; the engine: the tables it reads copied into an
in-memory DuckDB database beforehand). ``--per-definition`` lists the engine's slowest definitions.
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import shutil
import time
from datetime import date
from pathlib import Path

from bench.indicators_pandas import BASELINE_REFS, TABLES, disagreements

ROOT = Path(__file__).resolve().parent.parent


def _prepare(profile: str, months: int, work: Path) -> tuple[Path, date, date]:
    from lineofsight.store import open_store
    from lineofsight.store.loading import load_path
    from lineofsight.synth import generate

    end = date(2026, 10, 1)
    folder = work / f"{profile}-{months}"
    store = folder / "store.duckdb"
    if not store.exists():
        files = folder / "files"
        started = time.perf_counter()
        generate(profile, months, 1, "ssd", files, end_month=end)
        print(f"generated {profile} x {months} in {time.perf_counter() - started:.1f}s")
        started = time.perf_counter()
        # england writes each council to its own folder, loaded as its own organisation
        councils = sorted(path for path in files.iterdir() if path.is_dir())
        for council in councils or [files]:
            load_path(council, council.name.upper()[:16] if councils else "BENCH", store_path=store)
        print(f"loaded {len(councils) or 1} organisation(s) in {time.perf_counter() - started:.1f}s")
        shutil.rmtree(files)
    connection = open_store(store, read_only=True)
    first = connection.execute("select min(date_trunc('month', cont_contact_date))::date from ssd_contacts").fetchone()[0]
    connection.close()
    return store, first, end


def _peak_mib() -> float:
    """This process's own peak resident memory (VmHWM; ru_maxrss would include the parent's before exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _engine(store: Path, first: date, last: date, refs: list[str] | None, in_memory: bool, queue) -> None:
    """Time creating the stg_ layer and computing; ``in_memory``: on a copy of the store made (untimed) in memory."""
    from lineofsight.indicators import definition, definitions, engine
    from lineofsight.indicators.definitions import _all
    from lineofsight.indicators.staging import create_staging
    from lineofsight.store import open_store

    if in_memory:
        # the tables the definitions read (the same ones the pandas baseline reads), copied untimed
        tables = {table for item in ([definition(ref) for ref in refs] if refs else definitions()) for table in item.tables}
        _all.cache_clear()  # loading the definitions stays inside the timed run, as when reading the store
        connection = open_store(":memory:")
        connection.execute("attach ? as source (read_only)", [str(store)])
        for table in sorted(tables | set(TABLES) | {"load_batches"}):
            connection.execute(f"insert into main.{table} select * from source.{table}")
        connection.execute("detach source")
    else:
        connection = open_store(store, read_only=True)
    timings: dict[str, float] = {}
    started = time.perf_counter()
    create_staging(connection, None)
    timings["(stg_ layer and calendar)"] = time.perf_counter() - started
    chosen = [definition(ref) for ref in refs] if refs else None
    found = engine.compute_arrays(connection, first, last, chosen=chosen, timings=timings)
    seconds = time.perf_counter() - started
    rows = sum(len(columns["month"]) for columns in found.values())
    queue.put((seconds, rows, _peak_mib(), timings, found if refs else None))


def _pandas(store: Path, first: date, last: date, queue) -> None:
    from bench.indicators_pandas import compute_all, read_tables

    started = time.perf_counter()
    tables = read_tables(store)
    reading = time.perf_counter() - started
    started = time.perf_counter()
    found = compute_all(tables, first, last)
    seconds = time.perf_counter() - started
    rows = sum(len(frame) for frame in found.values())
    queue.put((seconds, rows, _peak_mib(), reading, found))


def _measure(target, *args) -> tuple:
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=target, args=(*args, queue))
    process.start()
    result = queue.get()
    process.join()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", default="medium", choices=["small", "medium", "large", "england"])
    parser.add_argument("--months", type=int, default=24)
    parser.add_argument("--work", type=Path, default=ROOT / "var" / "bench")
    parser.add_argument("--no-baseline", action="store_true", help="Skip the pandas baseline.")
    parser.add_argument("--per-definition", type=int, default=0, metavar="N", help="List the engine's N slowest definitions.")
    args = parser.parse_args()
    store, first, last = _prepare(args.profile, args.months, args.work)
    print(f"{args.profile} x {args.months} months ({first:%Y-%m} to {last:%Y-%m}), store {store.stat().st_size / 2**20:.0f} MiB")
    seconds, rows, peak, timings, _ = _measure(_engine, store, first, last, None, False)
    print(f"engine, every indicator by month and team: {seconds:.2f}s reading the store, {rows} rows, peak {peak:.0f} MiB")
    for name, taken in sorted(timings.items(), key=lambda pair: -pair[1])[:args.per_definition]:
        print(f"    {taken:6.3f}s  {name}")
    if args.no_baseline:
        return
    seconds, rows, peak, _, engine_found = _measure(_engine, store, first, last, list(BASELINE_REFS), False)
    print(f"engine, baseline subset {', '.join(BASELINE_REFS)}: {seconds:.2f}s reading the store, {rows} rows, peak {peak:.0f} MiB")
    memory_seconds, memory_rows, memory_peak, _, _ = _measure(_engine, store, first, last, list(BASELINE_REFS), True)
    print(f"engine, baseline subset: {memory_seconds:.2f}s on tables already in memory, {memory_rows} rows, peak {memory_peak:.0f} MiB (with the copy)")
    base_seconds, base_rows, base_peak, reading, base_found = _measure(_pandas, store, first, last)
    print(f"pandas, baseline subset: {base_seconds:.2f}s on frames in memory, {base_seconds + reading:.2f}s with reading the store "
          f"({reading:.2f}s), {base_rows} rows, peak {base_peak:.0f} MiB")
    differences = disagreements(engine_found, base_found)
    if differences:
        raise SystemExit("the engine and pandas disagree, so the ratio would not compare the same work:\n  " + "\n  ".join(differences))
    print(f"the engine and pandas agree on every one of the {rows} rows")
    print(f"engine is {(base_seconds + reading) / seconds:.1f}x faster on the subset, both reading the store; "
          f"{base_seconds / memory_seconds:.1f}x, both on data in memory "
          f"({base_seconds / seconds:.1f}x engine reading the store against pandas on frames in memory)")


if __name__ == "__main__":
    main()
