from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._model_base import (
    FIELD_FAILURES,
    Deferred,
    Model,
    PayloadError,
    extra_key,
    field_error,
    json_type_name,
)

_new = object.__new__
_KEYS: frozenset[str] = frozenset(
    (
        "index",
        "id",
        "type",
        "computer_use_preview",
    )
)


@_attrs_define
class ComputerUseToolCall(Model[Any]):
    """Azure AI Agents' computer use, an action on a screen and the screenshot after it.

    Attributes:
        index (int | None): The call's position in the step; sent in deltas only.
        id (str | None):
        type (Literal['computer_use_preview']):
        computer_use_preview (ComputerUseCall | None):
    """

    type: Literal["computer_use_preview"]
    index: int | None = None
    id: str | None = None
    computer_use_preview: ComputerUseCall | None = None
    # Which fields came as null (a bit each, by position), and keys the spec does not declare.
    _nulls: int = _attrs_field(default=0, repr=False, alias="_nulls")
    _extra: dict[str, Any] | None = _attrs_field(default=None, repr=False, eq=extra_key, alias="_extra")

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: what `from_dict` read, unchanged; fields set to None are left out."""
        _d: dict[str, Any] = {}
        _n = self._nulls
        index = self.index
        if index is not None:
            _d["index"] = index
        elif _n & 1:
            _d["index"] = None
        id = self.id
        if id is not None:
            _d["id"] = id
        elif _n & 2:
            _d["id"] = None
        type_ = self.type
        if type_ is not None:
            _d["type"] = type_
        elif _n & 4:
            _d["type"] = None
        computer_use_preview = self.computer_use_preview
        if computer_use_preview is not None:
            _d["computer_use_preview"] = computer_use_preview.to_dict()
        elif _n & 8:
            _d["computer_use_preview"] = None
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
        index: int | None
        index = src_dict.get("index")
        if index is None:
            if "index" in src_dict:
                _nulls |= 1
            else:
                _absent += 1
        id: str | None
        id = src_dict.get("id")
        if id is None:
            if "id" in src_dict:
                _nulls |= 2
            else:
                _absent += 1
        type_: Literal["computer_use_preview"]
        try:
            _raw = src_dict["type"]
            if _raw != "computer_use_preview":
                raise PayloadError(f"expected 'computer_use_preview', got {_raw!r:.60}")
            type_ = _raw

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "type")  # noqa: B904 (field_error chains it)
        computer_use_preview: ComputerUseCall | None
        try:
            _raw = src_dict.get("computer_use_preview")
            if _raw is None:
                computer_use_preview = None
                if "computer_use_preview" in src_dict:
                    _nulls |= 8
                else:
                    _absent += 1
            else:
                computer_use_preview = ComputerUseCall.from_dict(_raw)

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "computer_use_preview")  # noqa: B904 (field_error chains it)
        _extra = None if len(src_dict) + _absent == 4 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is ComputerUseToolCall:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.index = index
            _self.id = id
            _self.type = type_
            _self.computer_use_preview = computer_use_preview
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            type_,
            index,
            id,
            computer_use_preview,
            _nulls,
            _extra,
        )


if TYPE_CHECKING:
    from ..models.computer_use_call import ComputerUseCall
else:
    ComputerUseCall = Deferred(globals(), "computer_use_call", "ComputerUseCall")
