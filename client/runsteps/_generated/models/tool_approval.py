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
from ..models.tool_approval_headers import ToolApprovalHeaders

_new = object.__new__
_KEYS: frozenset[str] = frozenset(
    (
        "tool_call_id",
        "approve",
        "headers",
    )
)


@_attrs_define
class ToolApproval(Model[Any]):
    """ToolApproval

    Attributes:
        tool_call_id (str): The id of an MCP call in the run's `required_action`.
        approve (bool):
        headers (ToolApprovalHeaders | None): Headers the server adds to its request to the MCP server.
    """

    tool_call_id: str
    approve: bool
    headers: ToolApprovalHeaders | None = None
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
        approve = self.approve
        if approve is not None:
            _d["approve"] = approve
        elif _n & 2:
            _d["approve"] = None
        headers = self.headers
        if headers is not None:
            _d["headers"] = headers.to_dict()
        elif _n & 4:
            _d["headers"] = None
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
        approve: bool
        try:
            _raw = src_dict["approve"]
            approve = _raw

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "approve")  # noqa: B904 (field_error chains it)
        headers: ToolApprovalHeaders | None
        try:
            _raw = src_dict.get("headers")
            if _raw is None:
                headers = None
                if "headers" in src_dict:
                    _nulls |= 4
                else:
                    _absent += 1
            else:
                if type(_raw) is not dict and not isinstance(_raw, Mapping):
                    raise PayloadError(f"expected an object, got {json_type_name(_raw)}")
                _nulls1 = 0
                _absent1 = 0
                _extra1 = None if len(_raw) + _absent1 == 0 else dict(_raw)
                headers = _new(ToolApprovalHeaders)
                headers._nulls = _nulls1
                headers._extra = _extra1

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "headers")  # noqa: B904 (field_error chains it)
        _extra = None if len(src_dict) + _absent == 3 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is ToolApproval:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.tool_call_id = tool_call_id
            _self.approve = approve
            _self.headers = headers
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            tool_call_id,
            approve,
            headers,
            _nulls,
            _extra,
        )
