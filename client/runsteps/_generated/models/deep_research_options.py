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
from ..models.tool_connection import ToolConnection

_new = object.__new__
_KEYS: frozenset[str] = frozenset(
    (
        "deep_research_model",
        "bing_grounding_connections",
    )
)


@_attrs_define
class DeepResearchOptions(Model[Any]):
    """DeepResearchOptions

    Attributes:
        deep_research_model (str | None):
        bing_grounding_connections (list[ToolConnection] | None):
    """

    deep_research_model: str | None = None
    bing_grounding_connections: list[ToolConnection] | None = None
    # Which fields came as null (a bit each, by position), and keys the spec does not declare.
    _nulls: int = _attrs_field(default=0, repr=False, alias="_nulls")
    _extra: dict[str, Any] | None = _attrs_field(default=None, repr=False, eq=extra_key, alias="_extra")

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: what `from_dict` read, unchanged; fields set to None are left out."""
        _d: dict[str, Any] = {}
        _n = self._nulls
        deep_research_model = self.deep_research_model
        if deep_research_model is not None:
            _d["deep_research_model"] = deep_research_model
        elif _n & 1:
            _d["deep_research_model"] = None
        bing_grounding_connections = self.bing_grounding_connections
        if bing_grounding_connections is not None:
            _d["bing_grounding_connections"] = [_v0.to_dict() for _v0 in bing_grounding_connections]
        elif _n & 2:
            _d["bing_grounding_connections"] = None
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
        deep_research_model: str | None
        deep_research_model = src_dict.get("deep_research_model")
        if deep_research_model is None:
            if "deep_research_model" in src_dict:
                _nulls |= 1
            else:
                _absent += 1
        bing_grounding_connections: list[ToolConnection] | None
        try:
            _raw = src_dict.get("bing_grounding_connections")
            if _raw is None:
                bing_grounding_connections = None
                if "bing_grounding_connections" in src_dict:
                    _nulls |= 2
                else:
                    _absent += 1
            else:
                if not isinstance(_raw, list):
                    raise PayloadError(f"expected an array or null, got {json_type_name(_raw)}")
                else:
                    bing_grounding_connections = _parse_list_of_ToolConnection(_raw)

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "bing_grounding_connections")  # noqa: B904 (field_error chains it)
        _extra = None if len(src_dict) + _absent == 2 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is DeepResearchOptions:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.deep_research_model = deep_research_model
            _self.bing_grounding_connections = bing_grounding_connections
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            deep_research_model,
            bing_grounding_connections,
            _nulls,
            _extra,
        )


def _parse_list_of_ToolConnection(raw: list[Any]) -> list[ToolConnection]:
    items: list[ToolConnection] = []
    _value: ToolConnection
    # One handler for the loop: the failing item is the one after those already kept.
    try:
        for _item in raw:
            if type(_item) is not dict and not isinstance(_item, Mapping):
                raise PayloadError(f"expected an object, got {json_type_name(_item)}")
            _nulls2 = 0
            _absent2 = 0
            _value__connection_id: str | None
            _value__connection_id = _item.get("connection_id")
            if _value__connection_id is None:
                if "connection_id" in _item:
                    _nulls2 |= 1
                else:
                    _absent2 += 1
            _extra2 = (
                None if len(_item) + _absent2 == 1 else {k: v for k, v in _item.items() if k not in {"connection_id"}}
            )
            _value = _new(ToolConnection)
            _value.connection_id = _value__connection_id
            _value._nulls = _nulls2
            _value._extra = _extra2
            items.append(_value)
    except PayloadError as _exc:
        raise _exc.within(len(items)) from None
    return items
