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
from ..models.last_error_code import _MEMBERS as _last_error_code
from ..models.last_error_code import LastErrorCode

_new = object.__new__
_KEYS: frozenset[str] = frozenset(
    (
        "code",
        "message",
    )
)


@_attrs_define
class LastError(Model[Any]):
    """LastError

    Attributes:
        code (LastErrorCode | str | None):
        message (str | None):
    """

    code: LastErrorCode | str | None = None
    message: str | None = None
    # Which fields came as null (a bit each, by position), and keys the spec does not declare.
    _nulls: int = _attrs_field(default=0, repr=False, alias="_nulls")
    _extra: dict[str, Any] | None = _attrs_field(default=None, repr=False, eq=extra_key, alias="_extra")

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: what `from_dict` read, unchanged; fields set to None are left out."""
        _d: dict[str, Any] = {}
        _n = self._nulls
        code = self.code
        if code is not None:
            _d["code"] = str(code)
        elif _n & 1:
            _d["code"] = None
        message = self.message
        if message is not None:
            _d["message"] = message
        elif _n & 2:
            _d["message"] = None
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
        code: LastErrorCode | str | None
        try:
            _raw = src_dict.get("code")
            if _raw is None:
                code = None
                if "code" in src_dict:
                    _nulls |= 1
                else:
                    _absent += 1
            else:
                try:
                    code = _last_error_code[_raw]
                except (KeyError, TypeError):
                    if not isinstance(_raw, str):
                        raise PayloadError(f"expected a string or null, got {json_type_name(_raw)}") from None
                    code = _raw

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "code")  # noqa: B904 (field_error chains it)
        message: str | None
        message = src_dict.get("message")
        if message is None:
            if "message" in src_dict:
                _nulls |= 2
            else:
                _absent += 1
        _extra = None if len(src_dict) + _absent == 2 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is LastError:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.code = code
            _self.message = message
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            code,
            message,
            _nulls,
            _extra,
        )
