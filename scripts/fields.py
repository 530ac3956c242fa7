"""What each value of a generated model is, worked out from openapi-python-client's parsed properties.

The templates (templates/*.jinja) only print what these functions decide: a property's kind, its
attribute name and Python annotation, what a union's parser must tell apart, whether a value is kept
as sent, the variant table of a union, the checks a request model makes. `scripts/generate.py` hands
them to the templates as globals. They read the generator's property classes (openapi-python-client
0.29, pinned in pyproject.toml), never its template names, so an upgrade that renames a template
changes nothing here.

The rules, the same for every model (regenerating after a spec change needs no hand-written code):
- An attribute carries its JSON name when Python allows it; keywords, private-looking names and
  names that are not identifiers fall back to the generator's python name.
- A field that is not required reads None when it is absent or null.
- Variants of a `oneOf` are chosen by the payload's `type` (the const `type` of each variant; the
  variant without one is the catch-all), never by trying each class.
- An enum beside `string` is open: documented values become members, others stay plain strings.
  An enum on its own is closed (request values) and typed as a `Literal`.
- Scalars and null are kept exactly as sent.
"""

from __future__ import annotations

import keyword
from collections.abc import Iterable, Sequence
from typing import Any, Literal

import attrs
from openapi_python_client.parser.properties.const import ConstProperty
from openapi_python_client.parser.properties.enum_property import EnumProperty
from openapi_python_client.parser.properties.list_property import ListProperty
from openapi_python_client.parser.properties.model_property import ModelProperty
from openapi_python_client.parser.properties.none import NoneProperty
from openapi_python_client.parser.properties.union import UnionProperty
from openapi_python_client.strings import in_f_string_literal

Kind = Literal["model", "list", "union", "enum", "const", "null", "scalar"]


def kind(p: Any) -> Kind:
    """What a property holds, as the codec treats it."""
    if isinstance(p, ModelProperty):
        return "model"
    if isinstance(p, ListProperty):
        return "list"
    if isinstance(p, UnionProperty):
        return "union"
    if isinstance(p, EnumProperty):
        return "enum"
    if isinstance(p, ConstProperty):
        return "const"
    if isinstance(p, NoneProperty):
        return "null"
    return "scalar"


def raw_name(p: Any) -> str:
    """The property's name in JSON."""
    return str(p.name.get_untrusted_value())


def attr(p: Any) -> str:
    """The attribute's name: the JSON name where Python allows it, else the generator's."""
    name = raw_name(p)
    if name.isidentifier() and not keyword.iskeyword(name) and not name.startswith("_"):
        return name
    return str(p.python_name)


def scalar_type(p: Any) -> str:
    """The generator's Python type of a property, without None."""
    return str(p.get_type_string(no_optional=True).as_unembedded_code())


@attrs.frozen
class Members:
    """What a union's parser must tell apart among its members."""

    models: tuple[Any, ...]
    enums: tuple[Any, ...]
    strings: bool  # a plain string member
    others: bool  # a number, boolean, list or const member: kept as sent
    containers: bool  # a list or const member
    null: bool


def members(p: Any) -> Members:
    inner = p.inner_properties if kind(p) == "union" else []
    kinds = [(i, kind(i)) for i in inner]
    return Members(
        models=tuple(i for i, k in kinds if k == "model"),
        enums=tuple(i for i, k in kinds if k == "enum"),
        strings=any(k == "scalar" and scalar_type(i) == "str" for i, k in kinds),
        others=any(k in ("list", "const") or (k == "scalar" and scalar_type(i) != "str") for i, k in kinds),
        containers=any(k in ("list", "const") for _, k in kinds),
        null=any(k == "null" for _, k in kinds),
    )


def nullable(p: Any) -> bool:
    """Whether null is one of the values a union allows."""
    return kind(p) == "union" and members(p).null


def passthrough(p: Any) -> bool:
    """Whether a value is kept exactly as sent, with nothing to parse or write back."""
    k = kind(p)
    if k in ("scalar", "null"):
        return True
    if k == "union":
        found = members(p)
        return not found.models and not found.enums and not found.containers
    return False


def annotation(p: Any, in_union: bool = False) -> str:
    """The Python type of a value, without None. A closed enum is its Literal, except in a union
    (there the open enum class stands, its unknown values as plain strings)."""
    k = kind(p)
    if k == "union":
        parts = [annotation(i, True) for i in p.inner_properties if kind(i) != "null"]
        return " | ".join(dict.fromkeys(parts))
    if k == "list":
        return f"list[{annotation(p.inner_property)}]"
    if k == "enum" and not in_union:
        return f"{p.class_info.name}Literal"
    if k in ("enum", "model"):
        return str(p.class_info.name)
    return scalar_type(p)


def declared(p: Any) -> str:
    """The annotation of a required field: None added when null is allowed."""
    return annotation(p) + (" | None" if nullable(p) else "")


