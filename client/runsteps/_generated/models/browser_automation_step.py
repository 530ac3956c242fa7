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
        "last_step_result",
        "current_state",
        "next_step",
    )
)


@_attrs_define
class BrowserAutomationStep(Model[Any]):
    """BrowserAutomationStep

    Attributes:
        last_step_result (str | None):
        current_state (str | None):
        next_step (str | None):
    """

    last_step_result: str | None = None
    current_state: str | None = None
    next_step: str | None = None
    # Which fields came as null (a bit each, by position), and keys the spec does not declare.
    _nulls: int = _attrs_field(default=0, repr=False, alias="_nulls")
    _extra: dict[str, Any] | None = _attrs_field(default=None, repr=False, eq=extra_key, alias="_extra")

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: what `from_dict` read, unchanged; fields set to None are left out."""
        _d: dict[str, Any] = {}
        _n = self._nulls
        last_step_result = self.last_step_result
        if last_step_result is not None:
            _d["last_step_result"] = last_step_result
        elif _n & 1:
            _d["last_step_result"] = None
        current_state = self.current_state
        if current_state is not None:
            _d["current_state"] = current_state
        elif _n & 2:
            _d["current_state"] = None
        next_step = self.next_step
        if next_step is not None:
            _d["next_step"] = next_step
        elif _n & 4:
            _d["next_step"] = None
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
        last_step_result: str | None
        last_step_result = src_dict.get("last_step_result")
        if last_step_result is None:
            if "last_step_result" in src_dict:
                _nulls |= 1
            else:
                _absent += 1
        current_state: str | None
        current_state = src_dict.get("current_state")
        if current_state is None:
            if "current_state" in src_dict:
                _nulls |= 2
            else:
                _absent += 1
        next_step: str | None
        next_step = src_dict.get("next_step")
        if next_step is None:
            if "next_step" in src_dict:
                _nulls |= 4
            else:
                _absent += 1
        _extra = None if len(src_dict) + _absent == 3 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is BrowserAutomationStep:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.last_step_result = last_step_result
            _self.current_state = current_state
            _self.next_step = next_step
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            last_step_result,
            current_state,
            next_step,
            _nulls,
            _extra,
        )
