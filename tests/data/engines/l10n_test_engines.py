"""A third-party engine package, as an engine author writes one against the documented
interface: only ``translate_batch(texts, source, target, *, n_best=1)`` and
``supports(source, target)``, no ``progress``, no ``describe``, no ``name``. Registered
through a real entry point (``l10n_test_engines-1.0.dist-info/entry_points.txt``), found
by ``importlib.metadata`` when this folder is on the path.

Output: the text upper-cased (protected tokens are upper-case already, so they survive).
Options (``[engines.minimal]``): ``delay`` seconds per batch (a slow engine, for runs to
interrupt), ``crash_on``: a text holding it ends the engine's process at once (a worker
that dies every time it gets that batch).
"""

import os
import time

from l10n.model import Hypothesis


class MinimalEngine:
    def __init__(self, delay=0.0, crash_on=""):
        self.delay = float(delay)
        self.crash_on = crash_on

    def supports(self, source, target):
        return target != "de"  # a pair it lacks

    def translate_batch(self, texts, source, target, *, n_best=1):
        if self.crash_on and any(self.crash_on in text for text in texts):
            os._exit(13)
        time.sleep(self.delay)
        return [[Hypothesis(text.upper(), -1.0)] for text in texts]


def create(delay=0.0, crash_on=""):
    return MinimalEngine(delay=delay, crash_on=crash_on)
