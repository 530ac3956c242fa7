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
from ..models.tool_approval import ToolApproval
from ..models.tool_approval_headers import ToolApprovalHeaders
from ..models.tool_output import ToolOutput

_new = object.__new__
_KEYS: frozenset[str] = frozenset(
    (
        "tool_outputs",
        "tool_approvals",
        "stream",
    )
)


@_attrs_define
class SubmitToolOutputsRunRequest(Model[Any]):
    """Every pending call's output (`tool_outputs`), or answers to Azure AI Agents' MCP tool approvals
    (`tool_approvals`). Azure AI Agents' own client also sends `stream: false`.

    Attributes:
        tool_outputs (list[ToolOutput] | None):
        tool_approvals (list[ToolApproval] | None):
        stream (bool | None):
    """

    tool_outputs: list[ToolOutput] | None = None
    tool_approvals: list[ToolApproval] | None = None
    stream: bool | None = None
    # Which fields came as null (a bit each, by position), and keys the spec does not declare.
    _nulls: int = _attrs_field(default=0, repr=False, alias="_nulls")
    _extra: dict[str, Any] | None = _attrs_field(default=None, repr=False, eq=extra_key, alias="_extra")

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: what `from_dict` read, unchanged; fields set to None are left out."""
        _d: dict[str, Any] = {}
        _n = self._nulls
        tool_outputs = self.tool_outputs
        if tool_outputs is not None:
            _d["tool_outputs"] = [_v0.to_dict() for _v0 in tool_outputs]
        elif _n & 1:
            _d["tool_outputs"] = None
        tool_approvals = self.tool_approvals
        if tool_approvals is not None:
            _d["tool_approvals"] = [_v0.to_dict() for _v0 in tool_approvals]
        elif _n & 2:
            _d["tool_approvals"] = None
        stream = self.stream
        if stream is not None:
            _d["stream"] = stream
        elif _n & 4:
            _d["stream"] = None
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
        tool_outputs: list[ToolOutput] | None
        try:
            _raw = src_dict.get("tool_outputs")
            if _raw is None:
                tool_outputs = None
                if "tool_outputs" in src_dict:
                    _nulls |= 1
                else:
                    _absent += 1
            else:
                if not isinstance(_raw, list):
                    raise PayloadError(f"expected an array or null, got {json_type_name(_raw)}")
                else:
                    tool_outputs = _parse_list_of_ToolOutput(_raw)

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "tool_outputs")  # noqa: B904 (field_error chains it)
        tool_approvals: list[ToolApproval] | None
        try:
            _raw = src_dict.get("tool_approvals")
            if _raw is None:
                tool_approvals = None
                if "tool_approvals" in src_dict:
                    _nulls |= 2
                else:
                    _absent += 1
            else:
                if not isinstance(_raw, list):
                    raise PayloadError(f"expected an array or null, got {json_type_name(_raw)}")
                else:
                    tool_approvals = _parse_list_of_ToolApproval(_raw)

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "tool_approvals")  # noqa: B904 (field_error chains it)
        stream: bool | None
        stream = src_dict.get("stream")
        if stream is None:
            if "stream" in src_dict:
                _nulls |= 4
            else:
                _absent += 1
        _extra = None if len(src_dict) + _absent == 3 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is SubmitToolOutputsRunRequest:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.tool_outputs = tool_outputs
            _self.tool_approvals = tool_approvals
            _self.stream = stream
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            tool_outputs,
            tool_approvals,
            stream,
            _nulls,
            _extra,
        )


def _parse_list_of_ToolOutput(raw: list[Any]) -> list[ToolOutput]:
    items: list[ToolOutput] = []
    _value: ToolOutput
    # One handler for the loop: the failing item is the one after those already kept.
    try:
        for _item in raw:
            if type(_item) is not dict and not isinstance(_item, Mapping):
                raise PayloadError(f"expected an object, got {json_type_name(_item)}")
            _nulls2 = 0
            _absent2 = 0
            _value__tool_call_id: str
            try:
                _raw2 = _item["tool_call_id"]
                if not isinstance(_raw2, str):
                    raise PayloadError(f"expected a string, got {json_type_name(_raw2)}")
                _value__tool_call_id = _raw2

            except FIELD_FAILURES as _exc:
                raise field_error(_exc, "tool_call_id")  # noqa: B904 (field_error chains it)
            _value__output: str
            try:
                _raw2 = _item["output"]
                if not isinstance(_raw2, str):
                    raise PayloadError(f"expected a string, got {json_type_name(_raw2)}")
                _value__output = _raw2

            except FIELD_FAILURES as _exc:
                raise field_error(_exc, "output")  # noqa: B904 (field_error chains it)
            _value__type_: str | None
            _value__type_ = _item.get("type")
            if _value__type_ is None:
                if "type" in _item:
                    _nulls2 |= 4
                else:
                    _absent2 += 1
            _extra2 = (
                None
                if len(_item) + _absent2 == 3
                else {k: v for k, v in _item.items() if k not in {"tool_call_id", "output", "type"}}
            )
            _value = _new(ToolOutput)
            _value.tool_call_id = _value__tool_call_id
            _value.output = _value__output
            _value.type = _value__type_
            _value._nulls = _nulls2
            _value._extra = _extra2
            items.append(_value)
    except PayloadError as _exc:
        raise _exc.within(len(items)) from None
    return items


def _parse_list_of_ToolApproval(raw: list[Any]) -> list[ToolApproval]:
    items: list[ToolApproval] = []
    _value: ToolApproval
    # One handler for the loop: the failing item is the one after those already kept.
    try:
        for _item in raw:
            if type(_item) is not dict and not isinstance(_item, Mapping):
                raise PayloadError(f"expected an object, got {json_type_name(_item)}")
            _nulls2 = 0
            _absent2 = 0
            _value__tool_call_id: str
            try:
                _raw2 = _item["tool_call_id"]
                if not isinstance(_raw2, str):
                    raise PayloadError(f"expected a string, got {json_type_name(_raw2)}")
                _value__tool_call_id = _raw2

            except FIELD_FAILURES as _exc:
                raise field_error(_exc, "tool_call_id")  # noqa: B904 (field_error chains it)
            _value__approve: bool
            try:
                _raw2 = _item["approve"]
                _value__approve = _raw2

            except FIELD_FAILURES as _exc:
                raise field_error(_exc, "approve")  # noqa: B904 (field_error chains it)
            _value__headers: ToolApprovalHeaders | None
            try:
                _raw2 = _item.get("headers")
                if _raw2 is None:
                    _value__headers = None
                    if "headers" in _item:
                        _nulls2 |= 4
                    else:
                        _absent2 += 1
                else:
                    if type(_raw2) is not dict and not isinstance(_raw2, Mapping):
                        raise PayloadError(f"expected an object, got {json_type_name(_raw2)}")
                    _nulls3 = 0
                    _absent3 = 0
                    _extra3 = None if len(_raw2) + _absent3 == 0 else dict(_raw2)
                    _value__headers = _new(ToolApprovalHeaders)
                    _value__headers._nulls = _nulls3
                    _value__headers._extra = _extra3

            except FIELD_FAILURES as _exc:
                raise field_error(_exc, "headers")  # noqa: B904 (field_error chains it)
            _extra2 = (
                None
                if len(_item) + _absent2 == 3
                else {k: v for k, v in _item.items() if k not in {"tool_call_id", "approve", "headers"}}
            )
            _value = _new(ToolApproval)
            _value.tool_call_id = _value__tool_call_id
            _value.approve = _value__approve
            _value.headers = _value__headers
            _value._nulls = _nulls2
            _value._extra = _extra2
            items.append(_value)
    except PayloadError as _exc:
        raise _exc.within(len(items)) from None
    return items
