from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._model_base import (
    FIELD_FAILURES,
    Deferred,
    Model,
    PayloadError,
    extra_key,
    field_error,
    json_type_name,
)
from ..models.string_map import StringMap

_new = object.__new__
_KEYS: frozenset[str] = frozenset(
    (
        "server_label",
        "headers",
        "require_approval",
    )
)


@_attrs_define
class MCPResource(Model[Any]):
    """How the run reaches an MCP server, and which of its tools need approval.

    Attributes:
        server_label (str | None):
        headers (StringMap | None):
        require_approval (str | MCPApprovalPerTool | None): `always`, `never`, or which tools need it and which do not.
    """

    server_label: str | None = None
    headers: StringMap | None = None
    require_approval: str | MCPApprovalPerTool | None = None
    # Which fields came as null (a bit each, by position), and keys the spec does not declare.
    _nulls: int = _attrs_field(default=0, repr=False, alias="_nulls")
    _extra: dict[str, Any] | None = _attrs_field(default=None, repr=False, eq=extra_key, alias="_extra")

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: what `from_dict` read, unchanged; fields set to None are left out."""
        _d: dict[str, Any] = {}
        _n = self._nulls
        server_label = self.server_label
        if server_label is not None:
            _d["server_label"] = server_label
        elif _n & 1:
            _d["server_label"] = None
        headers = self.headers
        if headers is not None:
            _d["headers"] = headers.to_dict()
        elif _n & 2:
            _d["headers"] = None
        require_approval = self.require_approval
        if require_approval is not None:
            _d["require_approval"] = (
                str(require_approval) if isinstance(require_approval, str) else require_approval.to_dict()
            )
        elif _n & 4:
            _d["require_approval"] = None
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
        server_label: str | None
        server_label = src_dict.get("server_label")
        if server_label is None:
            if "server_label" in src_dict:
                _nulls |= 1
            else:
                _absent += 1
        headers: StringMap | None
        try:
            _raw = src_dict.get("headers")
            if _raw is None:
                headers = None
                if "headers" in src_dict:
                    _nulls |= 2
                else:
                    _absent += 1
            else:
                if type(_raw) is not dict and not isinstance(_raw, Mapping):
                    raise PayloadError(f"expected an object, got {json_type_name(_raw)}")
                _nulls1 = 0
                _absent1 = 0
                _extra1 = None if len(_raw) + _absent1 == 0 else dict(_raw)
                headers = _new(StringMap)
                headers._nulls = _nulls1
                headers._extra = _extra1

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "headers")  # noqa: B904 (field_error chains it)
        require_approval: str | MCPApprovalPerTool | None
        try:
            _raw = src_dict.get("require_approval")
            if _raw is None:
                require_approval = None
                if "require_approval" in src_dict:
                    _nulls |= 4
                else:
                    _absent += 1
            else:
                if isinstance(_raw, str):
                    require_approval = _raw
                elif isinstance(_raw, dict):
                    require_approval = MCPApprovalPerTool.from_dict(_raw)
                else:
                    raise PayloadError(f"expected a string or an object or null, got {json_type_name(_raw)}")

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "require_approval")  # noqa: B904 (field_error chains it)
        _extra = None if len(src_dict) + _absent == 3 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is MCPResource:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.server_label = server_label
            _self.headers = headers
            _self.require_approval = require_approval
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            server_label,
            headers,
            require_approval,
            _nulls,
            _extra,
        )


if TYPE_CHECKING:
    from ..models.mcp_approval_per_tool import MCPApprovalPerTool
else:
    MCPApprovalPerTool = Deferred(globals(), "mcp_approval_per_tool", "MCPApprovalPerTool")
