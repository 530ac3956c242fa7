from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._model_base import (
    FIELD_FAILURES,
    Deferred,
    Model,
    PayloadError,
    Variants,
    extra_key,
    field_error,
    json_type_name,
)

_new = object.__new__
_KEYS: frozenset[str] = frozenset(
    (
        "type",
        "activities",
    )
)


@_attrs_define
class ActivitiesDetails(Model[Any]):
    """Azure AI Agents' activities of a step, such as an MCP server listing its tools.

    Attributes:
        type (Literal['activities']):
        activities (list[MCPListToolsActivity | UnknownActivity] | None):
    """

    type: Literal["activities"]
    activities: list[MCPListToolsActivity | UnknownActivity] | None = None
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
        activities = self.activities
        if activities is not None:
            _d["activities"] = [_v0.to_dict() for _v0 in activities]
        elif _n & 2:
            _d["activities"] = None
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
        type_: Literal["activities"]
        try:
            _raw = src_dict["type"]
            if _raw != "activities":
                raise PayloadError(f"expected 'activities', got {_raw!r:.60}")
            type_ = _raw

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "type")  # noqa: B904 (field_error chains it)
        activities: list[MCPListToolsActivity | UnknownActivity] | None
        try:
            _raw = src_dict.get("activities")
            if _raw is None:
                activities = None
                if "activities" in src_dict:
                    _nulls |= 2
                else:
                    _absent += 1
            else:
                if not isinstance(_raw, list):
                    raise PayloadError(f"expected an array or null, got {json_type_name(_raw)}")
                else:
                    activities = _parse_list_of_UnknownActivity(_raw)

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "activities")  # noqa: B904 (field_error chains it)
        _extra = None if len(src_dict) + _absent == 2 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is ActivitiesDetails:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.type = type_
            _self.activities = activities
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            type_,
            activities,
            _nulls,
            _extra,
        )


if TYPE_CHECKING:
    from ..models.mcp_list_tools_activity import MCPListToolsActivity
    from ..models.unknown_activity import UnknownActivity
else:
    UnknownActivity = Deferred(globals(), "unknown_activity", "UnknownActivity")

_VARIANTS_UnknownActivity: Variants[type[MCPListToolsActivity]] = Variants(
    {
        "mcp_list_tools": ("mcp_list_tools_activity", "MCPListToolsActivity"),
    }
)


def _parse_list_of_UnknownActivity(raw: list[Any]) -> list[MCPListToolsActivity | UnknownActivity]:
    items: list[MCPListToolsActivity | UnknownActivity] = []
    _value: MCPListToolsActivity | UnknownActivity
    # One handler for the loop: the failing item is the one after those already kept.
    try:
        for _item in raw:
            if isinstance(_item, dict):
                _type1 = _item.get("type")
                _value = (
                    (_VARIANTS_UnknownActivity.get(_type1) or _VARIANTS_UnknownActivity.load(_type1) or UnknownActivity)
                    if isinstance(_type1, str)
                    else UnknownActivity
                ).from_dict(_item)
            else:
                raise PayloadError(f"expected an object, got {json_type_name(_item)}")
            items.append(_value)
    except PayloadError as _exc:
        raise _exc.within(len(items)) from None
    return items
