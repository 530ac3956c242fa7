from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, Self

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
from ..models.required_function_call import RequiredFunctionCall

_new = object.__new__
_KEYS: frozenset[str] = frozenset(
    (
        "id",
        "type",
        "function",
    )
)


@_attrs_define
class RequiredFunctionToolCall(Model[Any]):
    """A function call whose output the run waits for.

    Attributes:
        id (str | None):
        type (Literal['function']):
        function (RequiredFunctionCall | None):
    """

    type: Literal["function"]
    id: str | None = None
    function: RequiredFunctionCall | None = None
    # Which fields came as null (a bit each, by position), and keys the spec does not declare.
    _nulls: int = _attrs_field(default=0, repr=False, alias="_nulls")
    _extra: dict[str, Any] | None = _attrs_field(default=None, repr=False, eq=extra_key, alias="_extra")

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: what `from_dict` read, unchanged; fields set to None are left out."""
        _d: dict[str, Any] = {}
        _n = self._nulls
        id = self.id
        if id is not None:
            _d["id"] = id
        elif _n & 1:
            _d["id"] = None
        type_ = self.type
        if type_ is not None:
            _d["type"] = type_
        elif _n & 2:
            _d["type"] = None
        function = self.function
        if function is not None:
            _d["function"] = function.to_dict()
        elif _n & 4:
            _d["function"] = None
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
        id: str | None
        id = src_dict.get("id")
        if id is None:
            if "id" in src_dict:
                _nulls |= 1
            else:
                _absent += 1
        type_: Literal["function"]
        try:
            _raw = src_dict["type"]
            if _raw != "function":
                raise PayloadError(f"expected 'function', got {_raw!r:.60}")
            type_ = _raw

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "type")  # noqa: B904 (field_error chains it)
        function: RequiredFunctionCall | None
        try:
            _raw = src_dict.get("function")
            if _raw is None:
                function = None
                if "function" in src_dict:
                    _nulls |= 4
                else:
                    _absent += 1
            else:
                if type(_raw) is not dict and not isinstance(_raw, Mapping):
                    raise PayloadError(f"expected an object, got {json_type_name(_raw)}")
                _nulls1 = 0
                _absent1 = 0
                _function__name: str | None
                _function__name = _raw.get("name")
                if _function__name is None:
                    if "name" in _raw:
                        _nulls1 |= 1
                    else:
                        _absent1 += 1
                _function__arguments: str | None
                _function__arguments = _raw.get("arguments")
                if _function__arguments is None:
                    if "arguments" in _raw:
                        _nulls1 |= 2
                    else:
                        _absent1 += 1
                _extra1 = (
                    None
                    if len(_raw) + _absent1 == 2
                    else {k: v for k, v in _raw.items() if k not in {"name", "arguments"}}
                )
                function = _new(RequiredFunctionCall)
                function.name = _function__name
                function.arguments = _function__arguments
                function._nulls = _nulls1
                function._extra = _extra1

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "function")  # noqa: B904 (field_error chains it)
        _extra = None if len(src_dict) + _absent == 3 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is RequiredFunctionToolCall:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.id = id
            _self.type = type_
            _self.function = function
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            type_,
            id,
            function,
            _nulls,
            _extra,
        )
