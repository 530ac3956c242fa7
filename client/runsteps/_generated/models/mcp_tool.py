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

_new = object.__new__
_KEYS: frozenset[str] = frozenset(
    (
        "type",
        "server_label",
        "server_url",
        "allowed_tools",
    )
)


@_attrs_define
class MCPTool(Model[Any]):
    """An MCP server the agent may call.

    Attributes:
        type (Literal['mcp']):
        server_label (str | None):
        server_url (str | None):
        allowed_tools (list[str] | None): Null when every tool of the server is allowed.
    """

    type: Literal["mcp"]
    server_label: str | None = None
    server_url: str | None = None
    allowed_tools: list[str] | None = None
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
        server_label = self.server_label
        if server_label is not None:
            _d["server_label"] = server_label
        elif _n & 2:
            _d["server_label"] = None
        server_url = self.server_url
        if server_url is not None:
            _d["server_url"] = server_url
        elif _n & 4:
            _d["server_url"] = None
        allowed_tools = self.allowed_tools
        if allowed_tools is not None:
            _d["allowed_tools"] = list(allowed_tools)
        elif _n & 8:
            _d["allowed_tools"] = None
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
        type_: Literal["mcp"]
        try:
            _raw = src_dict["type"]
            if _raw != "mcp":
                raise PayloadError(f"expected 'mcp', got {_raw!r:.60}")
            type_ = _raw

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "type")  # noqa: B904 (field_error chains it)
        server_label: str | None
        server_label = src_dict.get("server_label")
        if server_label is None:
            if "server_label" in src_dict:
                _nulls |= 2
            else:
                _absent += 1
        server_url: str | None
        server_url = src_dict.get("server_url")
        if server_url is None:
            if "server_url" in src_dict:
                _nulls |= 4
            else:
                _absent += 1
        allowed_tools: list[str] | None
        try:
            _raw = src_dict.get("allowed_tools")
            if _raw is None:
                allowed_tools = None
                if "allowed_tools" in src_dict:
                    _nulls |= 8
                else:
                    _absent += 1
            else:
                if not isinstance(_raw, list):
                    raise PayloadError(f"expected an array or null, got {json_type_name(_raw)}")
                else:
                    allowed_tools = _raw

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "allowed_tools")  # noqa: B904 (field_error chains it)
        _extra = None if len(src_dict) + _absent == 4 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is MCPTool:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.type = type_
            _self.server_label = server_label
            _self.server_url = server_url
            _self.allowed_tools = allowed_tools
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            type_,
            server_label,
            server_url,
            allowed_tools,
            _nulls,
            _extra,
        )
