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
    extra_key,
    field_error,
    json_type_name,
)
from ..models.list_object_name import _MEMBERS as _list_object_name
from ..models.list_object_name import ListObjectName

_new = object.__new__
_KEYS: frozenset[str] = frozenset(
    (
        "object",
        "data",
        "first_id",
        "last_id",
        "has_more",
    )
)


@_attrs_define
class RunStepList(Model[Any]):
    """A page of run steps. An empty page has null cursors; Azure AI Agents pages have no `object` and no `first_id`.

    Attributes:
        object (ListObjectName | str | None):
        data (list[RunStep]):
        first_id (str | None):
        last_id (str | None):
        has_more (bool | None):
    """

    data: list[RunStep]
    object: ListObjectName | str | None = None
    first_id: str | None = None
    last_id: str | None = None
    has_more: bool | None = None
    # Which fields came as null (a bit each, by position), and keys the spec does not declare.
    _nulls: int = _attrs_field(default=0, repr=False, alias="_nulls")
    _extra: dict[str, Any] | None = _attrs_field(default=None, repr=False, eq=extra_key, alias="_extra")

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: what `from_dict` read, unchanged; fields set to None are left out."""
        _d: dict[str, Any] = {}
        _n = self._nulls
        object_ = self.object
        if object_ is not None:
            _d["object"] = str(object_)
        elif _n & 1:
            _d["object"] = None
        data = self.data
        if data is not None:
            _d["data"] = [_v0.to_dict() for _v0 in data]
        elif _n & 2:
            _d["data"] = None
        first_id = self.first_id
        if first_id is not None:
            _d["first_id"] = first_id
        elif _n & 4:
            _d["first_id"] = None
        last_id = self.last_id
        if last_id is not None:
            _d["last_id"] = last_id
        elif _n & 8:
            _d["last_id"] = None
        has_more = self.has_more
        if has_more is not None:
            _d["has_more"] = has_more
        elif _n & 16:
            _d["has_more"] = None
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
        object_: ListObjectName | str | None
        try:
            _raw = src_dict.get("object")
            if _raw is None:
                object_ = None
                if "object" in src_dict:
                    _nulls |= 1
                else:
                    _absent += 1
            else:
                try:
                    object_ = _list_object_name[_raw]
                except (KeyError, TypeError):
                    if not isinstance(_raw, str):
                        raise PayloadError(f"expected a string or null, got {json_type_name(_raw)}") from None
                    object_ = _raw

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "object")  # noqa: B904 (field_error chains it)
        data: list[RunStep]
        try:
            _raw = src_dict["data"]
            if not isinstance(_raw, list):
                raise PayloadError(f"expected an array, got {json_type_name(_raw)}")
            else:
                data = _parse_list_of_RunStep(_raw)

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "data")  # noqa: B904 (field_error chains it)
        first_id: str | None
        first_id = src_dict.get("first_id")
        if first_id is None:
            if "first_id" in src_dict:
                _nulls |= 4
            else:
                _absent += 1
        last_id: str | None
        last_id = src_dict.get("last_id")
        if last_id is None:
            if "last_id" in src_dict:
                _nulls |= 8
            else:
                _absent += 1
        has_more: bool | None
        has_more = src_dict.get("has_more")
        if has_more is None:
            if "has_more" in src_dict:
                _nulls |= 16
            else:
                _absent += 1
        _extra = None if len(src_dict) + _absent == 5 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is RunStepList:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.object = object_
            _self.data = data
            _self.first_id = first_id
            _self.last_id = last_id
            _self.has_more = has_more
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            data,
            object_,
            first_id,
            last_id,
            has_more,
            _nulls,
            _extra,
        )


if TYPE_CHECKING:
    from ..models.run_step import RunStep
else:
    RunStep = Deferred(globals(), "run_step", "RunStep")


def _parse_list_of_RunStep(raw: list[Any]) -> list[RunStep]:
    items: list[RunStep] = []
    _value: RunStep
    # One handler for the loop: the failing item is the one after those already kept.
    try:
        for _item in raw:
            _value = RunStep.from_dict(_item)
            items.append(_value)
    except PayloadError as _exc:
        raise _exc.within(len(items)) from None
    return items
