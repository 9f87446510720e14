"""A report's file written out: front matter in the order records.Report declares, then the body.

The importer and the draft write reports through here, so both write only keys the schema knows
(an unknown key is a programming error, raised at once) and quote every text the same way: a
double-quoted string is valid YAML whatever it holds (': ', ' #', a leading '-'), numbers and
true/false are written bare, as the checker expects them.
"""

from __future__ import annotations

import json

from .fields import Bool, Int, ListOf, Object, Year
from .records import Report
from .schema import field_specs


def _scalar(spec_type, value) -> str:
    if isinstance(spec_type, Bool):
        return "true" if value else "false"
    if isinstance(spec_type, (Int, Year)):
        return str(int(value))
    return json.dumps(str(value), ensure_ascii=False)


def _field(spec, value, indent: str = "") -> list[str]:
    kind = spec.type
    if isinstance(kind, ListOf):
        if not value:
            return []
        return [f"{indent}{spec.key}:"] + [f"{indent}  - {_scalar(kind.item, v)}" for v in value]
    if isinstance(kind, Object):
        inner = {s.key: s for s in field_specs(kind.cls)}
        lines = [f"{indent}{spec.key}:"]
        for key, item in value.items():
            lines += _field(inner[key], item, indent + "  ")  # KeyError: not a field of the group
        return lines
    return [f"{indent}{spec.key}: {_scalar(kind, value)}"]


def front_matter(values: dict, comments: list[str] = ()) -> str:
    """The lines between the two '---', comments first; keys in the schema's order."""
    specs = {spec.key: spec for spec in field_specs(Report)}
    unknown = set(values) - set(specs)
    if unknown:
        raise KeyError(f"not fields of a report: {sorted(unknown)}")
    lines = ["---", *(f"# {line}" for line in comments)]
    for key, spec in specs.items():
        if key in values and values[key] not in (None, "", []):
            lines += _field(spec, values[key])
    lines.append("---")
    return "\n".join(lines)


def report_text(values: dict, body: str, comments: list[str] = ()) -> str:
    """The whole file: front matter, a blank line, the body, a final newline."""
    return front_matter(values, comments) + "\n\n" + body.strip() + "\n"
