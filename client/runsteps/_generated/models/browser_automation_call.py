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
from ..models.browser_automation_step import BrowserAutomationStep

_new = object.__new__
_KEYS: frozenset[str] = frozenset(
    (
        "input",
        "output",
        "steps",
    )
)


@_attrs_define
class BrowserAutomationCall(Model[Any]):
    """BrowserAutomationCall

    Attributes:
        input (str | None):
        output (str | None):
        steps (list[BrowserAutomationStep] | None):
    """

    input: str | None = None
    output: str | None = None
    steps: list[BrowserAutomationStep] | None = None
    # Which fields came as null (a bit each, by position), and keys the spec does not declare.
    _nulls: int = _attrs_field(default=0, repr=False, alias="_nulls")
    _extra: dict[str, Any] | None = _attrs_field(default=None, repr=False, eq=extra_key, alias="_extra")

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: what `from_dict` read, unchanged; fields set to None are left out."""
        _d: dict[str, Any] = {}
        _n = self._nulls
        input_ = self.input
        if input_ is not None:
            _d["input"] = input_
        elif _n & 1:
            _d["input"] = None
        output = self.output
        if output is not None:
            _d["output"] = output
        elif _n & 2:
            _d["output"] = None
        steps = self.steps
        if steps is not None:
            _d["steps"] = [_v0.to_dict() for _v0 in steps]
        elif _n & 4:
            _d["steps"] = None
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
        input_: str | None
        input_ = src_dict.get("input")
        if input_ is None:
            if "input" in src_dict:
                _nulls |= 1
            else:
                _absent += 1
        output: str | None
        output = src_dict.get("output")
        if output is None:
            if "output" in src_dict:
                _nulls |= 2
            else:
                _absent += 1
        steps: list[BrowserAutomationStep] | None
        try:
            _raw = src_dict.get("steps")
            if _raw is None:
                steps = None
                if "steps" in src_dict:
                    _nulls |= 4
                else:
                    _absent += 1
            else:
                if not isinstance(_raw, list):
                    raise PayloadError(f"expected an array or null, got {json_type_name(_raw)}")
                else:
                    steps = _parse_list_of_BrowserAutomationStep(_raw)

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "steps")  # noqa: B904 (field_error chains it)
        _extra = None if len(src_dict) + _absent == 3 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is BrowserAutomationCall:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.input = input_
            _self.output = output
            _self.steps = steps
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            input_,
            output,
            steps,
            _nulls,
            _extra,
        )


def _parse_list_of_BrowserAutomationStep(raw: list[Any]) -> list[BrowserAutomationStep]:
    items: list[BrowserAutomationStep] = []
    _value: BrowserAutomationStep
    # One handler for the loop: the failing item is the one after those already kept.
    try:
        for _item in raw:
            if type(_item) is not dict and not isinstance(_item, Mapping):
                raise PayloadError(f"expected an object, got {json_type_name(_item)}")
            _nulls2 = 0
            _absent2 = 0
            _value__last_step_result: str | None
            _value__last_step_result = _item.get("last_step_result")
            if _value__last_step_result is None:
                if "last_step_result" in _item:
                    _nulls2 |= 1
                else:
                    _absent2 += 1
            _value__current_state: str | None
            _value__current_state = _item.get("current_state")
            if _value__current_state is None:
                if "current_state" in _item:
                    _nulls2 |= 2
                else:
                    _absent2 += 1
            _value__next_step: str | None
            _value__next_step = _item.get("next_step")
            if _value__next_step is None:
                if "next_step" in _item:
                    _nulls2 |= 4
                else:
                    _absent2 += 1
            _extra2 = (
                None
                if len(_item) + _absent2 == 3
                else {k: v for k, v in _item.items() if k not in {"last_step_result", "current_state", "next_step"}}
            )
            _value = _new(BrowserAutomationStep)
            _value.last_step_result = _value__last_step_result
            _value.current_state = _value__current_state
            _value.next_step = _value__next_step
            _value._nulls = _nulls2
            _value._extra = _extra2
            items.append(_value)
    except PayloadError as _exc:
        raise _exc.within(len(items)) from None
    return items
