"""Findings as text, JSON or JUnit XML (``l10n check --format``).

- text: ``path:line: severity [check] message``, one line per finding (a catalog's lines
  and counts make a :class:`TextBlock`: what a replayed ``check`` writes, as it was
  recorded, without decoding a finding);
- json: a list of objects (check, severity, message, path, line, msgid, lang);
- junit: one ``<testsuite>`` per catalog and one ``<testcase>`` per entry with findings
  (named by its line and the start of its source), errors as ``<failure>``, warnings in
  ``<system-out>``: a CI system then lists each erroneous entry as a failed test.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from l10n.model import Finding, Severity

FORMATS = ("text", "json", "junit")


def finding_line(f: Finding) -> str:
    """One finding as ``path:line: severity [check] message``."""
    where = f"{f.path}:{f.line}" if f.line else f.path
    return f"{where}: {f.severity} [{f.check}] {f.message}"


@dataclass(frozen=True, slots=True)
class TextBlock:
    """Findings as text: their lines (``\\n`` between them; empty: no finding), and how
    many of them are errors and warnings (``info`` findings are written, not counted)."""

    text: str = ""
    errors: int = 0
    warnings: int = 0


def text_block(findings: Iterable[Finding]) -> TextBlock:
    """``findings`` as :func:`finding_line` writes them, counted."""
    lines: list[str] = []
    errors = warnings = 0
    for finding in findings:
        lines.append(finding_line(finding))
        if finding.severity == Severity.ERROR:
            errors += 1
        elif finding.severity != Severity.INFO:
            warnings += 1
    return TextBlock("\n".join(lines), errors, warnings)


def finding_json(f: Finding) -> dict[str, Any]:
    """One finding as JSON data (check, severity, message, path, line, msgid, lang)."""
    return {**asdict(f), "severity": str(f.severity)}


def as_text(findings: Sequence[Finding]) -> str:
    return "\n".join(finding_line(f) for f in findings)


def as_json(findings: Sequence[Finding]) -> str:
    data: list[dict[str, Any]] = [finding_json(f) for f in findings]
    return json.dumps(data, ensure_ascii=False, indent=2)


def as_junit(findings: Sequence[Finding]) -> str:
    """JUnit XML as CI systems read it (Jenkins, GitLab, GitHub actions' reporters)."""
    from xml.etree import ElementTree as ET

    suites = ET.Element("testsuites", name="l10n check")
    by_catalog: dict[str, dict[tuple[int, str], list[Finding]]] = {}
    for f in findings:
        by_catalog.setdefault(f.path, {}).setdefault((f.line, f.msgid), []).append(f)
    total = failed = 0
    for path, entries in by_catalog.items():
        errors = sum(any(f.severity == Severity.ERROR for f in fs) for fs in entries.values())
        suite = ET.SubElement(suites, "testsuite", name=path, tests=str(len(entries)),
                              failures=str(errors), errors="0")
        for (line, msgid), found in entries.items():
            name = f"line {line}: {_short(msgid)}" if line else _short(msgid) or path
            case = ET.SubElement(suite, "testcase", classname=path, name=name)
            for f in (f for f in found if f.severity == Severity.ERROR):
                failure = ET.SubElement(case, "failure", type=f.check, message=f.message)
                failure.text = f"{path}:{line}: [{f.check}] {f.message}"
            warnings = [f"warning [{f.check}] {f.message}" for f in found
                        if f.severity != Severity.ERROR]
            if warnings:
                ET.SubElement(case, "system-out").text = "\n".join(warnings)
        total += len(entries)
        failed += errors
    suites.set("tests", str(total))
    suites.set("failures", str(failed))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode")


def _short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def render(findings: Sequence[Finding], fmt: str) -> str:
    """``findings`` in ``fmt`` (one of :data:`FORMATS`)."""
    return {"text": as_text, "json": as_json, "junit": as_junit}[fmt](findings)


__all__ = ["FORMATS", "TextBlock", "as_json", "as_junit", "as_text", "finding_json",
           "finding_line", "render", "text_block"]
