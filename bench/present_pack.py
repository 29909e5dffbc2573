"""How long the full indicators pack takes as PDF (target: under 15 s).

    LINEOFSIGHT_DATA_DIR=/tmp/present-bench .venv/bin/python -m bench.present_pack
"""

import os
import time


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lineofsight.config.settings")
    os.environ.setdefault("LINEOFSIGHT_DATA_DIR", "/tmp/present-bench")
    import django

    django.setup()
    from bench.present_data import MONTHS, seed
    from lineofsight.reports import packs, render

    org = seed()
    for audience in ("internal_board", "public_scrutiny"):
        started = time.perf_counter()
        pack = packs.build("indicators", org, MONTHS[-1], audience)
        built = time.perf_counter()
        pdf = render.to_pdf(pack)
        done = time.perf_counter()
        print(f"indicators pack, {audience}: build {built - started:.2f} s, PDF {done - built:.2f} s, total {done - started:.2f} s, {len(pdf) / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
