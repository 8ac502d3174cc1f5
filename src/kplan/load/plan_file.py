"""plan/plan.yaml: metadata, conventions and the list of parts (and the one diagnostic for the old format)."""

from __future__ import annotations

import yaml
from msgspec import Struct

from kplan.diagnostics import Loc
from kplan.load import shapes
from kplan.load.context import LoadContext
from kplan.load.spec import INVALID, Rec, validate
from kplan.load.yamlsafe import compose
from kplan.model.conventions import DEFAULT_LABELS, Conventions, Mark, pattern_problem
from kplan.model.plan import Meta, Publisher

PLAN_FILE = "plan/plan.yaml"


class PartEntry(Struct, frozen=True):
    """One item of `parts:`: its kind (chapter, appendix, glossary, survey, public-comment), file and place."""

    kind: str
    file: str
    loc: Loc


def read_plan_file(ctx: LoadContext) -> Rec | None:
    """plan.yaml validated, or None (problems recorded). The old format gets one load.old-format diagnostic."""
    text = ctx.read(PLAN_FILE)
    if text is None:
        return None
    node = compose(text, PLAN_FILE, ctx.problems)
    if node is None:
        return None
    if _is_old_format(node):
        ctx.problems.error(Loc(PLAN_FILE), "load.old-format")
        return None
    value = validate(node, shapes.PLAN, PLAN_FILE, ctx.problems, source=text)
    return None if value is INVALID else value


def _is_old_format(node: yaml.Node) -> bool:
    if not isinstance(node, yaml.MappingNode):
        return False
    keys = {key.value for key, _ in node.value if isinstance(key, yaml.ScalarNode)}
    return "chapters" in keys and "parts" not in keys


def part_entries(plan: Rec) -> list[PartEntry]:
    """The parts in order; an item must have exactly one key (else load.invalid-value, reported by the caller)."""
    return [PartEntry(kind, rel, item.loc_of(kind)) for item in plan["parts"] for kind, rel in item.items()]


def check_part_items(ctx: LoadContext, plan: Rec) -> None:
    for item in plan["parts"]:
        if len(item) != 1:
            ctx.problems.error(item.loc, "load.invalid-value/part")


def meta(ctx: LoadContext, plan: Rec) -> Meta:
    """The cover and colophon data; every key but municipality and title may be missing."""
    dates = plan.get("dates") or {}
    period = plan.get("period")
    if period and period["from"] > period["to"]:
        ctx.problems.error(period.loc, "load.invalid-value/period")
    publisher = plan.get("publisher")
    return Meta(
        municipality=plan["municipality"],
        title=plan["title"],
        subtitle=plan.get("subtitle"),
        edition=str(plan.get("edition", "1")),
        reconstructed=plan.get("reconstructed"),
        status=str(plan.get("status", "final")),
        established=dates.get("established"),
        revised=dates.get("revised"),
        period=(period["from"], period["to"]) if period else None,
        publisher=Publisher(
            publisher["organization"], publisher.get("department"), publisher.get("address"), publisher.get("phone")
        )
        if publisher
        else None,
        volume=plan.get("volume"),
        loc=plan.loc,
    )


def conventions(ctx: LoadContext, plan: Rec, glossary_order: str = "kana") -> Conventions:
    """The plan's numbering, marks and labels over the defaults."""
    given = plan.get("conventions") or Rec(plan.loc)
    defaults = Conventions()
    numbering = tuple(str(p) for p in given.get("numbering", defaults.numbering))
    for pattern in (
        *given.get("numbering", ()),
        *([given["measure_reference"]] if "measure_reference" in given else []),
    ):
        if pattern_problem(pattern):
            ctx.problems.error(pattern.loc, "load.invalid-value/numbering", pattern=str(pattern))
    marks = tuple(Mark(str(m["id"]), str(m["label"]), str(m["meaning"])) for m in given.get("marks", ()))
    ctx.unique(((m["id"], m.loc_of("id")) for m in given.get("marks", ())), "mark id")
    labels = dict(DEFAULT_LABELS)
    labels.update({key: str(value) for key, value in (plan.get("labels") or {}).items()})
    return Conventions(
        numbering=numbering,
        measure_reference=str(given.get("measure_reference", defaults.measure_reference)),
        marks=marks,
        glossary_order=glossary_order,
        labels=labels,
    )