def expected(p: Any, none_ok: bool) -> str:
    """What a union accepts, in words, for the error when a value is none of it."""
    found = members(p)
    words = []
    if found.enums or found.strings:
        words.append("a string")
    if found.models:
        words.append("an object")
    if found.others:
        words.append("a number or boolean")
    if none_ok:
        words.append("null")
    return " or ".join(words)


def typed(m: Any) -> bool:
    """Whether a union's model variant carries a required const `type` (else it is the catch-all)."""
    t = (m.data.properties or {}).get("type")
    return t is not None and isinstance(getattr(t, "const", None), str) and "type" in (m.data.required or [])


def type_const(m: Any) -> str:
    return str(m.data.properties["type"].const)


def fallback(p: Any) -> Any | None:
    """The catch-all variant of a union of models: the last without a const `type`."""
    found = [m for m in members(p).models if not typed(m)]
    return found[-1] if found else None


def typed_variants(p: Any) -> list[Any]:
    return [m for m in members(p).models if typed(m)]


def variants_name(p: Any) -> str:
    """The module-level table that picks a union's variant by `type`, named after its catch-all
    (each union of the spec has its own), else after its first variant."""
    models = members(p).models
    catch_all = [m for m in models if not typed(m)]
    named = catch_all[-1] if catch_all else next((m for m in models if typed(m)), None)
    return f"_VARIANTS_{named.class_info.name if named is not None else 'None'}"


def picks_variant(p: Any) -> bool:
    """Whether a union chooses among several models (by their `type`)."""
    return kind(p) == "union" and len(members(p).models) > 1


def item_name(p: Any) -> str:
    """A name for the item type of a list, for its parser's name."""
    k = kind(p)
    if k == "list":
        return f"list_of_{item_name(p.inner_property)}"
    if picks_variant(p):
        return variants_name(p)[len("_VARIANTS_") :]
    if k == "union":
        return "_or_".join(item_name(i) for i in p.inner_properties if kind(i) != "null")
    if k in ("model", "enum"):
        return str(p.class_info.name)
    return str(p.python_name)


def list_parser_name(p: Any) -> str:
    return f"_parse_list_of_{item_name(p.inner_property)}"


def runtime_models(p: Any) -> list[str]:
    """The model classes the code for `p` names when it runs: a union's variants are imported when a
    payload names them, so of a union only its catch-all (or its one model) is named."""
    k = kind(p)
    if k == "model":
        return [str(p.class_info.name)]
    if k == "list":
        return runtime_models(p.inner_property)
    if k == "union":
        models = members(p).models
        names = [str(m.class_info.name) for m in models if len(models) == 1 or not typed(m)]
        for i in p.inner_properties:
            if kind(i) != "model":
                names += runtime_models(i)
        return names
    return []


def enum_values(p: Any) -> list[str]:
    return list(p.values.values())


def quoted(values: Sequence[str]) -> str:
    """'a', 'b' or 'c': values as an error message lists them, for the text of an f-string."""
    parts = [f"'{in_f_string_literal(v)}'" for v in values]
    if len(parts) < 2:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " or " + parts[-1]


@attrs.frozen
class Check:
    """What a request model checks of one field before anything is sent: integer bounds, or closed
    enum values (of the field, or of each item of a list)."""

    kind: Literal["bounds", "values", "list_values"]
    low: int | None = None
    high: int | None = None
    values: tuple[str, ...] = ()


def check(model: Any, p: Any) -> Check | None:
    k = kind(p)
    schema = (model.data.properties or {}).get(raw_name(p))
    if k == "scalar" and schema is not None:
        low, high = _bound(schema, "minimum"), _bound(schema, "maximum")
        if low is not None or high is not None:
            return Check("bounds", low, high)
    if k == "enum":
        return Check("values", values=tuple(enum_values(p)))
    if k == "list" and kind(p.inner_property) == "enum":
        return Check("list_values", values=tuple(enum_values(p.inner_property)))
    return None


def _bound(schema: Any, name: str) -> int | None:
    value = getattr(schema, name, None)  # a $ref has none
    return int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def ordered(model: Any) -> list[Any]:
    """The properties in the order the spec declares them, which is the order servers send them in."""
    by_name = {raw_name(p): p for p in model.required_properties + model.optional_properties}
    keys = [k.get_untrusted_value() if hasattr(k, "get_untrusted_value") else k for k in model.data.properties or {}]
    found = [by_name[k] for k in keys if k in by_name]
    return found if len(found) == len(by_name) else model.required_properties + model.optional_properties


def extra_type(model: Any) -> str:
    """The type of the values of keys the spec does not declare."""
    extra = model.additional_properties
    if extra is True or not extra:
        return "Any"
    return str(extra.get_type_string().as_unembedded_code())


