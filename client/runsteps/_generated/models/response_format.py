from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._model_base import (
    FIELD_FAILURES,
    Model,
    PayloadError,
    extra_key,
    field_error,
    json_type_name,
)
from ..models.function_parameters import FunctionParameters
from ..models.json_schema_format import JsonSchemaFormat

_new = object.__new__
_KEYS: frozenset[str] = frozenset(
    (
        "type",
        "json_schema",
    )
)


@_attrs_define
class ResponseFormat(Model[Any]):
    """`{"type": "text" | "json_object" | "json_schema", "json_schema": {...}}`.

    Attributes:
        type (str | None):
        json_schema (JsonSchemaFormat | None):
    """

    type: str | None = None
    json_schema: JsonSchemaFormat | None = None
    # Which fields came as null (a bit each, by position), and keys the spec does not declare.
    _nulls: int = _attrs_field(default=0, repr=False, alias="_nulls")
    _extra: dict[str, Any] | None = _attrs_field(default=None, repr=False, eq=extra_key, alias="_extra")

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: what `from_dict` read, unchanged; fields set to None are left out."""
        _d: dict[str, Any] = {}
        _n = self._nulls
        type_ = self.type
        if type_ is not None:
            _d["type"] = type_
        elif _n & 1:
            _d["type"] = None
        json_schema = self.json_schema
        if json_schema is not None:
            _d["json_schema"] = json_schema.to_dict()
        elif _n & 2:
            _d["json_schema"] = None
        if self._extra:
            _d.update(self._extra)
        return _d

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """The model of a JSON object; a PayloadError naming the field when the object cannot be one."""
        # A dict is the common case; the ABC check only runs for other mappings.
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise PayloadError(f"expected an object, got {json_type_name(src_dict)}")
        _nulls = 0
        # Declared fields not sent: with the length, it tells whether any key is undeclared (cheaper
        # than a set comparison, and most objects have none).
        _absent = 0
        # A field that can fail has a handler of its own: free until something fails, it names the field.
        type_: str | None
        type_ = src_dict.get("type")
        if type_ is None:
            if "type" in src_dict:
                _nulls |= 1
            else:
                _absent += 1
        json_schema: JsonSchemaFormat | None
        try:
            _raw = src_dict.get("json_schema")
            if _raw is None:
                json_schema = None
                if "json_schema" in src_dict:
                    _nulls |= 2
                else:
                    _absent += 1
            else:
                if type(_raw) is not dict and not isinstance(_raw, Mapping):
                    raise PayloadError(f"expected an object, got {json_type_name(_raw)}")
                _nulls1 = 0
                _absent1 = 0
                _json_schema__name: str | None
                _json_schema__name = _raw.get("name")
                if _json_schema__name is None:
                    if "name" in _raw:
                        _nulls1 |= 1
                    else:
                        _absent1 += 1
                _json_schema__description: str | None
                _json_schema__description = _raw.get("description")
                if _json_schema__description is None:
                    if "description" in _raw:
                        _nulls1 |= 2
                    else:
                        _absent1 += 1
                _json_schema__schema: FunctionParameters | None
                try:
                    _raw1 = _raw.get("schema")
                    if _raw1 is None:
                        _json_schema__schema = None
                        if "schema" in _raw:
                            _nulls1 |= 4
                        else:
                            _absent1 += 1
                    else:
                        if type(_raw1) is not dict and not isinstance(_raw1, Mapping):
                            raise PayloadError(f"expected an object, got {json_type_name(_raw1)}")
                        _nulls2 = 0
                        _absent2 = 0
                        _extra2 = None if len(_raw1) + _absent2 == 0 else dict(_raw1)
                        _json_schema__schema = _new(FunctionParameters)
                        _json_schema__schema._nulls = _nulls2
                        _json_schema__schema._extra = _extra2

                except FIELD_FAILURES as _exc:
                    raise field_error(_exc, "schema")  # noqa: B904 (field_error chains it)
                _json_schema__strict: bool | None
                _json_schema__strict = _raw.get("strict")
                if _json_schema__strict is None:
                    if "strict" in _raw:
                        _nulls1 |= 8
                    else:
                        _absent1 += 1
                _extra1 = (
                    None
                    if len(_raw) + _absent1 == 4
                    else {k: v for k, v in _raw.items() if k not in {"name", "description", "schema", "strict"}}
                )
                json_schema = _new(JsonSchemaFormat)
                json_schema.name = _json_schema__name
                json_schema.description = _json_schema__description
                json_schema.schema = _json_schema__schema
                json_schema.strict = _json_schema__strict
                json_schema._nulls = _nulls1
                json_schema._extra = _extra1

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "json_schema")  # noqa: B904 (field_error chains it)
        _extra = None if len(src_dict) + _absent == 2 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is ResponseFormat:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.type = type_
            _self.json_schema = json_schema
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            type_,
            json_schema,
            _nulls,
            _extra,
        )
