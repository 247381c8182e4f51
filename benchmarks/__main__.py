"""``python -m benchmarks [--quick] [--runs N] [--out FILE]``: see benchmarks/run.py."""

from benchmarks.run import main

main()
