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

_new = object.__new__
_KEYS: frozenset[str] = frozenset(
    (
        "description",
        "parameters",
    )
)


@_attrs_define
class MCPToolDescription(Model[Any]):
    """MCPToolDescription

    Attributes:
        description (str | None):
        parameters (FunctionParameters | None): A JSON Schema object, kept as sent.
    """

    description: str | None = None
    parameters: FunctionParameters | None = None
    # Which fields came as null (a bit each, by position), and keys the spec does not declare.
    _nulls: int = _attrs_field(default=0, repr=False, alias="_nulls")
    _extra: dict[str, Any] | None = _attrs_field(default=None, repr=False, eq=extra_key, alias="_extra")

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: what `from_dict` read, unchanged; fields set to None are left out."""
        _d: dict[str, Any] = {}
        _n = self._nulls
        description = self.description
        if description is not None:
            _d["description"] = description
        elif _n & 1:
            _d["description"] = None
        parameters = self.parameters
        if parameters is not None:
            _d["parameters"] = parameters.to_dict()
        elif _n & 2:
            _d["parameters"] = None
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
        description: str | None
        description = src_dict.get("description")
        if description is None:
            if "description" in src_dict:
                _nulls |= 1
            else:
                _absent += 1
        parameters: FunctionParameters | None
        try:
            _raw = src_dict.get("parameters")
            if _raw is None:
                parameters = None
                if "parameters" in src_dict:
                    _nulls |= 2
                else:
                    _absent += 1
            else:
                if type(_raw) is not dict and not isinstance(_raw, Mapping):
                    raise PayloadError(f"expected an object, got {json_type_name(_raw)}")
                _nulls1 = 0
                _absent1 = 0
                _extra1 = None if len(_raw) + _absent1 == 0 else dict(_raw)
                parameters = _new(FunctionParameters)
                parameters._nulls = _nulls1
                parameters._extra = _extra1

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "parameters")  # noqa: B904 (field_error chains it)
        _extra = None if len(src_dict) + _absent == 2 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is MCPToolDescription:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.description = description
            _self.parameters = parameters
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            description,
            parameters,
            _nulls,
            _extra,
        )
