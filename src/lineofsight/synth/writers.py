"""The writer for each output format: ``WRITERS[fmt](tables, out_dir) -> [paths]``."""

from lineofsight.synth import write_903, write_annexa, write_cin, write_ssd

WRITERS = {"ssd": write_ssd.write, "cin": write_cin.write, "903": write_903.write, "annexa": write_annexa.write}
