"""What the code generator decides about each field (scripts/fields.py), read from the generator's own
parse of a small spec: kinds, attribute names, annotations, what a union tells apart, variant tables,
the checks a request model makes. The templates only print these."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from openapi_python_client.config import Config, ConfigFile, MetaType
from openapi_python_client.parser import GeneratorData

from .spec import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import fields

SCHEMAS: dict[str, Any] = {
    "Colour": {"type": "string", "enum": ["red", "green"]},
    "Shape": {
        "type": "object",
        "required": ["id", "class"],
        "properties": {
            "id": {"type": "string"},
            "class": {"type": "string"},  # a keyword: the attribute takes the generator's name
            "_private": {"type": "string"},
            "colour": {"anyOf": [{"$ref": "#/components/schemas/Colour"}, {"type": "string"}]},
            "closed": {"$ref": "#/components/schemas/Colour"},
            "ended_at": {"anyOf": [{"type": "integer"}, {"type": "null"}]},
            "tags": {"type": "array", "items": {"type": "string"}},
            "sides": {"type": "array", "items": {"$ref": "#/components/schemas/Side"}},
            "palette": {"type": "array", "items": {"$ref": "#/components/schemas/Colour"}},
            "edge": {"$ref": "#/components/schemas/Edge"},
            "kind": {"type": "string", "const": "shape"},
            "limit": {"type": "integer", "minimum": 1, "maximum": 100},
            "value": {"anyOf": [{"type": "string"}, {"type": "number"}, {"type": "boolean"}]},
        },
    },
    "Side": {"type": "object", "properties": {"length": {"type": "number"}}},
    "Straight": {
        "type": "object",
        "required": ["type"],
        "properties": {"type": {"type": "string", "const": "straight"}},
    },
    "Curved": {
        "type": "object",
        "required": ["type"],
        "properties": {"type": {"type": "string", "const": "curved"}, "radius": {"type": "number"}},
    },
    "UnknownEdge": {"type": "object", "properties": {"type": {"type": "string"}}},
    "Chain": {"type": "object", "properties": {"next": {"$ref": "#/components/schemas/Chain"}}},
    "Frame": {"type": "object", "properties": {"shape": {"$ref": "#/components/schemas/Shape"}}},
    "Edge": {
        "oneOf": [
            {"$ref": "#/components/schemas/Straight"},
            {"$ref": "#/components/schemas/Curved"},
            {"$ref": "#/components/schemas/UnknownEdge"},
        ]
    },
}


@pytest.fixture(scope="module")
def shape() -> dict[str, Any]:
    """The properties of `Shape`, by JSON name, and the model itself under ""."""
    document = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {}}
    document["components"] = {"schemas": SCHEMAS}
    config = Config.from_sources(ConfigFile(), MetaType.NONE, Path("spec.yaml"), "utf-8", True, None)
    data = GeneratorData.from_dict(document, config=config)
    assert isinstance(data, GeneratorData)
    fields.know_models(data.models)
    model = next(m for m in data.models if m.class_info.name == "Shape")
    found: dict[str, Any] = {fields.raw_name(p): p for p in model.required_properties + model.optional_properties}
    return {**found, "": model}


def test_each_property_has_the_kind_the_codec_treats_it_as(shape: dict[str, Any]) -> None:
    kinds = {name: fields.kind(p) for name, p in shape.items() if name}
    assert kinds == {
        "id": "scalar",
        "class": "scalar",
        "_private": "scalar",
        "colour": "union",
        "closed": "enum",
        "ended_at": "union",
        "tags": "list",
        "sides": "list",
        "palette": "list",
        "edge": "union",
        "kind": "const",
        "limit": "scalar",
        "value": "union",
    }


def test_an_attribute_carries_its_json_name_unless_python_forbids_it(shape: dict[str, Any]) -> None:
    assert fields.attr(shape["id"]) == "id"
    assert fields.attr(shape["class"]) == "class_"
    assert fields.attr(shape["_private"]) != "_private"


def test_annotations_open_enums_in_unions_and_close_them_alone(shape: dict[str, Any]) -> None:
    assert fields.annotation(shape["colour"]) == "Colour | str"  # open: unknown values stay strings
    assert fields.annotation(shape["closed"]) == "ColourLiteral"  # closed: a request value
    assert fields.annotation(shape["palette"]) == "list[ColourLiteral]"
    assert fields.annotation(shape["ended_at"]) == "int"
    assert fields.declared(shape["ended_at"]) == "int | None"
    assert fields.annotation(shape["sides"]) == "list[Side]"
    assert fields.annotation(shape["edge"]) == "Straight | Curved | UnknownEdge"


def test_what_a_union_must_tell_apart(shape: dict[str, Any]) -> None:
    colour, value, edge = fields.members(shape["colour"]), fields.members(shape["value"]), fields.members(shape["edge"])
    assert (len(colour.enums), colour.strings, colour.others, colour.null) == (1, True, False, False)
    assert (value.strings, value.others, value.models) == (True, True, ())
    assert [m.class_info.name for m in edge.models] == ["Straight", "Curved", "UnknownEdge"]
    assert fields.nullable(shape["ended_at"]) and not fields.nullable(shape["colour"])
    assert fields.expected(shape["value"], none_ok=True) == "a string or a number or boolean or null"
    assert fields.expected(shape["edge"], none_ok=False) == "an object"


def test_values_with_nothing_to_parse_are_kept_as_sent(shape: dict[str, Any]) -> None:
    kept = {name for name, p in shape.items() if name and fields.passthrough(p)}
    assert kept == {"id", "class", "_private", "ended_at", "limit", "value"}


def test_a_union_of_models_picks_its_variant_by_type_with_the_untyped_one_as_catch_all(
    shape: dict[str, Any],
) -> None:
    edge = shape["edge"]
    assert fields.picks_variant(edge) and not fields.picks_variant(shape["colour"])
    assert [fields.type_const(m) for m in fields.typed_variants(edge)] == ["straight", "curved"]
    assert fields.fallback(edge).class_info.name == "UnknownEdge"
    assert fields.variants_name(edge) == "_VARIANTS_UnknownEdge"
    # Only the catch-all is named when the code runs; the typed variants load when a payload names them.
    assert fields.runtime_models(edge) == ["UnknownEdge"]
    assert fields.runtime_models(shape["sides"]) == ["Side"]


def test_lists_whose_items_need_parsing_get_a_parser_named_after_the_item(shape: dict[str, Any]) -> None:
    assert fields.list_parser_name(shape["sides"]) == "_parse_list_of_Side"
    assert fields.passthrough(shape["tags"].inner_property)  # no parser: strings are kept as sent


def test_a_request_model_checks_bounds_and_closed_values(shape: dict[str, Any]) -> None:
    model = shape[""]
    assert fields.check(model, shape["limit"]) == fields.Check("bounds", 1, 100)
    assert fields.check(model, shape["closed"]) == fields.Check("values", values=("red", "green"))
    assert fields.check(model, shape["palette"]) == fields.Check("list_values", values=("red", "green"))
    assert fields.check(model, shape["colour"]) is None  # open: any string goes
    assert fields.quoted(["a", "b", "c"]) == "'a', 'b' or 'c'"
    assert fields.quoted(["{x}"]) == "'{{x}}'"  # safe in the f-string it is printed into


def test_fields_come_in_the_order_the_spec_declares_them(shape: dict[str, Any]) -> None:
    assert [fields.raw_name(p) for p in fields.ordered(shape[""])] == list(SCHEMAS["Shape"]["properties"])


def test_small_models_are_read_in_their_holders_code_and_imported_with_it(shape: dict[str, Any]) -> None:
    # A model whose fields are all kept as sent (or consts, or models read the same way) is written
    # out where it is read: Side, and the typed variants of a union of a few (Edge's straight and
    # curved); its catch-all, lists, checked fields and a model holding itself keep their calls.
    assert fields.inlined(shape["sides"].inner_property).class_info.name == "Side"
    assert fields.inlined(shape["edge"]) is None
    assert [m.class_info.name for m in fields.inlined_variants(shape["edge"])] == ["Straight", "Curved"]
    assert fields.inlined(shape[""]) is None  # lists and checks of its own
    chain = fields.MODELS["Chain"]
    assert fields.inlined(chain) is None
    assert fields.inlined(fields.MODELS["Frame"].optional_properties[0]) is None  # Shape
    assert fields.inlined_imports(fields.ordered(shape[""])) == [
        ("curved", "Curved"),
        ("side", "Side"),
        ("straight", "Straight"),
    ]
    # Those are imported with the module, not deferred to a stand-in; the catch-all still is.
    eager, deferred, typing_only = fields.split_lazy_imports(shape[""], fields.ordered(shape[""]))
    assert eager == fields.inlined_imports(fields.ordered(shape[""]))
    assert deferred == [("unknown_edge", "UnknownEdge")]
    assert not any(line.endswith((" Side", " Straight", " Curved")) for line in typing_only)
