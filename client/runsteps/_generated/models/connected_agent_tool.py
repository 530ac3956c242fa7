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
from ..models.connected_agent_options import ConnectedAgentOptions

_new = object.__new__
_KEYS: frozenset[str] = frozenset(
    (
        "type",
        "connected_agent",
    )
)


@_attrs_define
class ConnectedAgentTool(Model[Any]):
    """Another agent this one may hand a task to.

    Attributes:
        type (Literal['connected_agent']):
        connected_agent (ConnectedAgentOptions | None):
    """

    type: Literal["connected_agent"]
    connected_agent: ConnectedAgentOptions | None = None
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
        connected_agent = self.connected_agent
        if connected_agent is not None:
            _d["connected_agent"] = connected_agent.to_dict()
        elif _n & 2:
            _d["connected_agent"] = None
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
        type_: Literal["connected_agent"]
        try:
            _raw = src_dict["type"]
            if _raw != "connected_agent":
                raise PayloadError(f"expected 'connected_agent', got {_raw!r:.60}")
            type_ = _raw

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "type")  # noqa: B904 (field_error chains it)
        connected_agent: ConnectedAgentOptions | None
        try:
            _raw = src_dict.get("connected_agent")
            if _raw is None:
                connected_agent = None
                if "connected_agent" in src_dict:
                    _nulls |= 2
                else:
                    _absent += 1
            else:
                if type(_raw) is not dict and not isinstance(_raw, Mapping):
                    raise PayloadError(f"expected an object, got {json_type_name(_raw)}")
                _nulls1 = 0
                _absent1 = 0
                _connected_agent__id: str | None
                _connected_agent__id = _raw.get("id")
                if _connected_agent__id is None:
                    if "id" in _raw:
                        _nulls1 |= 1
                    else:
                        _absent1 += 1
                _connected_agent__name: str | None
                _connected_agent__name = _raw.get("name")
                if _connected_agent__name is None:
                    if "name" in _raw:
                        _nulls1 |= 2
                    else:
                        _absent1 += 1
                _connected_agent__description: str | None
                _connected_agent__description = _raw.get("description")
                if _connected_agent__description is None:
                    if "description" in _raw:
                        _nulls1 |= 4
                    else:
                        _absent1 += 1
                _extra1 = (
                    None
                    if len(_raw) + _absent1 == 3
                    else {k: v for k, v in _raw.items() if k not in {"id", "name", "description"}}
                )
                connected_agent = _new(ConnectedAgentOptions)
                connected_agent.id = _connected_agent__id
                connected_agent.name = _connected_agent__name
                connected_agent.description = _connected_agent__description
                connected_agent._nulls = _nulls1
                connected_agent._extra = _extra1

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "connected_agent")  # noqa: B904 (field_error chains it)
        _extra = None if len(src_dict) + _absent == 2 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is ConnectedAgentTool:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.type = type_
            _self.connected_agent = connected_agent
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            type_,
            connected_agent,
            _nulls,
            _extra,
        )
