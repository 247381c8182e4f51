"""The ``l10n`` command line: a thin typer layer over :mod:`l10n.workflow`.

This package is the only place that prints or exits. Each command parses its
options, calls one workflow function, and prints the result (a rich table, or JSON
with ``--json``). An :class:`~l10n.errors.L10nError` becomes ``Error: ...`` on stderr
and its exit code. Heavy modules are imported inside the commands, so that
``l10n --help`` stays instant.
"""

from __future__ import annotations

import typer

from l10n.cli import (
    articles,
    build,
    check,
    glossary,
    log,
    memory,
    model_packages,
    review,
    state,
    translate,
    xliff,
)
from l10n.cli._common import run_app

app = typer.Typer(
    name="l10n",
    help="Translate and localize news articles, offline: extract segments, machine-translate "
    "under a glossary into gettext catalogs, review, check, and publish localized builds.",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

for module in (articles, translate, check, review, log, build, glossary, model_packages,
               memory, xliff, state):
    module.register(app)


def main() -> None:
    run_app(app)
