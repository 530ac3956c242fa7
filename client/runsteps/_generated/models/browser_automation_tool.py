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
from ..models.browser_automation_connection import BrowserAutomationConnection
from ..models.browser_automation_options import BrowserAutomationOptions

_new = object.__new__
_KEYS: frozenset[str] = frozenset(
    (
        "type",
        "browser_automation",
    )
)


@_attrs_define
class BrowserAutomationTool(Model[Any]):
    """A browser the agent drives.

    Attributes:
        type (Literal['browser_automation']):
        browser_automation (BrowserAutomationOptions | None):
    """

    type: Literal["browser_automation"]
    browser_automation: BrowserAutomationOptions | None = None
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
        browser_automation = self.browser_automation
        if browser_automation is not None:
            _d["browser_automation"] = browser_automation.to_dict()
        elif _n & 2:
            _d["browser_automation"] = None
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
        type_: Literal["browser_automation"]
        try:
            _raw = src_dict["type"]
            if _raw != "browser_automation":
                raise PayloadError(f"expected 'browser_automation', got {_raw!r:.60}")
            type_ = _raw

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "type")  # noqa: B904 (field_error chains it)
        browser_automation: BrowserAutomationOptions | None
        try:
            _raw = src_dict.get("browser_automation")
            if _raw is None:
                browser_automation = None
                if "browser_automation" in src_dict:
                    _nulls |= 2
                else:
                    _absent += 1
            else:
                if type(_raw) is not dict and not isinstance(_raw, Mapping):
                    raise PayloadError(f"expected an object, got {json_type_name(_raw)}")
                _nulls1 = 0
                _absent1 = 0
                _browser_automation__connection: BrowserAutomationConnection | None
                try:
                    _raw1 = _raw.get("connection")
                    if _raw1 is None:
                        _browser_automation__connection = None
                        if "connection" in _raw:
                            _nulls1 |= 1
                        else:
                            _absent1 += 1
                    else:
                        if type(_raw1) is not dict and not isinstance(_raw1, Mapping):
                            raise PayloadError(f"expected an object, got {json_type_name(_raw1)}")
                        _nulls2 = 0
                        _absent2 = 0
                        _browser_automation__connection__id: str | None
                        _browser_automation__connection__id = _raw1.get("id")
                        if _browser_automation__connection__id is None:
                            if "id" in _raw1:
                                _nulls2 |= 1
                            else:
                                _absent2 += 1
                        _extra2 = (
                            None if len(_raw1) + _absent2 == 1 else {k: v for k, v in _raw1.items() if k not in {"id"}}
                        )
                        _browser_automation__connection = _new(BrowserAutomationConnection)
                        _browser_automation__connection.id = _browser_automation__connection__id
                        _browser_automation__connection._nulls = _nulls2
                        _browser_automation__connection._extra = _extra2

                except FIELD_FAILURES as _exc:
                    raise field_error(_exc, "connection")  # noqa: B904 (field_error chains it)
                _extra1 = (
                    None if len(_raw) + _absent1 == 1 else {k: v for k, v in _raw.items() if k not in {"connection"}}
                )
                browser_automation = _new(BrowserAutomationOptions)
                browser_automation.connection = _browser_automation__connection
                browser_automation._nulls = _nulls1
                browser_automation._extra = _extra1

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "browser_automation")  # noqa: B904 (field_error chains it)
        _extra = None if len(src_dict) + _absent == 2 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is BrowserAutomationTool:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.type = type_
            _self.browser_automation = browser_automation
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            type_,
            browser_automation,
            _nulls,
            _extra,
        )
