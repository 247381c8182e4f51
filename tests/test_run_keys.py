"""Run keys (l10n.incremental.keys.RunKey): every use case that keeps facts in the state
builds its key from its own parameters, and every parameter is in it, except those
typed as callbacks (how a run is told, where it runs: not what it makes)."""

from __future__ import annotations

import ast
import importlib
import inspect
import os
import pkgutil
import shutil
import typing
from collections.abc import Callable
from pathlib import Path

import pytest

import l10n
import l10n.workflow
from l10n.config import load_settings
from l10n.incremental.keys import RunKey, code_key, is_callback


def _functions() -> list[tuple[Callable[..., object], ast.FunctionDef]]:
    found = []
    for info in pkgutil.iter_modules(l10n.workflow.__path__):
        module = importlib.import_module(f"l10n.workflow.{info.name}")
        for node in ast.parse(inspect.getsource(module)).body:
            if isinstance(node, ast.FunctionDef):
                found.append((getattr(module, node.name), node))
    return found


def _calls(node: ast.FunctionDef, owner: str, name: str) -> bool:
    return any(isinstance(call, ast.Attribute) and call.attr == name
               and isinstance(call.value, ast.Name) and call.value.id == owner
               for call in ast.walk(node))


def _opens_state(node: ast.FunctionDef) -> bool:
    """Whether it calls ``Cache.open`` or ``State(folder)`` (``State(None)`` keeps nothing)."""
    return _calls(node, "Cache", "open") or any(
        isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "State"
        and not (call.args and isinstance(call.args[0], ast.Constant)
                 and call.args[0].value is None)
        for call in ast.walk(node))


FUNCTIONS = _functions()
COMMANDS = [function for function, node in FUNCTIONS if _calls(node, "RunKey", "of")]


def test_the_commands_that_keep_facts_are_found() -> None:
    names = {command.__name__ for command in COMMANDS}
    assert {"status", "check_project", "update", "translate", "build"} <= names


@pytest.mark.parametrize("function", [f for f, node in FUNCTIONS if _opens_state(node)],
                         ids=lambda f: f.__name__)
def test_whatever_opens_the_state_has_a_run_key(function: Callable[..., object]) -> None:
    """A use case that opens the state builds its own key, or is given its command's."""
    hints = typing.get_type_hints(function)
    assert function in COMMANDS or RunKey in hints.values(), function.__name__


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.__name__)
def test_a_command_builds_its_key_from_its_own_parameters(command: Callable[..., object]) -> None:
    """``RunKey.of(<itself>, locals())`` before anything else it does."""
    tree = ast.parse(inspect.getsource(command).strip())
    function = tree.body[0]
    assert isinstance(function, ast.FunctionDef)
    body = [s for s in function.body if not (isinstance(s, ast.Expr)
                                             and isinstance(s.value, ast.Constant))]
    first = ast.unparse(body[0])
    assert first.endswith(f"RunKey.of({command.__name__}, locals())"), first


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.__name__)
def test_every_parameter_of_a_command_is_in_its_key(
    command: Callable[..., object], project: Path,
) -> None:
    """Each parameter not typed as a callback is in the key, and a change of its value
    changes the key (so a new parameter can never be forgotten)."""
    hints = typing.get_type_hints(command)
    parameters = inspect.signature(command).parameters
    values: dict[str, object] = {name: None for name in parameters}
    values["settings"] = load_settings(project / "l10n.toml")
    run = RunKey.of(command, values)
    left_out = set(parameters) - set(run.names)
    assert all(is_callback(hints[name]) for name in left_out), left_out
    assert set(run.names) == {name for name in parameters if not is_callback(hints.get(name))}
    for name in run.names:
        changed = dict(values)
        changed[name] = load_settings(project / "l10n.toml", targets=["ja"]) \
            if name == "settings" else ["another value"]
        assert RunKey.of(command, changed).digest() != run.digest(), name


def test_callbacks_are_left_out_by_type_not_by_name() -> None:
    def command(settings: object, progress: Callable[[int], None] | None,
                notice: str | None, runner: typing.Any = None) -> None:
        pass

    run = RunKey.of(command, {"settings": 1, "progress": print, "notice": "x", "runner": 2})
    assert run.names == ("settings", "notice", "runner")  # the str named like a callback stays


def test_a_fact_may_leave_out_only_parameters_the_command_has() -> None:
    def command(paths: list[str], out: str) -> None:
        pass

    run = RunKey.of(command, {"paths": ["a"], "out": "b"})
    assert run.digest(leaving=("paths",)) != run.digest()
    with pytest.raises(KeyError):
        run.digest(leaving=("outt",))


def _package_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "l10n"
    shutil.copytree(Path(l10n.__file__).parent, copy,
                    ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def test_the_code_key_is_the_code_not_its_files_times(tmp_path: Path) -> None:
    """A checkout of other code and back, or a reinstall of the same code, gives every
    file a new mtime: the facts must stay (it made every plan of a build again)."""
    copy = _package_copy(tmp_path)
    before = code_key(str(copy))
    for path in copy.rglob("*"):
        if path.is_file():
            os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**10))
    assert code_key(str(copy)) == before
    assert before == code_key()  # the same bytes elsewhere, with other times: the same code


def test_one_byte_of_the_code_is_a_new_code_key(tmp_path: Path) -> None:
    copy = _package_copy(tmp_path)
    before = code_key(str(copy))
    check = copy / "qa" / "checks.py"
    data = check.read_bytes()
    check.write_bytes(data[:-1] + (b"#" if data[-1:] != b"#" else b"!"))  # same size
    assert code_key(str(copy)) != before
    check.write_bytes(data)
    assert code_key(str(copy)) == before
    (copy / "templates_extra.j2").write_text("{{ x }}", encoding="utf-8")  # a file added
    assert code_key(str(copy)) != before
