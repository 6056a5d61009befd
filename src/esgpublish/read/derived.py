"""The Derived sheet → indicators computed from others (an intensity: ``ghg_total / revenue``),
per year wherever every input has a value; each computed value keeps the cells it came from.

Expressions are parsed with Python's ``ast`` and only numbers, indicator ids, + − × ÷ and
parentheses are allowed (``*``/``×`` and ``/``/``÷`` both work): nothing is evaluated as code.
"""
from __future__ import annotations

import ast

from . import cellvalues as cell
from ..diagnostics import Collector, Location
from ..model.dataset import Indicator, PeriodValue, Qualifier, Text, Topic, Unit
from . import schema
from .hints import suggest
from .records import bilingual, decimals_of, unit_of
from .xlsxread import SheetReader

_OPS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/"}


class _Bad(Exception):
    """An expression that cannot be computed: the message says why."""


def _parse(text: str) -> ast.expr:
    """An expression's text → its syntax tree (numbers, ids, + - * / and parentheses only)."""
    text = text.replace("×", "*").replace("÷", "/").replace("−", "-").replace("（", "(").replace("）", ")")
    try:
        tree = ast.parse(text, mode="eval").body
    except SyntaxError:
        raise _Bad(f"'{text}' is not an expression") from None
    for node in ast.walk(tree):
        if isinstance(node, ast.BinOp) and type(node.op) not in _OPS:
            raise _Bad("only + - × ÷ and parentheses are allowed")
        if isinstance(node, ast.UnaryOp) and not isinstance(node.op, (ast.USub, ast.UAdd)):
            raise _Bad("only + - × ÷ and parentheses are allowed")
        if isinstance(node, ast.Constant) and (isinstance(node.value, bool) or not isinstance(node.value, (int, float))):
            raise _Bad(f"'{node.value}' is not a number")
        if not isinstance(node, (ast.BinOp, ast.UnaryOp, ast.Name, ast.Constant, ast.Load, ast.operator,
                                 ast.unaryop)):
            raise _Bad(f"'{ast.unparse(node)}' is not allowed in an expression")
    return tree


def _names(tree: ast.expr) -> list[str]:
    return list(dict.fromkeys(n.id for n in ast.walk(tree) if isinstance(n, ast.Name)))


def _value(tree: ast.expr, values: dict[str, float]) -> float:
    """The expression's value for one year's inputs."""
    if isinstance(tree, ast.Constant):
        return float(tree.value)
    if isinstance(tree, ast.Name):
        return values[tree.id]
    if isinstance(tree, ast.UnaryOp):
        v = _value(tree.operand, values)
        return -v if isinstance(tree.op, ast.USub) else v
    a, b = _value(tree.left, values), _value(tree.right, values)
    op = _OPS[type(tree.op)]
    if op == "/" and b == 0:
        raise ZeroDivisionError
    return a + b if op == "+" else a - b if op == "-" else a * b if op == "*" else a / b


def _sum_units(tree: ast.expr, units: dict[str, Unit]) -> str | None:
    """Why the inputs of a sum or difference cannot be added (different units), or None."""
    for node in ast.walk(tree):
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub)):
            sides = [{units[n].id for n in _names(side) if n in units} for side in (node.left, node.right)]
            if all(len(s) == 1 for s in sides) and sides[0] != sides[1]:
                return (f"'{ast.unparse(node)}' adds {next(iter(sides[0]))} and {next(iter(sides[1]))}: "
                        f"only figures of one unit add up")
    return None


def read_derived(sheet: SheetReader, diags: Collector, indicators: dict[str, Indicator],
                 units: dict[str, Unit], topics: dict[str, Topic], invalid: set[tuple[str, str]],
                 need: frozenset[str]) -> dict[str, Indicator]:
    """Indicators plus the derived ones, computed in dependency order; cycles, unknown ids,
    sums of different units and bad expressions are located errors."""
    rows: dict[str, tuple[dict, ast.expr]] = {}
    seen: dict[str, Location] = {ident: ind.origin for ident, ind in indicators.items()}
    for _, cells in sheet.rows():
        ident = cell.check_id(cells, seen, diags, "indicator")
        text, eloc = cells["expression"]
        if not ident or text is None:
            if text is None:
                diags.error(eloc, "missing expression", "e.g. ghg_total / revenue")
            continue
        try:
            rows[ident] = (cells, _parse(str(text)))
        except _Bad as exc:
            diags.error(eloc, f"expression: {exc}", "use indicator ids, numbers, + - × ÷ and parentheses")
            invalid.add((ident, "*"))
    out = dict(indicators)
    done: set[str] = set()

    def compute(ident: str, path: tuple[str, ...]) -> bool:
        if ident in done:
            return ident in out
        cells, tree = rows[ident]
        eloc = cells["expression"][1]
        if ident in path:
            diags.error(eloc, f"'{ident}' is computed from itself: {' → '.join(path[path.index(ident):] + (ident,))}",
                        "break the cycle")
            done.add(ident)
            return False
        ok = True
        for name in _names(tree):
            if name in rows and name not in done:
                ok = compute(name, path + (ident,)) and ok
            elif name not in out:
                if (name, "*") not in invalid:
                    diags.error(eloc, f"the expression names '{name}', which is no indicator",
                                suggest(name, list(out) + list(rows)) or "use an id from the Indicators sheet")
                ok = False
        done.add(ident)
        built = _build(ident, cells, tree, out, units, topics, diags, need) if ok else None
        if built is None:
            invalid.add((ident, "*"))
            return False
        out[ident] = built
        return True

    for ident in rows:
        compute(ident, ())
    return out


