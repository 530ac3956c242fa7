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
from ..models.mcp_tool_description import MCPToolDescription

_new = object.__new__
_KEYS: frozenset[str] = frozenset(())


@_attrs_define
class MCPToolDescriptions(Model["MCPToolDescription"]):
    """Each tool's name and what the server says of it."""

    # Which fields came as null (a bit each, by position), and keys the spec does not declare.
    _nulls: int = _attrs_field(default=0, repr=False, alias="_nulls")
    _extra: dict[str, MCPToolDescription] | None = _attrs_field(default=None, repr=False, eq=extra_key, alias="_extra")

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: what `from_dict` read, unchanged; fields set to None are left out."""
        _d: dict[str, Any] = {}
        if self._extra:
            for _key, _value in self._extra.items():
                _d[_key] = _value.to_dict()
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
        _extra: dict[str, MCPToolDescription] | None = None
        if len(src_dict) + _absent != 0:
            _extra = {}
            for _key, _raw in src_dict.items():
                if _key in _KEYS:
                    continue
                _value: MCPToolDescription
                try:
                    if type(_raw) is not dict and not isinstance(_raw, Mapping):
                        raise PayloadError(f"expected an object, got {json_type_name(_raw)}")
                    _nulls1 = 0
                    _absent1 = 0
                    _value__description: str | None
                    _value__description = _raw.get("description")
                    if _value__description is None:
                        if "description" in _raw:
                            _nulls1 |= 1
                        else:
                            _absent1 += 1
                    _value__parameters: FunctionParameters | None
                    try:
                        _raw1 = _raw.get("parameters")
                        if _raw1 is None:
                            _value__parameters = None
                            if "parameters" in _raw:
                                _nulls1 |= 2
                            else:
                                _absent1 += 1
                        else:
                            if type(_raw1) is not dict and not isinstance(_raw1, Mapping):
                                raise PayloadError(f"expected an object, got {json_type_name(_raw1)}")
                            _nulls2 = 0
                            _absent2 = 0
                            _extra2 = None if len(_raw1) + _absent2 == 0 else dict(_raw1)
                            _value__parameters = _new(FunctionParameters)
                            _value__parameters._nulls = _nulls2
                            _value__parameters._extra = _extra2

                    except FIELD_FAILURES as _exc:
                        raise field_error(_exc, "parameters")  # noqa: B904 (field_error chains it)
                    _extra1 = (
                        None
                        if len(_raw) + _absent1 == 2
                        else {k: v for k, v in _raw.items() if k not in {"description", "parameters"}}
                    )
                    _value = _new(MCPToolDescription)
                    _value.description = _value__description
                    _value.parameters = _value__parameters
                    _value._nulls = _nulls1
                    _value._extra = _extra1
                except PayloadError as _exc:
                    raise _exc.within(_key) from None
                _extra[_key] = _value
        if cls is MCPToolDescriptions:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            _nulls,
            _extra,
        )
