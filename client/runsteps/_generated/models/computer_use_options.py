from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._model_base import (
    Model,
    PayloadError,
    extra_key,
    json_type_name,
)

_new = object.__new__
_KEYS: frozenset[str] = frozenset(
    (
        "display_width",
        "display_height",
        "environment",
    )
)


@_attrs_define
class ComputerUseOptions(Model[Any]):
    """ComputerUseOptions

    Attributes:
        display_width (int | None):
        display_height (int | None):
        environment (str | None): `windows`, `mac`, `linux` or `browser`.
    """

    display_width: int | None = None
    display_height: int | None = None
    environment: str | None = None
    # Which fields came as null (a bit each, by position), and keys the spec does not declare.
    _nulls: int = _attrs_field(default=0, repr=False, alias="_nulls")
    _extra: dict[str, Any] | None = _attrs_field(default=None, repr=False, eq=extra_key, alias="_extra")

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: what `from_dict` read, unchanged; fields set to None are left out."""
        _d: dict[str, Any] = {}
        _n = self._nulls
        display_width = self.display_width
        if display_width is not None:
            _d["display_width"] = display_width
        elif _n & 1:
            _d["display_width"] = None
        display_height = self.display_height
        if display_height is not None:
            _d["display_height"] = display_height
        elif _n & 2:
            _d["display_height"] = None
        environment = self.environment
        if environment is not None:
            _d["environment"] = environment
        elif _n & 4:
            _d["environment"] = None
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
        display_width: int | None
        display_width = src_dict.get("display_width")
        if display_width is None:
            if "display_width" in src_dict:
                _nulls |= 1
            else:
                _absent += 1
        display_height: int | None
        display_height = src_dict.get("display_height")
        if display_height is None:
            if "display_height" in src_dict:
                _nulls |= 2
            else:
                _absent += 1
        environment: str | None
        environment = src_dict.get("environment")
        if environment is None:
            if "environment" in src_dict:
                _nulls |= 4
            else:
                _absent += 1
        _extra = None if len(src_dict) + _absent == 3 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is ComputerUseOptions:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.display_width = display_width
            _self.display_height = display_height
            _self.environment = environment
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            display_width,
            display_height,
            environment,
            _nulls,
            _extra,
        )
