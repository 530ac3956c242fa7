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

_new = object.__new__
_KEYS: frozenset[str] = frozenset(
    (
        "tool_call_id",
        "output",
        "type",
    )
)


@_attrs_define
class ToolOutput(Model[Any]):
    """ToolOutput

    Attributes:
        tool_call_id (str): The id of a call in the run's `required_action`.
        output (str): What the call returned, as text (often JSON).
        type (str | None): `function_call_output`: what azure-ai-agents 1.2 sends to Azure AI Agents' preview API versions;
            absent elsewhere.
    """

    tool_call_id: str
    output: str
    type: str | None = None
    # Which fields came as null (a bit each, by position), and keys the spec does not declare.
    _nulls: int = _attrs_field(default=0, repr=False, alias="_nulls")
    _extra: dict[str, Any] | None = _attrs_field(default=None, repr=False, eq=extra_key, alias="_extra")

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: what `from_dict` read, unchanged; fields set to None are left out."""
        _d: dict[str, Any] = {}
        _n = self._nulls
        tool_call_id = self.tool_call_id
        if tool_call_id is not None:
            _d["tool_call_id"] = tool_call_id
        elif _n & 1:
            _d["tool_call_id"] = None
        output = self.output
        if output is not None:
            _d["output"] = output
        elif _n & 2:
            _d["output"] = None
        type_ = self.type
        if type_ is not None:
            _d["type"] = type_
        elif _n & 4:
            _d["type"] = None
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
        tool_call_id: str
        try:
            _raw = src_dict["tool_call_id"]
            if not isinstance(_raw, str):
                raise PayloadError(f"expected a string, got {json_type_name(_raw)}")
            tool_call_id = _raw

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "tool_call_id")  # noqa: B904 (field_error chains it)
        output: str
        try:
            _raw = src_dict["output"]
            if not isinstance(_raw, str):
                raise PayloadError(f"expected a string, got {json_type_name(_raw)}")
            output = _raw

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "output")  # noqa: B904 (field_error chains it)
        type_: str | None
        type_ = src_dict.get("type")
        if type_ is None:
            if "type" in src_dict:
                _nulls |= 4
            else:
                _absent += 1
        _extra = None if len(src_dict) + _absent == 3 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is ToolOutput:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.tool_call_id = tool_call_id
            _self.output = output
            _self.type = type_
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            tool_call_id,
            output,
            type_,
            _nulls,
            _extra,
        )