def typed_extra(model: Any) -> Any | None:
    """The property of keys the spec leaves open but whose values it types as models (parsed and
    written back like fields); None when they are kept as sent."""
    extra = model.additional_properties
    if extra is True or not extra or passthrough(extra):
        return None
    return extra


# The spec's models as the generator read them, by class name (`know_models`): a property that names a
# model may hold a copy made before the model's own properties were read.
MODELS: dict[str, Any] = {}


def know_models(models: Iterable[Any]) -> None:
    """The models of the spec being generated (those of one generated before are forgotten)."""
    MODELS.clear()
    MODELS.update((str(m.class_info.name), m) for m in models)


def inlined(p: Any, within: tuple[str, ...] = ()) -> Any | None:
    """The model a value is read into by code written out where it is read, with no call to its
    `from_dict` (a call and its set-up cost more than building a small model: `make bench`, parse):
    a model, or a model or null, whose fields are each kept as sent, a const, or a model read by the
    same rule. Such a model has no checks and no typed extra keys; `within` stops a model that holds
    itself. None when the value is read by a call."""
    k = kind(p)
    if k == "union":
        found = members(p)
        if len(found.models) != 1 or found.enums or found.strings or found.others:
            return None
        p = found.models[0]
    elif k != "model":
        return None
    name = str(p.class_info.name)
    p = MODELS[name]
    if name in within or typed_extra(p) is not None:
        return None
    for f in ordered(p):
        if check(p, f) is not None:
            return None
        if not (passthrough(f) or kind(f) == "const" or inlined(f, (*within, name)) is not None):
            return None
    return p


# A union of more models than this (tool calls, tools) reads every variant through its table, so that
# reading a step imports the classes of the tools it holds, not of every tool there is.
FEW_VARIANTS = 4


def inlined_variants(p: Any) -> list[Any]:
    """The variants of a union of a few models (a step's details) that are read without a call: each
    is tried by comparing `type` with its const before the table is asked (a message creation)."""
    if not picks_variant(p) or len(members(p).models) > FEW_VARIANTS:
        return []
    return [m for m in map(inlined, typed_variants(p)) if m is not None]


def inlined_imports(fields: Iterable[Any]) -> list[tuple[str, str]]:
    """The (module, class) of every model the code for `fields` builds without a call, at any depth:
    imported with the module that holds the code."""
    found: dict[str, str] = {}

    def visit(p: Any) -> None:
        k = kind(p)
        if k == "list":
            visit(p.inner_property)
            return
        for model in [inlined(p), *inlined_variants(p)]:
            if model is not None:
                found[str(model.class_info.name)] = str(model.class_info.module_name)
                for f in ordered(model):
                    visit(f)

    for p in fields:
        visit(p)
    return sorted((module, name) for name, module in found.items())


def split_lazy_imports(
    model: Any, fields: Iterable[Any]
) -> tuple[list[tuple[str, str]], list[tuple[str, str]], list[str]]:
    """The model's imports of other models: those its code builds without a call (`inlined_imports`),
    imported with it; those its code names when it runs, as (module, class) pairs a stand-in loads on
    first use (`Deferred`); and the import lines type checkers read (all but the first)."""
    fields = list(fields)
    runtime = {name for p in fields for name in runtime_models(p)}
    eager = inlined_imports(fields)
    built = {name for _, name in eager}
    deferred: list[tuple[str, str]] = []
    typing: list[str] = []
    for line in sorted(model.lazy_imports):
        module, name = line.removeprefix("from ..models.").split(" import ")
        if name in built:
            continue
        typing.append(line)
        if name in runtime:
            deferred.append((module, name))
    return eager, deferred, typing


def success_response(endpoint: Any) -> Any | None:
    """The response whose body `parse_body` reads: the first 2xx."""
    return next((r for r in endpoint.responses.patterns if r.status_code.range and r.status_code.range[0] == 200), None)


def error_response(endpoint: Any) -> Any | None:
    """The response whose body `parse_error` reads: the first 4xx or 5xx that is a model."""
    return next(
        (
            r
            for r in endpoint.responses.patterns
            if r.status_code.range and r.status_code.range[0] >= 400 and kind(r.prop) == "model"
        ),
        None,
    )


TEMPLATE_GLOBALS = {
    name: globals()[name]
    for name in (
        "kind",
        "raw_name",
        "attr",
        "scalar_type",
        "members",
        "nullable",
        "passthrough",
        "annotation",
        "declared",
        "expected",
        "typed",
        "type_const",
        "fallback",
        "typed_variants",
        "variants_name",
        "picks_variant",
        "list_parser_name",
        "runtime_models",
        "enum_values",
        "quoted",
        "check",
        "ordered",
        "extra_type",
        "typed_extra",
        "split_lazy_imports",
        "inlined",
        "inlined_variants",
        "success_response",
        "error_response",
    )
}
