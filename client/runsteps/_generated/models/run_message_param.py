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
    describe_value,
    extra_key,
    field_error,
    json_type_name,
)
from ..models.metadata import Metadata
from ..models.run_message_param_role import (
    RunMessageParamRoleLiteral,
)

_new = object.__new__
_KEYS: frozenset[str] = frozenset(
    (
        "role",
        "content",
        "metadata",
    )
)


@_attrs_define
class RunMessageParam(Model[Any]):
    """A message added with a run: `content` is text, or a list of parts as the create-message call takes them
    (`{"type": "text", "text": "..."}`, `image_file`, `image_url`).

    Attributes:
        role (RunMessageParamRoleLiteral):
        content (str | list[MessageContentParam]):
        metadata (Metadata | None): Up to 16 string pairs set by the caller.
    """

    role: RunMessageParamRoleLiteral
    content: str | list[MessageContentParam]
    metadata: Metadata | None = None
    # Which fields came as null (a bit each, by position), and keys the spec does not declare.
    _nulls: int = _attrs_field(default=0, repr=False, alias="_nulls")
    _extra: dict[str, Any] | None = _attrs_field(default=None, repr=False, eq=extra_key, alias="_extra")

    def __attrs_post_init__(self) -> None:
        if self.role is not None and self.role not in ["user", "assistant"]:
            raise ValueError(f"role must be 'user' or 'assistant', got {describe_value(self.role)}")

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: what `from_dict` read, unchanged; fields set to None are left out."""
        _d: dict[str, Any] = {}
        _n = self._nulls
        role = self.role
        if role is not None:
            _d["role"] = role
        elif _n & 1:
            _d["role"] = None
        content = self.content
        if content is not None:
            _d["content"] = content
        elif _n & 2:
            _d["content"] = None
        metadata = self.metadata
        if metadata is not None:
            _d["metadata"] = metadata.to_dict()
        elif _n & 4:
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
        role: RunMessageParamRoleLiteral
        try:
            _raw = src_dict["role"]
            if _raw not in ["user", "assistant"]:
                raise PayloadError(f"expected one of user, assistant, got {_raw!r:.60}")
            role = _raw

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "role")  # noqa: B904 (field_error chains it)
        content: str | list[MessageContentParam]
        try:
            _raw = src_dict["content"]
            if isinstance(_raw, str):
                content = _raw
            elif not isinstance(_raw, (dict, list)):
                content = _raw
            else:
                raise PayloadError(f"expected a string or a number or boolean, got {json_type_name(_raw)}")

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "content")  # noqa: B904 (field_error chains it)
        metadata: Metadata | None
        try:
            _raw = src_dict.get("metadata")
            if _raw is None:
                metadata = None
                if "metadata" in src_dict:
                    _nulls |= 4
                else:
                    _absent += 1
            else:
                if type(_raw) is not dict and not isinstance(_raw, Mapping):
                    raise PayloadError(f"expected an object, got {json_type_name(_raw)}")
                _nulls1 = 0
                _absent1 = 0
                _extra1 = None if len(_raw) + _absent1 == 0 else dict(_raw)
                metadata = _new(Metadata)
                metadata._nulls = _nulls1
                metadata._extra = _extra1

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "metadata")  # noqa: B904 (field_error chains it)
        _extra = None if len(src_dict) + _absent == 3 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            role,
            content,
            metadata,
            _nulls,
            _extra,
        )


if TYPE_CHECKING:
    from ..models.message_content_param import MessageContentParam
else:
    MessageContentParam = Deferred(globals(), "message_content_param", "MessageContentParam")


def _parse_list_of_MessageContentParam(raw: list[Any]) -> list[MessageContentParam]:
    items: list[MessageContentParam] = []
    _value: MessageContentParam
    # One handler for the loop: the failing item is the one after those already kept.
    try:
        for _item in raw:
            if type(_item) is not dict and not isinstance(_item, Mapping):
                raise PayloadError(f"expected an object, got {json_type_name(_item)}")
            _nulls2 = 0
            _absent2 = 0
            _value__type_: str
            try:
                _raw2 = _item["type"]
                if not isinstance(_raw2, str):
                    raise PayloadError(f"expected a string, got {json_type_name(_raw2)}")
                _value__type_ = _raw2

            except FIELD_FAILURES as _exc:
                raise field_error(_exc, "type")  # noqa: B904 (field_error chains it)
            _extra2 = None if len(_item) + _absent2 == 1 else {k: v for k, v in _item.items() if k not in {"type"}}
            _value = _new(MessageContentParam)
            _value.type = _value__type_
            _value._nulls = _nulls2
            _value._extra = _extra2
            items.append(_value)
    except PayloadError as _exc:
        raise _exc.within(len(items)) from None
    return items