def _kind(tree: ast.expr, units: dict[str, Unit]) -> str:
    """What an expression yields, from its inputs' units: a unit id (a figure scaled by
    numbers stays in its unit), "fraction" (a quotient of one unit), "ratio" (per something
    else, or a product), or "number" (constants alone)."""
    if isinstance(tree, ast.Name):
        return units[tree.id].id if tree.id in units else "number"
    if isinstance(tree, ast.Constant):
        return "number"
    if isinstance(tree, ast.UnaryOp):
        return _kind(tree.operand, units)
    a, b = _kind(tree.left, units), _kind(tree.right, units)
    if isinstance(tree.op, (ast.Add, ast.Sub)):
        return a if a == b else "ratio"
    if b == "number" or (a == "number" and isinstance(tree.op, ast.Mult)):
        return b if a == "number" else a
    if isinstance(tree.op, ast.Div) and a == b:
        return "fraction"
    return "ratio"


#: unit kinds a quotient or product may be declared in (a share, a change, a rate per something)
RATIO_KINDS = ("ratio", "percent", "change")


def _unit_mismatch(tree: ast.expr, unit: Unit, units: dict[str, Unit]) -> str | None:
    """Why the declared unit cannot come out of the expression, or None: a quotient of
    different quantities (per employee, per RMB million) is a ratio, never a count or money;
    a figure scaled by numbers keeps its kind."""
    kind = _kind(tree, units)
    money = unit.kind == "currency" and any(u.kind == "currency" for u in units.values())  # RMB per hour
    if kind in ("ratio", "fraction") and unit.kind not in RATIO_KINDS and not money:
        return (f"'{ast.unparse(tree)}' is a {'ratio' if kind == 'ratio' else 'quotient'}, "
                f"but its unit '{unit.id}' is of kind {unit.kind}")
    kinds = {u.id: u.kind for u in units.values()}
    if kind in kinds and unit.kind != kinds[kind] and not (unit.kind == "ratio" and kinds[kind] == "count"):
        return f"'{ast.unparse(tree)}' is in {kind} ({kinds[kind]}), but its unit '{unit.id}' is of kind {unit.kind}"
    return None


def _build(ident: str, cells: dict, tree: ast.expr, known: dict[str, Indicator], units: dict[str, Unit],
           topics: dict[str, Topic], diags: Collector, need: frozenset[str]) -> Indicator | None:
    """One derived row → its indicator, one value per year every input has."""
    eloc = cells["expression"][1]
    unit = unit_of(cells, units, diags)
    if unit is None:
        return None
    inputs = [known[n] for n in _names(tree)]
    why = _sum_units(tree, {i.id: i.unit for i in inputs})
    if why:
        diags.error(eloc, why, "divide or multiply them, or choose inputs of one unit")
        return None
    why = _unit_mismatch(tree, unit, {i.id: i.unit for i in inputs})
    if why:
        diags.error(cells["unit"][1], why, "declare a unit of kind ratio (a rate or average per something, e.g. "
                                           "tCO2e per RMB million) or percent for a quotient; the inputs' kind for "
                                           "a scaled figure")
        return None
    pillar, ploc = cells["pillar"]
    if pillar not in schema.PILLARS:
        diags.error(ploc, f"unknown pillar '{pillar}'", "use E, S or G")
        return None
    topic, tloc = cells["topic"]
    if topic not in topics:
        diags.error(tloc, f"unknown topic '{topic}'", suggest(str(topic), list(topics)) or "use a topic id")
        return None
    by_year = [{p.period: p for p in i.series()} for i in inputs]
    years = sorted(set.intersection(*(set(b) for b in by_year))) if by_year else []
    series = []
    for year in years:
        try:
            value = _value(tree, {i.id: b[year].value for i, b in zip(inputs, by_year)})
        except ZeroDivisionError:
            diags.warning(eloc, f"'{ident}' divides by zero in {year}", "check the inputs of that year")
            continue
        qualified = any(b[year].qualifier for b in by_year)
        approx = Qualifier("约", *schema.QUALIFIERS["约"]) if qualified else None
        series.append(PeriodValue(year, round(value, 10), approx, eloc))
    if not series:
        diags.warning(eloc, f"'{ident}' has no year in which all its inputs have a value",
                      "give every input a value for the same year")
        return None
    name = bilingual(cells, "name_zh", cell.text(cells, "name_zh", diags, "zh" in need, "Chinese name") or "",
                     cell.text(cells, "name_en", diags, "en" in need, "English name") or "", diags)
    last = series[-1]
    sources = tuple(dict.fromkeys(p.origin for b in by_year for p in b.values() if p.period in years))
    return Indicator(ident, str(cells["pillar"][0]), str(topic), name, last.value, unit, last.qualifier,
                     last.period, None, None, None, None, None, None,
                     cell.code(cells, "hkex", diags), None, f"= {cells['expression'][0]}", None,
                     cells["id"][1], {k: loc for k, (_, loc) in cells.items()} | {"value": eloc},
                     history=tuple(series[:-1]), derived_from=sources, decimals=decimals_of(cells, diags))
