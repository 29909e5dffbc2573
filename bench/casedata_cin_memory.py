"""CIN census XML reader: memory as the file grows (streaming with iterparse, elements cleared as read).

    python -m bench.casedata_cin_memory --sizes 10,300
    python -m bench.casedata_cin_memory --sizes 1000 --modes stream

Builds CIN files of the given sizes (MB) by repeating a synthetic census's children under new ids, then in a
fresh child process per run measures peak resident memory and speed of (a) the streaming reader alone,
counting rows without keeping them, and (b) the full ``parse``, which keeps every row it returns.
"""

import argparse
import multiprocessing
import re
import resource
import tempfile
import time
from datetime import date
from pathlib import Path


def _build(base: Path, target: Path, megabytes: int) -> int:
    text = base.read_text()
    head, rest = text.split("<Children>", 1)
    children = re.findall(r"<Child>.*?</Child>\n", rest, flags=re.S)
    written, copy = 0, 0
    with open(target, "w", encoding="utf-8") as out:
        out.write(head + "<Children>\n")
        while written < megabytes * 1_000_000:
            for child in children:
                block = re.sub(r"<LAchildID>(.*?)</LAchildID>", rf"<LAchildID>\1x{copy}</LAchildID>", child, count=1)
                out.write(block)
                written += len(block)
            copy += 1
        out.write("</Children>\n</Message>\n")
    return target.stat().st_size


def _run(path: str, mode: str, queue) -> None:
    from lineofsight.formats import cin_census_xml

    started = time.perf_counter()
    if mode == "stream":
        counter = {"rows": 0}

        class Counting(cin_census_xml._FileReader):
            def add(self, table, line, record):
                counter["rows"] += 1

        Counting(Path(path), {}, {}, {}, []).read()
        rows = counter["rows"]
    else:
        tables, _ = cin_census_xml.parse(Path(path))
        rows = sum(len(table) for table in tables.values())
    seconds = time.perf_counter() - started
    queue.put((rows, seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,300", help="file sizes in MB, comma separated")
    parser.add_argument("--modes", default="stream,parse", help="stream (reader alone), parse (rows kept), or both")
    args = parser.parse_args()
    from lineofsight.synth import generate

    context = multiprocessing.get_context("spawn")
    with tempfile.TemporaryDirectory() as scratch:
        paths = generate("medium", months=12, seed=1, fmt="cin", out=Path(scratch) / "base", end_month=date(2026, 10, 1))
        base = max(paths, key=lambda p: p.stat().st_size)
        print(f"{'file MB':>8}{'mode':>8}{'rows':>12}{'seconds':>9}{'MB/s':>7}{'peak MB':>9}")
        for megabytes in (int(size) for size in args.sizes.split(",")):
            target = Path(scratch) / f"cin_{megabytes}.xml"
            size = _build(base, target, megabytes) / 1e6
            for mode in args.modes.split(","):
                queue = context.Queue()
                child = context.Process(target=_run, args=(str(target), mode, queue))
                child.start()
                rows, seconds, peak = queue.get()
                child.join()
                print(f"{size:>8.0f}{mode:>8}{rows:>12,}{seconds:>9.1f}{size / seconds:>7.1f}{peak:>9,.0f}")
            target.unlink()


if __name__ == "__main__":
    main()
