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
    Variants,
    extra_key,
    field_error,
    json_type_name,
)
from ..models.message_object_name import _MEMBERS as _message_object_name
from ..models.message_object_name import MessageObjectName
from ..models.message_role import _MEMBERS as _message_role
from ..models.message_role import MessageRole
from ..models.message_status import _MEMBERS as _message_status
from ..models.message_status import MessageStatus
from ..models.metadata import Metadata

_new = object.__new__
_KEYS: frozenset[str] = frozenset(
    (
        "id",
        "object",
        "created_at",
        "thread_id",
        "status",
        "incomplete_details",
        "completed_at",
        "incomplete_at",
        "role",
        "content",
        "assistant_id",
        "run_id",
        "attachments",
        "metadata",
    )
)


@_attrs_define
class Message(Model[Any]):
    """A message of a thread: the user's turn, or what the assistant answered (a `message_creation` step names it).
    Azure AI Agents sends the same fields.

    Attributes:
        id (str):
        object (MessageObjectName | str | None):
        created_at (int | None):
        thread_id (str | None):
        status (MessageStatus | str | None):
        incomplete_details (MessageIncompleteDetails | None):
        completed_at (int | None):
        incomplete_at (int | None):
        role (MessageRole | str | None):
        content (list[TextContent | ImageFileContent | ImageUrlContent | RefusalContent | UnknownMessageContent] | None):
        assistant_id (str | None):
        run_id (str | None):
        attachments (list[MessageAttachment] | None): May be null.
        metadata (Metadata | None):
    """

    id: str
    object: MessageObjectName | str | None = None
    created_at: int | None = None
    thread_id: str | None = None
    status: MessageStatus | str | None = None
    incomplete_details: MessageIncompleteDetails | None = None
    completed_at: int | None = None
    incomplete_at: int | None = None
    role: MessageRole | str | None = None
    content: list[TextContent | ImageFileContent | ImageUrlContent | RefusalContent | UnknownMessageContent] | None = (
        None
    )
    assistant_id: str | None = None
    run_id: str | None = None
    attachments: list[MessageAttachment] | None = None
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
        thread_id = self.thread_id
        if thread_id is not None:
            _d["thread_id"] = thread_id
        elif _n & 8:
            _d["thread_id"] = None
        status = self.status
        if status is not None:
            _d["status"] = str(status)
        elif _n & 16:
            _d["status"] = None
        incomplete_details = self.incomplete_details
        if incomplete_details is not None:
            _d["incomplete_details"] = incomplete_details.to_dict()
        elif _n & 32:
            _d["incomplete_details"] = None
        completed_at = self.completed_at
        if completed_at is not None:
            _d["completed_at"] = completed_at
        elif _n & 64:
            _d["completed_at"] = None
        incomplete_at = self.incomplete_at
        if incomplete_at is not None:
            _d["incomplete_at"] = incomplete_at
        elif _n & 128:
            _d["incomplete_at"] = None
        role = self.role
        if role is not None:
            _d["role"] = str(role)
        elif _n & 256:
            _d["role"] = None
        content = self.content
        if content is not None:
            _d["content"] = [_v0.to_dict() for _v0 in content]
        elif _n & 512:
            _d["content"] = None
        assistant_id = self.assistant_id
        if assistant_id is not None:
            _d["assistant_id"] = assistant_id
        elif _n & 1024:
            _d["assistant_id"] = None
        run_id = self.run_id
        if run_id is not None:
            _d["run_id"] = run_id
        elif _n & 2048:
            _d["run_id"] = None
        attachments = self.attachments
        if attachments is not None:
            _d["attachments"] = [_v0.to_dict() for _v0 in attachments]
        elif _n & 4096:
            _d["attachments"] = None
        metadata = self.metadata
        if metadata is not None:
            _d["metadata"] = metadata.to_dict()
        elif _n & 8192:
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
        object_: MessageObjectName | str | None
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
                    object_ = _message_object_name[_raw]
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
        thread_id: str | None
        thread_id = src_dict.get("thread_id")
        if thread_id is None:
            if "thread_id" in src_dict:
                _nulls |= 8
            else:
                _absent += 1
        status: MessageStatus | str | None
        try:
            _raw = src_dict.get("status")
            if _raw is None:
                status = None
                if "status" in src_dict:
                    _nulls |= 16
                else:
                    _absent += 1
            else:
                try:
                    status = _message_status[_raw]
                except (KeyError, TypeError):
                    if not isinstance(_raw, str):
                        raise PayloadError(f"expected a string or null, got {json_type_name(_raw)}") from None
                    status = _raw

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "status")  # noqa: B904 (field_error chains it)
        incomplete_details: MessageIncompleteDetails | None
        try:
            _raw = src_dict.get("incomplete_details")
            if _raw is None:
                incomplete_details = None
                if "incomplete_details" in src_dict:
                    _nulls |= 32
                else:
                    _absent += 1
            else:
                if isinstance(_raw, dict):
                    incomplete_details = MessageIncompleteDetails.from_dict(_raw)
                else:
                    raise PayloadError(f"expected an object or null, got {json_type_name(_raw)}")

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "incomplete_details")  # noqa: B904 (field_error chains it)
        completed_at: int | None
        completed_at = src_dict.get("completed_at")
        if completed_at is None:
            if "completed_at" in src_dict:
                _nulls |= 64
            else:
                _absent += 1
        incomplete_at: int | None
        incomplete_at = src_dict.get("incomplete_at")
        if incomplete_at is None:
            if "incomplete_at" in src_dict:
                _nulls |= 128
            else:
                _absent += 1
        role: MessageRole | str | None
        try:
            _raw = src_dict.get("role")
            if _raw is None:
                role = None
                if "role" in src_dict:
                    _nulls |= 256
                else:
                    _absent += 1
            else:
                try:
                    role = _message_role[_raw]
                except (KeyError, TypeError):
                    if not isinstance(_raw, str):
                        raise PayloadError(f"expected a string or null, got {json_type_name(_raw)}") from None
                    role = _raw

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "role")  # noqa: B904 (field_error chains it)
        content: list[TextContent | ImageFileContent | ImageUrlContent | RefusalContent | UnknownMessageContent] | None
        try:
            _raw = src_dict.get("content")
            if _raw is None:
                content = None
                if "content" in src_dict:
                    _nulls |= 512
                else:
                    _absent += 1
            else:
                if not isinstance(_raw, list):
                    raise PayloadError(f"expected an array or null, got {json_type_name(_raw)}")
                else:
                    content = _parse_list_of_UnknownMessageContent(_raw)

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "content")  # noqa: B904 (field_error chains it)
        assistant_id: str | None
        assistant_id = src_dict.get("assistant_id")
        if assistant_id is None:
            if "assistant_id" in src_dict:
                _nulls |= 1024
            else:
                _absent += 1
        run_id: str | None
        run_id = src_dict.get("run_id")
        if run_id is None:
            if "run_id" in src_dict:
                _nulls |= 2048
            else:
                _absent += 1
        attachments: list[MessageAttachment] | None
        try:
            _raw = src_dict.get("attachments")
            if _raw is None:
                attachments = None
                if "attachments" in src_dict:
                    _nulls |= 4096
                else:
                    _absent += 1
            else:
                if not isinstance(_raw, list):
                    raise PayloadError(f"expected an array or null, got {json_type_name(_raw)}")
                else:
                    attachments = _parse_list_of_MessageAttachment(_raw)

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "attachments")  # noqa: B904 (field_error chains it)
        metadata: Metadata | None
        try:
            _raw = src_dict.get("metadata")
            if _raw is None:
                metadata = None
                if "metadata" in src_dict:
                    _nulls |= 8192
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
        _extra = None if len(src_dict) + _absent == 14 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is Message:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.id = id
            _self.object = object_
            _self.created_at = created_at
            _self.thread_id = thread_id
            _self.status = status
            _self.incomplete_details = incomplete_details
            _self.completed_at = completed_at
            _self.incomplete_at = incomplete_at
            _self.role = role
            _self.content = content
            _self.assistant_id = assistant_id
            _self.run_id = run_id
            _self.attachments = attachments
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
            thread_id,
            status,
            incomplete_details,
            completed_at,
            incomplete_at,
            role,
            content,
            assistant_id,
            run_id,
            attachments,
            metadata,
            _nulls,
            _extra,
        )


