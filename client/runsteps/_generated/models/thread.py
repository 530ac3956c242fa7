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
from ..models.metadata import Metadata
from ..models.thread_object_name import _MEMBERS as _thread_object_name
from ..models.thread_object_name import ThreadObjectName

_new = object.__new__
_KEYS: frozenset[str] = frozenset(
    (
        "id",
        "object",
        "created_at",
        "tool_resources",
        "metadata",
    )
)


@_attrs_define
class Thread(Model[Any]):
    """A conversation between a user and an assistant (or agent); its messages and runs.

    Attributes:
        id (str):
        object (ThreadObjectName | str | None):
        created_at (int | None):
        tool_resources (ToolResources | None):
        metadata (Metadata | None):
    """

    id: str
    object: ThreadObjectName | str | None = None
    created_at: int | None = None
    tool_resources: ToolResources | None = None
    metadata: Metadata | None = None
    # Which fields came as null (a bit each, by position), and keys the spec does not declare.
    _nulls: int = _attrs_field(default=0, repr=False, alias="_nulls")
    _extra: dict[str, Any] | None = _attrs_field(default=None, repr=False, eq=extra_key, alias="_extra")

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: what `from_dict` read, unchanged; fields set to None are left out."""
        _d: dict[str, Any] = {}
        _n = self._nulls
        id = self.id
        if id is not None:
            _d["id"] = id
        elif _n & 1:
            _d["id"] = None
        object_ = self.object
        if object_ is not None:
            _d["object"] = str(object_)
        elif _n & 2:
            _d["object"] = None
        created_at = self.created_at
        if created_at is not None:
            _d["created_at"] = created_at
        elif _n & 4:
            _d["created_at"] = None
        tool_resources = self.tool_resources
        if tool_resources is not None:
            _d["tool_resources"] = tool_resources.to_dict()
        elif _n & 8:
            _d["tool_resources"] = None
        metadata = self.metadata
        if metadata is not None:
            _d["metadata"] = metadata.to_dict()
        elif _n & 16:
            _d["metadata"] = None
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
        id: str
        try:
            _raw = src_dict["id"]
            if not isinstance(_raw, str):
                raise PayloadError(f"expected a string, got {json_type_name(_raw)}")
            id = _raw

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "id")  # noqa: B904 (field_error chains it)
        object_: ThreadObjectName | str | None
        try:
            _raw = src_dict.get("object")
            if _raw is None:
                object_ = None
                if "object" in src_dict:
                    _nulls |= 2
                else:
                    _absent += 1
            else:
                try:
                    object_ = _thread_object_name[_raw]
                except (KeyError, TypeError):
                    if not isinstance(_raw, str):
                        raise PayloadError(f"expected a string or null, got {json_type_name(_raw)}") from None
                    object_ = _raw

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "object")  # noqa: B904 (field_error chains it)
        created_at: int | None
        created_at = src_dict.get("created_at")
        if created_at is None:
            if "created_at" in src_dict:
                _nulls |= 4
            else:
                _absent += 1
        tool_resources: ToolResources | None
        try:
            _raw = src_dict.get("tool_resources")
            if _raw is None:
                tool_resources = None
                if "tool_resources" in src_dict:
                    _nulls |= 8
                else:
                    _absent += 1
            else:
                if isinstance(_raw, dict):
                    tool_resources = ToolResources.from_dict(_raw)
                else:
                    raise PayloadError(f"expected an object or null, got {json_type_name(_raw)}")

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "tool_resources")  # noqa: B904 (field_error chains it)
        metadata: Metadata | None
        try:
            _raw = src_dict.get("metadata")
            if _raw is None:
                metadata = None
                if "metadata" in src_dict:
                    _nulls |= 16
                else:
                    _absent += 1
            else:
                if isinstance(_raw, dict):
                    _nulls1 = 0
                    _absent1 = 0
                    _extra1 = None if len(_raw) + _absent1 == 0 else dict(_raw)
                    metadata = _new(Metadata)
                    metadata._nulls = _nulls1
                    metadata._extra = _extra1

                else:
                    raise PayloadError(f"expected an object or null, got {json_type_name(_raw)}")

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "metadata")  # noqa: B904 (field_error chains it)
        _extra = None if len(src_dict) + _absent == 5 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is Thread:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.id = id
            _self.object = object_
            _self.created_at = created_at
            _self.tool_resources = tool_resources
            _self.metadata = metadata
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            id,
            object_,
            created_at,
            tool_resources,
            metadata,
            _nulls,
            _extra,
        )


if TYPE_CHECKING:
    from ..models.tool_resources import ToolResources
else:
    ToolResources = Deferred(globals(), "tool_resources", "ToolResources")
