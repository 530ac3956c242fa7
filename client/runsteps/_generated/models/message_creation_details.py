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
from ..models.message_creation import MessageCreation

_new = object.__new__
_KEYS: frozenset[str] = frozenset(
    (
        "type",
        "message_creation",
    )
)


@_attrs_define
class MessageCreationDetails(Model[Any]):
    """MessageCreationDetails

    Attributes:
        type (Literal['message_creation']):
        message_creation (MessageCreation | None):
    """

    type: Literal["message_creation"]
    message_creation: MessageCreation | None = None
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
        message_creation = self.message_creation
        if message_creation is not None:
            _d["message_creation"] = message_creation.to_dict()
        elif _n & 2:
            _d["message_creation"] = None
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
        type_: Literal["message_creation"]
        try:
            _raw = src_dict["type"]
            if _raw != "message_creation":
                raise PayloadError(f"expected 'message_creation', got {_raw!r:.60}")
            type_ = _raw

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "type")  # noqa: B904 (field_error chains it)
        message_creation: MessageCreation | None
        try:
            _raw = src_dict.get("message_creation")
            if _raw is None:
                message_creation = None
                if "message_creation" in src_dict:
                    _nulls |= 2
                else:
                    _absent += 1
            else:
                if type(_raw) is not dict and not isinstance(_raw, Mapping):
                    raise PayloadError(f"expected an object, got {json_type_name(_raw)}")
                _nulls1 = 0
                _absent1 = 0
                _message_creation__message_id: str | None
                _message_creation__message_id = _raw.get("message_id")
                if _message_creation__message_id is None:
                    if "message_id" in _raw:
                        _nulls1 |= 1
                    else:
                        _absent1 += 1
                _extra1 = (
                    None if len(_raw) + _absent1 == 1 else {k: v for k, v in _raw.items() if k not in {"message_id"}}
                )
                message_creation = _new(MessageCreation)
                message_creation.message_id = _message_creation__message_id
                message_creation._nulls = _nulls1
                message_creation._extra = _extra1

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "message_creation")  # noqa: B904 (field_error chains it)
        _extra = None if len(src_dict) + _absent == 2 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is MessageCreationDetails:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.type = type_
            _self.message_creation = message_creation
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            type_,
            message_creation,
            _nulls,
            _extra,
        )