if TYPE_CHECKING:
    from ..models.image_file_content import ImageFileContent
    from ..models.image_url_content import ImageUrlContent
    from ..models.message_attachment import MessageAttachment
    from ..models.message_incomplete_details import MessageIncompleteDetails
    from ..models.refusal_content import RefusalContent
    from ..models.text_content import TextContent
    from ..models.unknown_message_content import UnknownMessageContent
else:
    MessageAttachment = Deferred(globals(), "message_attachment", "MessageAttachment")
    MessageIncompleteDetails = Deferred(globals(), "message_incomplete_details", "MessageIncompleteDetails")
    UnknownMessageContent = Deferred(globals(), "unknown_message_content", "UnknownMessageContent")

_VARIANTS_UnknownMessageContent: Variants[
    type[TextContent] | type[ImageFileContent] | type[ImageUrlContent] | type[RefusalContent]
] = Variants(
    {
        "text": ("text_content", "TextContent"),
        "image_file": ("image_file_content", "ImageFileContent"),
        "image_url": ("image_url_content", "ImageUrlContent"),
        "refusal": ("refusal_content", "RefusalContent"),
    }
)


def _parse_list_of_UnknownMessageContent(
    raw: list[Any],
) -> list[TextContent | ImageFileContent | ImageUrlContent | RefusalContent | UnknownMessageContent]:
    items: list[TextContent | ImageFileContent | ImageUrlContent | RefusalContent | UnknownMessageContent] = []
    _value: TextContent | ImageFileContent | ImageUrlContent | RefusalContent | UnknownMessageContent
    # One handler for the loop: the failing item is the one after those already kept.
    try:
        for _item in raw:
            if isinstance(_item, dict):
                _type1 = _item.get("type")
                _value = (
                    (
                        _VARIANTS_UnknownMessageContent.get(_type1)
                        or _VARIANTS_UnknownMessageContent.load(_type1)
                        or UnknownMessageContent
                    )
                    if isinstance(_type1, str)
                    else UnknownMessageContent
                ).from_dict(_item)
            else:
                raise PayloadError(f"expected an object, got {json_type_name(_item)}")
            items.append(_value)
    except PayloadError as _exc:
        raise _exc.within(len(items)) from None
    return items


def _parse_list_of_MessageAttachment(raw: list[Any]) -> list[MessageAttachment]:
    items: list[MessageAttachment] = []
    _value: MessageAttachment
    # One handler for the loop: the failing item is the one after those already kept.
    try:
        for _item in raw:
            _value = MessageAttachment.from_dict(_item)
            items.append(_value)
    except PayloadError as _exc:
        raise _exc.within(len(items)) from None
    return items
