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
from ..models.truncation_type import _MEMBERS as _truncation_type
from ..models.truncation_type import TruncationType

_new = object.__new__
_KEYS: frozenset[str] = frozenset(
    (
        "type",
        "last_messages",
    )
)


@_attrs_define
class TruncationStrategy(Model[Any]):
    """TruncationStrategy

    Attributes:
        type (TruncationType | str | None):
        last_messages (int | None):
    """

    type: TruncationType | str | None = None
    last_messages: int | None = None
    # Which fields came as null (a bit each, by position), and keys the spec does not declare.
    _nulls: int = _attrs_field(default=0, repr=False, alias="_nulls")
    _extra: dict[str, Any] | None = _attrs_field(default=None, repr=False, eq=extra_key, alias="_extra")

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: what `from_dict` read, unchanged; fields set to None are left out."""
        _d: dict[str, Any] = {}
        _n = self._nulls
        type_ = self.type
        if type_ is not None:
            _d["type"] = str(type_)
        elif _n & 1:
            _d["type"] = None
        last_messages = self.last_messages
        if last_messages is not None:
            _d["last_messages"] = last_messages
        elif _n & 2:
            _d["last_messages"] = None
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
        type_: TruncationType | str | None
        try:
            _raw = src_dict.get("type")
            if _raw is None:
                type_ = None
                if "type" in src_dict:
                    _nulls |= 1
                else:
                    _absent += 1
            else:
                try:
                    type_ = _truncation_type[_raw]
                except (KeyError, TypeError):
                    if not isinstance(_raw, str):
                        raise PayloadError(f"expected a string or null, got {json_type_name(_raw)}") from None
                    type_ = _raw

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "type")  # noqa: B904 (field_error chains it)
        last_messages: int | None
        last_messages = src_dict.get("last_messages")
        if last_messages is None:
            if "last_messages" in src_dict:
                _nulls |= 2
            else:
                _absent += 1
        _extra = None if len(src_dict) + _absent == 2 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is TruncationStrategy:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.type = type_
            _self.last_messages = last_messages
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            type_,
            last_messages,
            _nulls,
            _extra,
        )
