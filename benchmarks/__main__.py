"""``python -m benchmarks [--quick] [--runs N] [--out FILE]``: see benchmarks/run.py;
``python -m benchmarks scale [--quick]``: see benchmarks/scale.py."""

from benchmarks.run import main

main()
