"""Command: ``log`` (who changed which entry, when, from what)."""

from __future__ import annotations

from typing import Annotated

import typer

from l10n.cli import _common


def log(
    articles: _common.ArticlesArg = None,
    lang: _common.LangOption = None,
    limit: Annotated[int | None, typer.Option(
        metavar="N", min=1, help="Only the last N changes.")] = None,
    config: _common.ConfigOption = None,
    json_: _common.JsonOption = False,
) -> None:
    """Show the history of the catalogs' entries, oldest first: every change made on the
    review page (with the reviewer's name), by an XLIFF import, by `l10n translate`, or
    by a PO editor (noticed by the next run): when, who, the old and the new text and state."""
    from l10n.lang import split_languages
    from l10n.workflow.history import entry_log

    changes = entry_log(_common.settings(config), articles, split_languages(lang), limit)
    if json_:
        _common.print_json([c.to_json() for c in changes])
        return
    if not changes:
        typer.echo("No recorded change.")
    for c in changes:
        state = f"{c.old_state or 'new'} -> {c.new_state}"
        note = f" [{c.note}]" if c.note else ""
        typer.echo(f"{c.time}  {c.who}  {c.lang}/{c.slug}  {state}{note}")
        typer.echo(f"    {c.msgid}")
        if c.old_text != c.new_text:
            typer.echo(f"  - {c.old_text}")
            typer.echo(f"  + {c.new_text}")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("log", cls=_common.Command)(log)
