from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._model_base import (
    FIELD_FAILURES,
    Model,
    PayloadError,
    describe_value,
    extra_key,
    field_error,
    json_type_name,
)
from ..models.list_order import ListOrderLiteral

_new = object.__new__
_KEYS: frozenset[str] = frozenset(
    (
        "limit",
        "order",
        "after",
        "before",
    )
)


@_attrs_define
class ListThreadsQuery(Model[Any]):
    """The query parameters of `listThreads` as one object, checked before sending. A field left out is not sent.

    Attributes:
        limit (int | None): The page size, from 1 to 100 (the server's default is 20).
        order (ListOrderLiteral | None): Sort order by `created_at`.
        after (str | None): An object id; the page starts after it. Never sent with `before`.
        before (str | None): An object id; the page ends before it. Never sent with `after`.
    """

    limit: int | None = None
    order: ListOrderLiteral | None = None
    after: str | None = None
    before: str | None = None
    # Which fields came as null (a bit each, by position), and keys the spec does not declare.
    _nulls: int = _attrs_field(default=0, repr=False, alias="_nulls")
    _extra: dict[str, Any] | None = _attrs_field(default=None, repr=False, eq=extra_key, alias="_extra")

    def __attrs_post_init__(self) -> None:
        if self.limit is not None and (type(self.limit) is not int or self.limit < 1 or self.limit > 100):
            raise ValueError(f"limit must be an integer from 1 to 100, got {describe_value(self.limit)}")

        if self.order is not None and self.order not in ["asc", "desc"]:
            raise ValueError(f"order must be 'asc' or 'desc', got {describe_value(self.order)}")

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: what `from_dict` read, unchanged; fields set to None are left out."""
        _d: dict[str, Any] = {}
        _n = self._nulls
        limit = self.limit
        if limit is not None:
            _d["limit"] = limit
        elif _n & 1:
            _d["limit"] = None
        order = self.order
        if order is not None:
            _d["order"] = order
        elif _n & 2:
            _d["order"] = None
        after = self.after
        if after is not None:
            _d["after"] = after
        elif _n & 4:
            _d["after"] = None
        before = self.before
        if before is not None:
            _d["before"] = before
        elif _n & 8:
            _d["before"] = None
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
        limit: int | None
        limit = src_dict.get("limit")
        if limit is None:
            if "limit" in src_dict:
                _nulls |= 1
            else:
                _absent += 1
        order: ListOrderLiteral | None
        try:
            _raw = src_dict.get("order")
            if _raw is None:
                order = None
                if "order" in src_dict:
                    _nulls |= 2
                else:
                    _absent += 1
            else:
                if _raw not in ["asc", "desc"] and _raw is not None:
                    raise PayloadError(f"expected one of asc, desc, got {_raw!r:.60}")
                order = _raw

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "order")  # noqa: B904 (field_error chains it)
        after: str | None
        after = src_dict.get("after")
        if after is None:
            if "after" in src_dict:
                _nulls |= 4
            else:
                _absent += 1
        before: str | None
        before = src_dict.get("before")
        if before is None:
            if "before" in src_dict:
                _nulls |= 8
            else:
                _absent += 1
        _extra = None if len(src_dict) + _absent == 4 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            limit,
            order,
            after,
            before,
            _nulls,
            _extra,
        )
