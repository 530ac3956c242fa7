from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._model_base import (
    Model,
    PayloadError,
    extra_key,
    json_type_name,
)

_new = object.__new__
_KEYS: frozenset[str] = frozenset(
    (
        "requesturl",
        "response_metadata",
    )
)


@_attrs_define
class BingSearchCall(Model[Any]):
    """A Bing search (`bing_grounding`, `bing_custom_search`): an open map of strings. Keys beyond these are kept.

    Attributes:
        requesturl (str | None): The search request that was sent.
        response_metadata (str | None): What Bing answered about it, as a Python repr (not JSON).
    """

    requesturl: str | None = None
    response_metadata: str | None = None
    # Which fields came as null (a bit each, by position), and keys the spec does not declare.
    _nulls: int = _attrs_field(default=0, repr=False, alias="_nulls")
    _extra: dict[str, Any] | None = _attrs_field(default=None, repr=False, eq=extra_key, alias="_extra")

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: what `from_dict` read, unchanged; fields set to None are left out."""
        _d: dict[str, Any] = {}
        _n = self._nulls
        requesturl = self.requesturl
        if requesturl is not None:
            _d["requesturl"] = requesturl
        elif _n & 1:
            _d["requesturl"] = None
        response_metadata = self.response_metadata
        if response_metadata is not None:
            _d["response_metadata"] = response_metadata
        elif _n & 2:
            _d["response_metadata"] = None
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
        requesturl: str | None
        requesturl = src_dict.get("requesturl")
        if requesturl is None:
            if "requesturl" in src_dict:
                _nulls |= 1
            else:
                _absent += 1
        response_metadata: str | None
        response_metadata = src_dict.get("response_metadata")
        if response_metadata is None:
            if "response_metadata" in src_dict:
                _nulls |= 2
            else:
                _absent += 1
        _extra = None if len(src_dict) + _absent == 2 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is BingSearchCall:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.requesturl = requesturl
            _self.response_metadata = response_metadata
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            requesturl,
            response_metadata,
            _nulls,
            _extra,
        )
