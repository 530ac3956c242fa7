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
    Variants,
    extra_key,
    field_error,
    json_type_name,
)
from ..models.completion_tokens_details import CompletionTokensDetails
from ..models.message_creation import MessageCreation
from ..models.message_creation_details import MessageCreationDetails
from ..models.metadata import Metadata
from ..models.prompt_tokens_details import PromptTokensDetails
from ..models.run_step_object_name import _MEMBERS as _run_step_object_name
from ..models.run_step_object_name import RunStepObjectName
from ..models.run_step_status import _MEMBERS as _run_step_status
from ..models.run_step_status import RunStepStatus
from ..models.run_step_type import _MEMBERS as _run_step_type
from ..models.run_step_type import RunStepType
from ..models.usage import Usage

_new = object.__new__
_KEYS: frozenset[str] = frozenset(
    (
        "id",
        "object",
        "created_at",
        "run_id",
        "assistant_id",
        "thread_id",
        "type",
        "status",
        "cancelled_at",
        "completed_at",
        "expires_at",
        "expired_at",
        "failed_at",
        "last_error",
        "step_details",
        "metadata",
        "usage",
    )
)


@_attrs_define
class RunStep(Model[Any]):
    """A step in the execution of a run.

    Attributes:
        id (str):
        object (RunStepObjectName | str | None):
        created_at (int | None): Unix seconds; some compatible servers send milliseconds, or -1.
        run_id (str | None):
        assistant_id (str | None):
        thread_id (str | None):
        type (RunStepType | str | None):
        status (RunStepStatus | str | None):
        cancelled_at (int | None):
        completed_at (int | None):
        expires_at (int | None): When a running step expires; null once it ended. What api.openai.com sends.
        expired_at (int | None): When the step expired. What the upstream spec and Azure name; some servers send both.
        failed_at (int | None):
        last_error (LastError | None):
        step_details (MessageCreationDetails | ToolCallsDetails | ActivitiesDetails | UnknownStepDetails | None):
        metadata (Metadata | None):
        usage (Usage | None): Null while the step is in progress; `{}` on some servers; missing on Azure.
    """

    id: str
    object: RunStepObjectName | str | None = None
    created_at: int | None = None
    run_id: str | None = None
    assistant_id: str | None = None
    thread_id: str | None = None
    type: RunStepType | str | None = None
    status: RunStepStatus | str | None = None
    cancelled_at: int | None = None
    completed_at: int | None = None
    expires_at: int | None = None
    expired_at: int | None = None
    failed_at: int | None = None
    last_error: LastError | None = None
    step_details: MessageCreationDetails | ToolCallsDetails | ActivitiesDetails | UnknownStepDetails | None = None
    metadata: Metadata | None = None
    usage: Usage | None = None
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
        run_id = self.run_id
        if run_id is not None:
            _d["run_id"] = run_id
        elif _n & 8:
            _d["run_id"] = None
        assistant_id = self.assistant_id
        if assistant_id is not None:
            _d["assistant_id"] = assistant_id
        elif _n & 16:
            _d["assistant_id"] = None
        thread_id = self.thread_id
        if thread_id is not None:
            _d["thread_id"] = thread_id
        elif _n & 32:
            _d["thread_id"] = None
        type_ = self.type
        if type_ is not None:
            _d["type"] = str(type_)
        elif _n & 64:
            _d["type"] = None
        status = self.status
        if status is not None:
            _d["status"] = str(status)
        elif _n & 128:
            _d["status"] = None
        cancelled_at = self.cancelled_at
        if cancelled_at is not None:
            _d["cancelled_at"] = cancelled_at
        elif _n & 256:
            _d["cancelled_at"] = None
        completed_at = self.completed_at
        if completed_at is not None:
            _d["completed_at"] = completed_at
        elif _n & 512:
            _d["completed_at"] = None
        expires_at = self.expires_at
        if expires_at is not None:
            _d["expires_at"] = expires_at
        elif _n & 1024:
            _d["expires_at"] = None
        expired_at = self.expired_at
        if expired_at is not None:
            _d["expired_at"] = expired_at
        elif _n & 2048:
            _d["expired_at"] = None
        failed_at = self.failed_at
        if failed_at is not None:
            _d["failed_at"] = failed_at
        elif _n & 4096:
            _d["failed_at"] = None
        last_error = self.last_error
        if last_error is not None:
            _d["last_error"] = last_error.to_dict()
        elif _n & 8192:
            _d["last_error"] = None
        step_details = self.step_details
        if step_details is not None:
            _d["step_details"] = step_details.to_dict()
        elif _n & 16384:
            _d["step_details"] = None
        metadata = self.metadata
        if metadata is not None:
            _d["metadata"] = metadata.to_dict()
        elif _n & 32768:
            _d["metadata"] = None
        usage = self.usage
        if usage is not None:
            _d["usage"] = usage.to_dict()
        elif _n & 65536:
            _d["usage"] = None
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
        object_: RunStepObjectName | str | None
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
                    object_ = _run_step_object_name[_raw]
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
        run_id: str | None
        run_id = src_dict.get("run_id")
        if run_id is None:
            if "run_id" in src_dict:
                _nulls |= 8
            else:
                _absent += 1
        assistant_id: str | None
        assistant_id = src_dict.get("assistant_id")
        if assistant_id is None:
            if "assistant_id" in src_dict:
                _nulls |= 16
            else:
                _absent += 1
        thread_id: str | None
        thread_id = src_dict.get("thread_id")
        if thread_id is None:
            if "thread_id" in src_dict:
                _nulls |= 32
            else:
                _absent += 1
        type_: RunStepType | str | None
        try:
            _raw = src_dict.get("type")
            if _raw is None:
                type_ = None
                if "type" in src_dict:
                    _nulls |= 64
                else:
                    _absent += 1
            else:
                try:
                    type_ = _run_step_type[_raw]
                except (KeyError, TypeError):
                    if not isinstance(_raw, str):
                        raise PayloadError(f"expected a string or null, got {json_type_name(_raw)}") from None
                    type_ = _raw

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "type")  # noqa: B904 (field_error chains it)
        status: RunStepStatus | str | None
        try:
            _raw = src_dict.get("status")
            if _raw is None:
                status = None
                if "status" in src_dict:
                    _nulls |= 128
                else:
                    _absent += 1
            else:
                try:
                    status = _run_step_status[_raw]
                except (KeyError, TypeError):
                    if not isinstance(_raw, str):
                        raise PayloadError(f"expected a string or null, got {json_type_name(_raw)}") from None
                    status = _raw

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "status")  # noqa: B904 (field_error chains it)
        cancelled_at: int | None
        cancelled_at = src_dict.get("cancelled_at")
        if cancelled_at is None:
            if "cancelled_at" in src_dict:
                _nulls |= 256
            else:
                _absent += 1
        completed_at: int | None
        completed_at = src_dict.get("completed_at")
        if completed_at is None:
            if "completed_at" in src_dict:
                _nulls |= 512
            else:
                _absent += 1
        expires_at: int | None
        expires_at = src_dict.get("expires_at")
        if expires_at is None:
            if "expires_at" in src_dict:
                _nulls |= 1024
            else:
                _absent += 1
        expired_at: int | None
        expired_at = src_dict.get("expired_at")
        if expired_at is None:
            if "expired_at" in src_dict:
                _nulls |= 2048
            else:
                _absent += 1
        failed_at: int | None
        failed_at = src_dict.get("failed_at")
        if failed_at is None:
            if "failed_at" in src_dict:
                _nulls |= 4096
            else:
                _absent += 1
        last_error: LastError | None
        try:
            _raw = src_dict.get("last_error")
            if _raw is None:
                last_error = None
                if "last_error" in src_dict:
                    _nulls |= 8192
                else:
                    _absent += 1
            else:
                if isinstance(_raw, dict):
                    last_error = LastError.from_dict(_raw)
                else:
                    raise PayloadError(f"expected an object or null, got {json_type_name(_raw)}")

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "last_error")  # noqa: B904 (field_error chains it)
        step_details: MessageCreationDetails | ToolCallsDetails | ActivitiesDetails | UnknownStepDetails | None
        try:
            _raw = src_dict.get("step_details")
            if _raw is None:
                step_details = None
                if "step_details" in src_dict:
                    _nulls |= 16384
                else:
                    _absent += 1
            else:
                if isinstance(_raw, dict):
                    _type0 = _raw.get("type")
                    if _type0 == "message_creation":
                        _nulls1 = 0
                        _absent1 = 0
                        _step_details_MessageCreationDetails__type_: Literal["message_creation"]
                        _step_details_MessageCreationDetails__type_ = _type0
                        _step_details_MessageCreationDetails__message_creation: MessageCreation | None
                        try:
                            _raw1 = _raw.get("message_creation")
                            if _raw1 is None:
                                _step_details_MessageCreationDetails__message_creation = None
                                if "message_creation" in _raw:
                                    _nulls1 |= 2
                                else:
                                    _absent1 += 1
                            else:
                                if type(_raw1) is not dict and not isinstance(_raw1, Mapping):
                                    raise PayloadError(f"expected an object, got {json_type_name(_raw1)}")
                                _nulls2 = 0
                                _absent2 = 0
                                _step_details_MessageCreationDetails__message_creation__message_id: str | None
                                _step_details_MessageCreationDetails__message_creation__message_id = _raw1.get(
                                    "message_id"
                                )
                                if _step_details_MessageCreationDetails__message_creation__message_id is None:
                                    if "message_id" in _raw1:
                                        _nulls2 |= 1
                                    else:
                                        _absent2 += 1
                                _extra2 = (
                                    None
                                    if len(_raw1) + _absent2 == 1
                                    else {k: v for k, v in _raw1.items() if k not in {"message_id"}}
                                )
                                _step_details_MessageCreationDetails__message_creation = _new(MessageCreation)
                                _step_details_MessageCreationDetails__message_creation.message_id = (
                                    _step_details_MessageCreationDetails__message_creation__message_id
                                )
                                _step_details_MessageCreationDetails__message_creation._nulls = _nulls2
                                _step_details_MessageCreationDetails__message_creation._extra = _extra2

                        except FIELD_FAILURES as _exc:
                            raise field_error(_exc, "message_creation")  # noqa: B904 (field_error chains it)
                        _extra1 = (
                            None
                            if len(_raw) + _absent1 == 2
                            else {k: v for k, v in _raw.items() if k not in {"type", "message_creation"}}
                        )
                        step_details = _new(MessageCreationDetails)
                        step_details.type = _step_details_MessageCreationDetails__type_
                        step_details.message_creation = _step_details_MessageCreationDetails__message_creation
                        step_details._nulls = _nulls1
                        step_details._extra = _extra1
                    else:
                        step_details = (
                            (
                                _VARIANTS_UnknownStepDetails.get(_type0)
                                or _VARIANTS_UnknownStepDetails.load(_type0)
                                or UnknownStepDetails
                            )
                            if isinstance(_type0, str)
                            else UnknownStepDetails
                        ).from_dict(_raw)
                else:
                    raise PayloadError(f"expected an object or null, got {json_type_name(_raw)}")

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "step_details")  # noqa: B904 (field_error chains it)
        metadata: Metadata | None
        try:
            _raw = src_dict.get("metadata")
            if _raw is None:
                metadata = None
                if "metadata" in src_dict:
                    _nulls |= 32768
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
        usage: Usage | None
        try:
            _raw = src_dict.get("usage")
            if _raw is None:
                usage = None
                if "usage" in src_dict:
                    _nulls |= 65536
                else:
                    _absent += 1
            else:
                if isinstance(_raw, dict):
                    _nulls1 = 0
                    _absent1 = 0
                    _usage__prompt_tokens: int | None
                    _usage__prompt_tokens = _raw.get("prompt_tokens")
                    if _usage__prompt_tokens is None:
                        if "prompt_tokens" in _raw:
                            _nulls1 |= 1
                        else:
                            _absent1 += 1
                    _usage__completion_tokens: int | None
                    _usage__completion_tokens = _raw.get("completion_tokens")
                    if _usage__completion_tokens is None:
                        if "completion_tokens" in _raw:
                            _nulls1 |= 2
                        else:
                            _absent1 += 1
                    _usage__total_tokens: int | None
                    _usage__total_tokens = _raw.get("total_tokens")
                    if _usage__total_tokens is None:
                        if "total_tokens" in _raw:
                            _nulls1 |= 4
                        else:
                            _absent1 += 1
                    _usage__prompt_tokens_details: PromptTokensDetails | None
                    try:
                        _raw1 = _raw.get("prompt_tokens_details")
                        if _raw1 is None:
                            _usage__prompt_tokens_details = None
                            if "prompt_tokens_details" in _raw:
                                _nulls1 |= 8
                            else:
                                _absent1 += 1
                        else:
                            if type(_raw1) is not dict and not isinstance(_raw1, Mapping):
                                raise PayloadError(f"expected an object, got {json_type_name(_raw1)}")
                            _nulls2 = 0
                            _absent2 = 0
                            _usage__prompt_tokens_details__cached_tokens: int | None
                            _usage__prompt_tokens_details__cached_tokens = _raw1.get("cached_tokens")
                            if _usage__prompt_tokens_details__cached_tokens is None:
                                if "cached_tokens" in _raw1:
                                    _nulls2 |= 1
                                else:
                                    _absent2 += 1
                            _extra2 = (
                                None
                                if len(_raw1) + _absent2 == 1
                                else {k: v for k, v in _raw1.items() if k not in {"cached_tokens"}}
                            )
                            _usage__prompt_tokens_details = _new(PromptTokensDetails)
                            _usage__prompt_tokens_details.cached_tokens = _usage__prompt_tokens_details__cached_tokens
                            _usage__prompt_tokens_details._nulls = _nulls2
                            _usage__prompt_tokens_details._extra = _extra2

                    except FIELD_FAILURES as _exc:
                        raise field_error(_exc, "prompt_tokens_details")  # noqa: B904 (field_error chains it)
                    _usage__prompt_token_details: PromptTokensDetails | None
                    try:
                        _raw1 = _raw.get("prompt_token_details")
                        if _raw1 is None:
                            _usage__prompt_token_details = None
                            if "prompt_token_details" in _raw:
                                _nulls1 |= 16
                            else:
                                _absent1 += 1
                        else:
                            if type(_raw1) is not dict and not isinstance(_raw1, Mapping):
                                raise PayloadError(f"expected an object, got {json_type_name(_raw1)}")
                            _nulls2 = 0
                            _absent2 = 0
                            _usage__prompt_token_details__cached_tokens: int | None
                            _usage__prompt_token_details__cached_tokens = _raw1.get("cached_tokens")
                            if _usage__prompt_token_details__cached_tokens is None:
                                if "cached_tokens" in _raw1:
                                    _nulls2 |= 1
                                else:
                                    _absent2 += 1
                            _extra2 = (
                                None
                                if len(_raw1) + _absent2 == 1
                                else {k: v for k, v in _raw1.items() if k not in {"cached_tokens"}}
                            )
                            _usage__prompt_token_details = _new(PromptTokensDetails)
                            _usage__prompt_token_details.cached_tokens = _usage__prompt_token_details__cached_tokens
                            _usage__prompt_token_details._nulls = _nulls2
                            _usage__prompt_token_details._extra = _extra2

                    except FIELD_FAILURES as _exc:
                        raise field_error(_exc, "prompt_token_details")  # noqa: B904 (field_error chains it)
                    _usage__completion_tokens_details: CompletionTokensDetails | None
                    try:
                        _raw1 = _raw.get("completion_tokens_details")
                        if _raw1 is None:
                            _usage__completion_tokens_details = None
                            if "completion_tokens_details" in _raw:
                                _nulls1 |= 32
                            else:
                                _absent1 += 1
                        else:
                            if type(_raw1) is not dict and not isinstance(_raw1, Mapping):
                                raise PayloadError(f"expected an object, got {json_type_name(_raw1)}")
                            _nulls2 = 0
                            _absent2 = 0
                            _usage__completion_tokens_details__reasoning_tokens: int | None
                            _usage__completion_tokens_details__reasoning_tokens = _raw1.get("reasoning_tokens")
                            if _usage__completion_tokens_details__reasoning_tokens is None:
                                if "reasoning_tokens" in _raw1:
                                    _nulls2 |= 1
                                else:
                                    _absent2 += 1
                            _extra2 = (
                                None
                                if len(_raw1) + _absent2 == 1
                                else {k: v for k, v in _raw1.items() if k not in {"reasoning_tokens"}}
                            )
                            _usage__completion_tokens_details = _new(CompletionTokensDetails)
                            _usage__completion_tokens_details.reasoning_tokens = (
                                _usage__completion_tokens_details__reasoning_tokens
                            )
                            _usage__completion_tokens_details._nulls = _nulls2
                            _usage__completion_tokens_details._extra = _extra2

                    except FIELD_FAILURES as _exc:
                        raise field_error(_exc, "completion_tokens_details")  # noqa: B904 (field_error chains it)
                    _extra1 = (
                        None
                        if len(_raw) + _absent1 == 6
                        else {
                            k: v
                            for k, v in _raw.items()
                            if k
                            not in {
                                "prompt_tokens",
                                "completion_tokens",
                                "total_tokens",
                                "prompt_tokens_details",
                                "prompt_token_details",
                                "completion_tokens_details",
                            }
                        }
                    )
                    usage = _new(Usage)
                    usage.prompt_tokens = _usage__prompt_tokens
                    usage.completion_tokens = _usage__completion_tokens
                    usage.total_tokens = _usage__total_tokens
                    usage.prompt_tokens_details = _usage__prompt_tokens_details
                    usage.prompt_token_details = _usage__prompt_token_details
                    usage.completion_tokens_details = _usage__completion_tokens_details
                    usage._nulls = _nulls1
                    usage._extra = _extra1

                else:
                    raise PayloadError(f"expected an object or null, got {json_type_name(_raw)}")

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "usage")  # noqa: B904 (field_error chains it)
        _extra = None if len(src_dict) + _absent == 17 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is RunStep:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.id = id
            _self.object = object_
            _self.created_at = created_at
            _self.run_id = run_id
            _self.assistant_id = assistant_id
            _self.thread_id = thread_id
            _self.type = type_
            _self.status = status
            _self.cancelled_at = cancelled_at
            _self.completed_at = completed_at
            _self.expires_at = expires_at
            _self.expired_at = expired_at
            _self.failed_at = failed_at
            _self.last_error = last_error
            _self.step_details = step_details
            _self.metadata = metadata
            _self.usage = usage
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            id,
            object_,
            created_at,
            run_id,
            assistant_id,
            thread_id,
            type_,
            status,
            cancelled_at,
            completed_at,
            expires_at,
            expired_at,
            failed_at,
            last_error,
            step_details,
            metadata,
            usage,
            _nulls,
            _extra,
        )


if TYPE_CHECKING:
    from ..models.activities_details import ActivitiesDetails
    from ..models.last_error import LastError
    from ..models.tool_calls_details import ToolCallsDetails
    from ..models.unknown_step_details import UnknownStepDetails
else:
    LastError = Deferred(globals(), "last_error", "LastError")
    UnknownStepDetails = Deferred(globals(), "unknown_step_details", "UnknownStepDetails")

_VARIANTS_UnknownStepDetails: Variants[
    type[MessageCreationDetails] | type[ToolCallsDetails] | type[ActivitiesDetails]
] = Variants(
    {
        "message_creation": ("message_creation_details", "MessageCreationDetails"),
        "tool_calls": ("tool_calls_details", "ToolCallsDetails"),
        "activities": ("activities_details", "ActivitiesDetails"),
    }
)
