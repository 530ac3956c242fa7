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
from ..models.coordinate_point import CoordinatePoint

_new = object.__new__
_KEYS: frozenset[str] = frozenset(
    (
        "type",
        "path",
    )
)


@_attrs_define
class DragAction(Model[Any]):
    """A drag along a path.

    Attributes:
        type (Literal['drag']):
        path (list[CoordinatePoint] | None):
    """

    type: Literal["drag"]
    path: list[CoordinatePoint] | None = None
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
        path = self.path
        if path is not None:
            _d["path"] = [_v0.to_dict() for _v0 in path]
        elif _n & 2:
            _d["path"] = None
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
        type_: Literal["drag"]
        try:
            _raw = src_dict["type"]
            if _raw != "drag":
                raise PayloadError(f"expected 'drag', got {_raw!r:.60}")
            type_ = _raw

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "type")  # noqa: B904 (field_error chains it)
        path: list[CoordinatePoint] | None
        try:
            _raw = src_dict.get("path")
            if _raw is None:
                path = None
                if "path" in src_dict:
                    _nulls |= 2
                else:
                    _absent += 1
            else:
                if not isinstance(_raw, list):
                    raise PayloadError(f"expected an array or null, got {json_type_name(_raw)}")
                else:
                    path = _parse_list_of_CoordinatePoint(_raw)

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "path")  # noqa: B904 (field_error chains it)
        _extra = None if len(src_dict) + _absent == 2 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is DragAction:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.type = type_
            _self.path = path
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            type_,
            path,
            _nulls,
            _extra,
        )


def _parse_list_of_CoordinatePoint(raw: list[Any]) -> list[CoordinatePoint]:
    items: list[CoordinatePoint] = []
    _value: CoordinatePoint
    # One handler for the loop: the failing item is the one after those already kept.
    try:
        for _item in raw:
            if type(_item) is not dict and not isinstance(_item, Mapping):
                raise PayloadError(f"expected an object, got {json_type_name(_item)}")
            _nulls2 = 0
            _absent2 = 0
            _value__x: int | None
            _value__x = _item.get("x")
            if _value__x is None:
                if "x" in _item:
                    _nulls2 |= 1
                else:
                    _absent2 += 1
            _value__y: int | None
            _value__y = _item.get("y")
            if _value__y is None:
                if "y" in _item:
                    _nulls2 |= 2
                else:
                    _absent2 += 1
            _extra2 = None if len(_item) + _absent2 == 2 else {k: v for k, v in _item.items() if k not in {"x", "y"}}
            _value = _new(CoordinatePoint)
            _value.x = _value__x
            _value.y = _value__y
            _value._nulls = _nulls2
            _value._extra = _extra2
            items.append(_value)
    except PayloadError as _exc:
        raise _exc.within(len(items)) from None
    return items
