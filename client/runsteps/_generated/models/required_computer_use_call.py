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
    Variants,
    extra_key,
    field_error,
    json_type_name,
)
from ..models.safety_check import SafetyCheck

_new = object.__new__
_KEYS: frozenset[str] = frozenset(
    (
        "action",
        "pending_safety_checks",
    )
)


@_attrs_define
class RequiredComputerUseCall(Model[Any]):
    """RequiredComputerUseCall

    Attributes:
        action (ClickAction | DoubleClickAction | DragAction | KeypressAction | MoveAction | ScreenshotAction | ScrollAction | TypeAction | WaitAction | UnknownComputerAction | None):
        pending_safety_checks (list[SafetyCheck] | None):
    """

    action: (
        ClickAction
        | DoubleClickAction
        | DragAction
        | KeypressAction
        | MoveAction
        | ScreenshotAction
        | ScrollAction
        | TypeAction
        | WaitAction
        | UnknownComputerAction
        | None
    ) = None
    pending_safety_checks: list[SafetyCheck] | None = None
    # Which fields came as null (a bit each, by position), and keys the spec does not declare.
    _nulls: int = _attrs_field(default=0, repr=False, alias="_nulls")
    _extra: dict[str, Any] | None = _attrs_field(default=None, repr=False, eq=extra_key, alias="_extra")

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: what `from_dict` read, unchanged; fields set to None are left out."""
        _d: dict[str, Any] = {}
        _n = self._nulls
        action = self.action
        if action is not None:
            _d["action"] = action.to_dict()
        elif _n & 1:
            _d["action"] = None
        pending_safety_checks = self.pending_safety_checks
        if pending_safety_checks is not None:
            _d["pending_safety_checks"] = [_v0.to_dict() for _v0 in pending_safety_checks]
        elif _n & 2:
            _d["pending_safety_checks"] = None
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
        action: (
            ClickAction
            | DoubleClickAction
            | DragAction
            | KeypressAction
            | MoveAction
            | ScreenshotAction
            | ScrollAction
            | TypeAction
            | WaitAction
            | UnknownComputerAction
            | None
        )
        try:
            _raw = src_dict.get("action")
            if _raw is None:
                action = None
                if "action" in src_dict:
                    _nulls |= 1
                else:
                    _absent += 1
            else:
                if isinstance(_raw, dict):
                    _type0 = _raw.get("type")
                    action = (
                        (
                            _VARIANTS_UnknownComputerAction.get(_type0)
                            or _VARIANTS_UnknownComputerAction.load(_type0)
                            or UnknownComputerAction
                        )
                        if isinstance(_type0, str)
                        else UnknownComputerAction
                    ).from_dict(_raw)
                else:
                    raise PayloadError(f"expected an object or null, got {json_type_name(_raw)}")

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "action")  # noqa: B904 (field_error chains it)
        pending_safety_checks: list[SafetyCheck] | None
        try:
            _raw = src_dict.get("pending_safety_checks")
            if _raw is None:
                pending_safety_checks = None
                if "pending_safety_checks" in src_dict:
                    _nulls |= 2
                else:
                    _absent += 1
            else:
                if not isinstance(_raw, list):
                    raise PayloadError(f"expected an array or null, got {json_type_name(_raw)}")
                else:
                    pending_safety_checks = _parse_list_of_SafetyCheck(_raw)

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "pending_safety_checks")  # noqa: B904 (field_error chains it)
        _extra = None if len(src_dict) + _absent == 2 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is RequiredComputerUseCall:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.action = action
            _self.pending_safety_checks = pending_safety_checks
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            action,
            pending_safety_checks,
            _nulls,
            _extra,
        )


if TYPE_CHECKING:
    from ..models.click_action import ClickAction
    from ..models.double_click_action import DoubleClickAction
    from ..models.drag_action import DragAction
    from ..models.keypress_action import KeypressAction
    from ..models.move_action import MoveAction
    from ..models.screenshot_action import ScreenshotAction
    from ..models.scroll_action import ScrollAction
    from ..models.type_action import TypeAction
    from ..models.unknown_computer_action import UnknownComputerAction
    from ..models.wait_action import WaitAction
else:
    UnknownComputerAction = Deferred(globals(), "unknown_computer_action", "UnknownComputerAction")

_VARIANTS_UnknownComputerAction: Variants[
    type[ClickAction]
    | type[DoubleClickAction]
    | type[DragAction]
    | type[KeypressAction]
    | type[MoveAction]
    | type[ScreenshotAction]
    | type[ScrollAction]
    | type[TypeAction]
    | type[WaitAction]
] = Variants(
    {
        "click": ("click_action", "ClickAction"),
        "double_click": ("double_click_action", "DoubleClickAction"),
        "drag": ("drag_action", "DragAction"),
        "keypress": ("keypress_action", "KeypressAction"),
        "move": ("move_action", "MoveAction"),
        "screenshot": ("screenshot_action", "ScreenshotAction"),
        "scroll": ("scroll_action", "ScrollAction"),
        "type": ("type_action", "TypeAction"),
        "wait": ("wait_action", "WaitAction"),
    }
)


def _parse_list_of_SafetyCheck(raw: list[Any]) -> list[SafetyCheck]:
    items: list[SafetyCheck] = []
    _value: SafetyCheck
    # One handler for the loop: the failing item is the one after those already kept.
    try:
        for _item in raw:
            if type(_item) is not dict and not isinstance(_item, Mapping):
                raise PayloadError(f"expected an object, got {json_type_name(_item)}")
            _nulls2 = 0
            _absent2 = 0
            _value__id: str | None
            _value__id = _item.get("id")
            if _value__id is None:
                if "id" in _item:
                    _nulls2 |= 1
                else:
                    _absent2 += 1
            _value__code: str | None
            _value__code = _item.get("code")
            if _value__code is None:
                if "code" in _item:
                    _nulls2 |= 2
                else:
                    _absent2 += 1
            _value__message: str | None
            _value__message = _item.get("message")
            if _value__message is None:
                if "message" in _item:
                    _nulls2 |= 4
                else:
                    _absent2 += 1
            _extra2 = (
                None
                if len(_item) + _absent2 == 3
                else {k: v for k, v in _item.items() if k not in {"id", "code", "message"}}
            )
            _value = _new(SafetyCheck)
            _value.id = _value__id
            _value.code = _value__code
            _value.message = _value__message
            _value._nulls = _nulls2
            _value._extra = _extra2
            items.append(_value)
    except PayloadError as _exc:
        raise _exc.within(len(items)) from None
    return items
