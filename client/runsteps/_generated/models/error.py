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
from ..models.inner_error import InnerError

_new = object.__new__
_KEYS: frozenset[str] = frozenset(
    (
        "message",
        "type",
        "param",
        "code",
        "inner_error",
    )
)


@_attrs_define
class Error(Model[Any]):
    """`param` and `code` are often null; `type` takes values beyond the documented ones; Azure sends `code` as a
    string such as `"404"` or `"PermissionDenied"`, often without `type`.

    Attributes:
        message (str | None):
        type (str | None):
        param (str | None):
        code (str | int | None):
        inner_error (InnerError | None): Azure's details of an error, kept as sent.
    """

    message: str | None = None
    type: str | None = None
    param: str | None = None
    code: str | int | None = None
    inner_error: InnerError | None = None
    # Which fields came as null (a bit each, by position), and keys the spec does not declare.
    _nulls: int = _attrs_field(default=0, repr=False, alias="_nulls")
    _extra: dict[str, Any] | None = _attrs_field(default=None, repr=False, eq=extra_key, alias="_extra")

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: what `from_dict` read, unchanged; fields set to None are left out."""
        _d: dict[str, Any] = {}
        _n = self._nulls
        message = self.message
        if message is not None:
            _d["message"] = message
        elif _n & 1:
            _d["message"] = None
        type_ = self.type
        if type_ is not None:
            _d["type"] = type_
        elif _n & 2:
            _d["type"] = None
        param = self.param
        if param is not None:
            _d["param"] = param
        elif _n & 4:
            _d["param"] = None
        code = self.code
        if code is not None:
            _d["code"] = code
        elif _n & 8:
            _d["code"] = None
        inner_error = self.inner_error
        if inner_error is not None:
            _d["inner_error"] = inner_error.to_dict()
        elif _n & 16:
            _d["inner_error"] = None
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
        message: str | None
        message = src_dict.get("message")
        if message is None:
            if "message" in src_dict:
                _nulls |= 1
            else:
                _absent += 1
        type_: str | None
        type_ = src_dict.get("type")
        if type_ is None:
            if "type" in src_dict:
                _nulls |= 2
            else:
                _absent += 1
        param: str | None
        param = src_dict.get("param")
        if param is None:
            if "param" in src_dict:
                _nulls |= 4
            else:
                _absent += 1
        code: str | int | None
        code = src_dict.get("code")
        if code is None:
            if "code" in src_dict:
                _nulls |= 8
            else:
                _absent += 1
        inner_error: InnerError | None
        try:
            _raw = src_dict.get("inner_error")
            if _raw is None:
                inner_error = None
                if "inner_error" in src_dict:
                    _nulls |= 16
                else:
                    _absent += 1
            else:
                if type(_raw) is not dict and not isinstance(_raw, Mapping):
                    raise PayloadError(f"expected an object, got {json_type_name(_raw)}")
                _nulls1 = 0
                _absent1 = 0
                _extra1 = None if len(_raw) + _absent1 == 0 else dict(_raw)
                inner_error = _new(InnerError)
                inner_error._nulls = _nulls1
                inner_error._extra = _extra1

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "inner_error")  # noqa: B904 (field_error chains it)
        _extra = None if len(src_dict) + _absent == 5 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is Error:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.message = message
            _self.type = type_
            _self.param = param
            _self.code = code
            _self.inner_error = inner_error
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            message,
            type_,
            param,
            code,
            inner_error,
            _nulls,
            _extra,
        )
