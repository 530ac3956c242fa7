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
from ..models.error import Error
from ..models.inner_error import InnerError

_new = object.__new__
_KEYS: frozenset[str] = frozenset(
    (
        "error",
        "statusCode",
        "message",
    )
)


@_attrs_define
class ErrorResponse(Model[Any]):
    """An error body. OpenAI and Azure nest the error under `error`; a gateway in front of Azure answers with
    `statusCode` and `message` at the top.

    Attributes:
        error (Error | None): `param` and `code` are often null; `type` takes values beyond the documented ones; Azure sends
            `code` as a string such as `"404"` or `"PermissionDenied"`, often without `type`.
        statusCode (int | None):
        message (str | None):
    """

    error: Error | None = None
    statusCode: int | None = None
    message: str | None = None
    # Which fields came as null (a bit each, by position), and keys the spec does not declare.
    _nulls: int = _attrs_field(default=0, repr=False, alias="_nulls")
    _extra: dict[str, Any] | None = _attrs_field(default=None, repr=False, eq=extra_key, alias="_extra")

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: what `from_dict` read, unchanged; fields set to None are left out."""
        _d: dict[str, Any] = {}
        _n = self._nulls
        error = self.error
        if error is not None:
            _d["error"] = error.to_dict()
        elif _n & 1:
            _d["error"] = None
        status_code = self.statusCode
        if status_code is not None:
            _d["statusCode"] = status_code
        elif _n & 2:
            _d["statusCode"] = None
        message = self.message
        if message is not None:
            _d["message"] = message
        elif _n & 4:
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
        error: Error | None
        try:
            _raw = src_dict.get("error")
            if _raw is None:
                error = None
                if "error" in src_dict:
                    _nulls |= 1
                else:
                    _absent += 1
            else:
                if type(_raw) is not dict and not isinstance(_raw, Mapping):
                    raise PayloadError(f"expected an object, got {json_type_name(_raw)}")
                _nulls1 = 0
                _absent1 = 0
                _error__message: str | None
                _error__message = _raw.get("message")
                if _error__message is None:
                    if "message" in _raw:
                        _nulls1 |= 1
                    else:
                        _absent1 += 1
                _error__type_: str | None
                _error__type_ = _raw.get("type")
                if _error__type_ is None:
                    if "type" in _raw:
                        _nulls1 |= 2
                    else:
                        _absent1 += 1
                _error__param: str | None
                _error__param = _raw.get("param")
                if _error__param is None:
                    if "param" in _raw:
                        _nulls1 |= 4
                    else:
                        _absent1 += 1
                _error__code: str | int | None
                _error__code = _raw.get("code")
                if _error__code is None:
                    if "code" in _raw:
                        _nulls1 |= 8
                    else:
                        _absent1 += 1
                _error__inner_error: InnerError | None
                try:
                    _raw1 = _raw.get("inner_error")
                    if _raw1 is None:
                        _error__inner_error = None
                        if "inner_error" in _raw:
                            _nulls1 |= 16
                        else:
                            _absent1 += 1
                    else:
                        if type(_raw1) is not dict and not isinstance(_raw1, Mapping):
                            raise PayloadError(f"expected an object, got {json_type_name(_raw1)}")
                        _nulls2 = 0
                        _absent2 = 0
                        _extra2 = None if len(_raw1) + _absent2 == 0 else dict(_raw1)
                        _error__inner_error = _new(InnerError)
                        _error__inner_error._nulls = _nulls2
                        _error__inner_error._extra = _extra2

                except FIELD_FAILURES as _exc:
                    raise field_error(_exc, "inner_error")  # noqa: B904 (field_error chains it)
                _extra1 = (
                    None
                    if len(_raw) + _absent1 == 5
                    else {k: v for k, v in _raw.items() if k not in {"message", "type", "param", "code", "inner_error"}}
                )
                error = _new(Error)
                error.message = _error__message
                error.type = _error__type_
                error.param = _error__param
                error.code = _error__code
                error.inner_error = _error__inner_error
                error._nulls = _nulls1
                error._extra = _extra1

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "error")  # noqa: B904 (field_error chains it)
        status_code: int | None
        status_code = src_dict.get("statusCode")
        if status_code is None:
            if "statusCode" in src_dict:
                _nulls |= 2
            else:
                _absent += 1
        message: str | None
        message = src_dict.get("message")
        if message is None:
            if "message" in src_dict:
                _nulls |= 4
            else:
                _absent += 1
        _extra = None if len(src_dict) + _absent == 3 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is ErrorResponse:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.error = error
            _self.statusCode = status_code
            _self.message = message
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            error,
            status_code,
            message,
            _nulls,
            _extra,
        )
