"""Command: ``review`` (a local web page where translators review machine output)."""

from __future__ import annotations

import contextlib
from typing import Annotated

import typer

from l10n.cli import _common


def review(
    articles: _common.ArticlesArg = None,
    lang: _common.LangOption = None,
    host: Annotated[str, typer.Option(
        metavar="ADDRESS",
        help="Address to listen on. The default answers this computer only; 0.0.0.0 "
        "opens it to the network and then needs the token.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(
        metavar="PORT", help="Port to listen on (0: any free port).")] = 8765,
    token: Annotated[str | None, typer.Option(
        metavar="TOKEN",
        help="Session token that every browser must present (default: a new random one; "
        "required in the address when --host is not a loopback address).")] = None,
    reviewer: Annotated[str | None, typer.Option(
        metavar="NAME",
        help="Your name on every save (history, Last-Translator). Default: `reviewer` in "
        "the config, else git's user.name.")] = None,
    add_reviewer: Annotated[str | None, typer.Option(
        metavar="NAME",
        help="Give NAME their own token for a LAN server (printed once; only its SHA-256 "
        "is kept, in .l10n/reviewers.toml), then exit.")] = None,
    open_browser: Annotated[bool, typer.Option(
        "--open", help="Open the page in the default web browser.")] = False,
    config: _common.ConfigOption = None,
) -> None:
    """Review translations in the browser: the dashboard, each article page by page with
    its glossary terms, checks as you type, the engine's other hypotheses and memory
    matches; every decision is saved into locales/<lang>/<slug>.po. Ctrl+C stops it."""
    from importlib.util import find_spec

    from l10n.errors import UsageError
    from l10n.lang import split_languages

    if add_reviewer is not None:
        from l10n.review.reviewers import add_reviewer as add
        from l10n.review.reviewers import tokens_path

        settings = _common.settings(config)
        made = add(tokens_path(settings), add_reviewer)
        typer.echo(f"Token of {add_reviewer.strip()} (give it to them; it is not kept): {made}")
        typer.echo(f"A server started with --host 0.0.0.0 answers to it: "
                   f"http://<this computer>:{port}/?token={made}")
        return
    missing = [name for name in ("starlette", "uvicorn") if find_spec(name) is None]
    if missing:
        raise UsageError(f"the review page needs {' and '.join(missing)}, not installed",
                         hint="pip install 'l10n[review]'")
    from l10n.review.server import prepare

    server = prepare(_common.settings(config), articles, split_languages(lang),
                     host=host, port=port, token=token, reviewer=reviewer)
    count = len(server.session.articles())
    langs = ", ".join(server.session.langs)
    typer.echo(f"Reviewing {count} article{'s' * (count != 1)} in {langs} at {server.url}")
    typer.echo(f"Saves are recorded as {server.session.reviewer}.")
    if server.login and host in ("0.0.0.0", "::"):
        typer.echo(f"Listening on every address: others open http://<this computer>:"
                   f"{server.url.split(':')[-1]}")
    typer.echo("Press Ctrl+C to stop.")
    if open_browser:
        import webbrowser

        webbrowser.open(server.url)
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl+C: uvicorn has stopped cleanly
        server.run()
    typer.echo("Stopped.")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("review", cls=_common.Command)(review)
