"""Commands: ``l10n models list|install|remove`` (see :mod:`l10n.engines.packages`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from l10n.cli._common import Command, ConfigOption, JsonOption, print_json, settings

MODELS_HELP = (
    "Argos Translate models (.argosmodel packages) for the `argos` engine. The folder is "
    "`models` in l10n.toml, or $L10N_MODELS_DIR, or Argos's own packages folder. Get "
    "packages from the Argos index (https://www.argosopentech.com/argospm/index/)."
)
ModelsDirOption = Annotated[
    Path | None,
    typer.Option(
        "--models-dir",
        metavar="FOLDER",
        help="Models folder (default: config, $L10N_MODELS_DIR, or Argos's packages folder).",
    ),
]
FromArgument = Annotated[str | None, typer.Argument(metavar="FROM", help="Source language.")]
ToArgument = Annotated[str | None, typer.Argument(metavar="TO", help="Target language.")]


def _models_dir(config: Path | None, models_dir: Path | None) -> Path:
    if models_dir is not None:
        return models_dir.expanduser()
    folder: Path = settings(config).models_dir()
    return folder


def list_(
    as_json: JsonOption = False,
    models_dir: ModelsDirOption = None,
    config: ConfigOption = None,
) -> None:
    """List the installed models: language pair, package version, folder."""
    from l10n.engines.packages import list_models

    folder = _models_dir(config, models_dir)
    models = list_models(folder)
    if as_json:
        print_json({"models_dir": str(folder), "models": [m.as_dict() for m in models]})
        return
    if not models:
        typer.echo(
            f"No models in {folder}. Install one with `l10n models install FROM TO` "
            "or `l10n models install --file PATH.argosmodel`."
        )
        return
    from rich.console import Console
    from rich.table import Table

    table = Table("from", "to", "package", "version", "path", title=str(folder))
    for m in models:
        table.add_row(m.from_code, m.to_code, m.name, m.version, str(m.path))
    Console().print(table)


def install(
    from_code: FromArgument = None,
    to_code: ToArgument = None,
    file: Annotated[
        Path | None,
        typer.Option("--file", "-f", metavar="FILE",
                     help="Install this .argosmodel file (validated first)."),
    ] = None,
    max_size: Annotated[
        int,
        typer.Option("--max-size", min=1, metavar="MB",
                     help="Refuse a package that unpacks to more than this many MB."),
    ] = 1024,
    as_json: JsonOption = False,
    models_dir: ModelsDirOption = None,
    config: ConfigOption = None,
) -> None:
    """Install the FROM -> TO model from the Argos index (online), or a file with --file."""
    from l10n.engines import packages
    from l10n.errors import UsageError

    folder = _models_dir(config, models_dir)
    if file is not None:
        if from_code or to_code:
            raise UsageError("give either FROM TO or --file, not both")
        info = packages.install_model_file(file, folder, max_size=max_size * 2**20)
    elif from_code and to_code:
        info = packages.install_from_index(from_code, to_code, folder)
    else:
        raise UsageError(
            "say which model to install",
            hint="`l10n models install en ko` or `l10n models install --file PATH.argosmodel`",
        )
    if as_json:
        print_json(info.as_dict())
        return
    typer.echo(
        f"Installed {info.name} {info.version} ({info.from_code} -> {info.to_code}) in {info.path}"
    )


def remove(
    from_code: Annotated[str, typer.Argument(metavar="FROM", help="Source language.")],
    to_code: Annotated[str, typer.Argument(metavar="TO", help="Target language.")],
    models_dir: ModelsDirOption = None,
    config: ConfigOption = None,
) -> None:
    """Remove the installed FROM -> TO model."""
    from l10n.engines.packages import remove_model

    for info in remove_model(from_code, to_code, _models_dir(config, models_dir)):
        typer.echo(f"Removed {info.name} {info.version} from {info.path}")


def register(app: typer.Typer) -> None:
    """Add the ``models`` command group to the app."""
    group = typer.Typer(help=MODELS_HELP, no_args_is_help=True, rich_markup_mode=None)
    group.command("list", cls=Command)(list_)
    group.command(cls=Command)(install)
    group.command(cls=Command)(remove)
    app.add_typer(group, name="models")
