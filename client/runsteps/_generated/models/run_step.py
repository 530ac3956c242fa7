from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.run_step_object_name import RunStepObjectName
from ..models.run_step_status import RunStepStatus
from ..models.run_step_type import RunStepType
from ..types import UNSET, PayloadError, Unset, json_type_name

T = TypeVar("T", bound="RunStep")


@_attrs_define
class RunStep:
    """A step in the execution of a run.

    Attributes:
        id (str):
        object_ (RunStepObjectName | str):
        created_at (int): Unix seconds; some compatible servers send milliseconds.
        thread_id (str):
        run_id (str):
        type_ (RunStepType | str):
        status (RunStepStatus | str):
        step_details (MessageCreationDetails | ToolCallsDetails | UnknownStepDetails):
        assistant_id (str | Unset):
        last_error (LastError | None | Unset):
        expires_at (int | None | Unset): When a running step expires; null once it ended. What api.openai.com sends.
        expired_at (int | None | Unset): When the step expired. What the upstream spec names; some servers send both.
        cancelled_at (int | None | Unset):
        failed_at (int | None | Unset):
        completed_at (int | None | Unset):
        metadata (Metadata | None | Unset):
        usage (None | Unset | Usage): Null while the step is in progress; `{}` on some servers.
    """

    id: str
    object_: RunStepObjectName | str
    created_at: int
    thread_id: str
    run_id: str
    type_: RunStepType | str
    status: RunStepStatus | str
    step_details: MessageCreationDetails | ToolCallsDetails | UnknownStepDetails
    assistant_id: str | Unset = UNSET
    last_error: LastError | None | Unset = UNSET
    expires_at: int | None | Unset = UNSET
    expired_at: int | None | Unset = UNSET
    cancelled_at: int | None | Unset = UNSET
    failed_at: int | None | Unset = UNSET
    completed_at: int | None | Unset = UNSET
    metadata: Metadata | None | Unset = UNSET
    usage: None | Unset | Usage = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        object_: str
        if isinstance(self.object_, RunStepObjectName):
            object_ = self.object_.value
        else:
            object_ = self.object_

        created_at = self.created_at

        thread_id = self.thread_id

        run_id = self.run_id

        type_: str
        if isinstance(self.type_, RunStepType):
            type_ = self.type_.value
        else:
            type_ = self.type_

        status: str
        if isinstance(self.status, RunStepStatus):
            status = self.status.value
        else:
            status = self.status

        step_details: dict[str, Any]
        if isinstance(self.step_details, MessageCreationDetails):
            step_details = self.step_details.to_dict()
        elif isinstance(self.step_details, ToolCallsDetails):
            step_details = self.step_details.to_dict()
        else:
            step_details = self.step_details.to_dict()

        assistant_id = self.assistant_id

        last_error: dict[str, Any] | None | Unset
        if isinstance(self.last_error, Unset):
            last_error = UNSET
        elif isinstance(self.last_error, LastError):
            last_error = self.last_error.to_dict()
        else:
            last_error = self.last_error

        expires_at: int | None | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        else:
            expires_at = self.expires_at

        expired_at: int | None | Unset
        if isinstance(self.expired_at, Unset):
            expired_at = UNSET
        else:
            expired_at = self.expired_at

        cancelled_at: int | None | Unset
        if isinstance(self.cancelled_at, Unset):
            cancelled_at = UNSET
        else:
            cancelled_at = self.cancelled_at

        failed_at: int | None | Unset
        if isinstance(self.failed_at, Unset):
            failed_at = UNSET
        else:
            failed_at = self.failed_at

        completed_at: int | None | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        else:
            completed_at = self.completed_at

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, Metadata):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        usage: dict[str, Any] | None | Unset
        if isinstance(self.usage, Unset):
            usage = UNSET
        elif isinstance(self.usage, Usage):
            usage = self.usage.to_dict()
        else:
            usage = self.usage

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "object": object_,
                "created_at": created_at,
                "thread_id": thread_id,
                "run_id": run_id,
                "type": type_,
                "status": status,
                "step_details": step_details,
            }
        )
        if assistant_id is not UNSET:
            field_dict["assistant_id"] = assistant_id
        if last_error is not UNSET:
            field_dict["last_error"] = last_error
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if expired_at is not UNSET:
            field_dict["expired_at"] = expired_at
        if cancelled_at is not UNSET:
            field_dict["cancelled_at"] = cancelled_at
        if failed_at is not UNSET:
            field_dict["failed_at"] = failed_at
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if usage is not UNSET:
            field_dict["usage"] = usage

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        # A dict is the common case; the ABC check only runs for other mappings.
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise PayloadError(f"expected an object, got {json_type_name(src_dict)}")
        d = dict(src_dict)
        _field = ""
        try:
            _field = "id"
            id = d.pop("id")

            _field = "object"
            _object_ = d.pop("object")
            object_: RunStepObjectName | str
            if isinstance(_object_, str):
                object_ = RunStepObjectName.parse(_object_)
            else:
                raise PayloadError(f"expected a string, got {json_type_name(_object_)}")

            _field = "created_at"
            created_at = d.pop("created_at")

            _field = "thread_id"
            thread_id = d.pop("thread_id")

            _field = "run_id"
            run_id = d.pop("run_id")

            _field = "type"
            _type_ = d.pop("type")
            type_: RunStepType | str
            if isinstance(_type_, str):
                type_ = RunStepType.parse(_type_)
            else:
                raise PayloadError(f"expected a string, got {json_type_name(_type_)}")

            _field = "status"
            _status = d.pop("status")
            status: RunStepStatus | str
            if isinstance(_status, str):
                status = RunStepStatus.parse(_status)
            else:
                raise PayloadError(f"expected a string, got {json_type_name(_status)}")

            _field = "step_details"
            _step_details = d.pop("step_details")
            step_details: MessageCreationDetails | ToolCallsDetails | UnknownStepDetails
            if isinstance(_step_details, dict):
                _step_details_type = _step_details.get("type")
                if _step_details_type == "message_creation":
                    step_details = MessageCreationDetails.from_dict(_step_details)
                elif _step_details_type == "tool_calls":
                    step_details = ToolCallsDetails.from_dict(_step_details)
                else:
                    step_details = UnknownStepDetails.from_dict(_step_details)
            else:
                raise PayloadError(f"expected an object, got {json_type_name(_step_details)}")

            _field = "assistant_id"
            assistant_id = d.pop("assistant_id", UNSET)

            _field = "last_error"
            _last_error = d.pop("last_error", UNSET)
            last_error: LastError | None | Unset
            if _last_error is None:
                last_error = None
            elif isinstance(_last_error, Unset):
                last_error = UNSET
            elif isinstance(_last_error, dict):
                last_error = LastError.from_dict(_last_error)
            else:
                raise PayloadError(f"expected an object or null, got {json_type_name(_last_error)}")

            _field = "expires_at"
            expires_at: int | None | Unset = d.pop("expires_at", UNSET)

            _field = "expired_at"
            expired_at: int | None | Unset = d.pop("expired_at", UNSET)

            _field = "cancelled_at"
            cancelled_at: int | None | Unset = d.pop("cancelled_at", UNSET)

            _field = "failed_at"
            failed_at: int | None | Unset = d.pop("failed_at", UNSET)

            _field = "completed_at"
            completed_at: int | None | Unset = d.pop("completed_at", UNSET)

            _field = "metadata"
            _metadata = d.pop("metadata", UNSET)
            metadata: Metadata | None | Unset
            if _metadata is None:
                metadata = None
            elif isinstance(_metadata, Unset):
                metadata = UNSET
            elif isinstance(_metadata, dict):
                metadata = Metadata.from_dict(_metadata)
            else:
                raise PayloadError(f"expected an object or null, got {json_type_name(_metadata)}")

            _field = "usage"
            _usage = d.pop("usage", UNSET)
            usage: None | Unset | Usage
            if _usage is None:
                usage = None
            elif isinstance(_usage, Unset):
                usage = UNSET
            elif isinstance(_usage, dict):
                usage = Usage.from_dict(_usage)
            else:
                raise PayloadError(f"expected an object or null, got {json_type_name(_usage)}")

        except PayloadError as _exc:
            raise _exc.within(_field) from None
        except KeyError:
            # Nested models turn their own failures into PayloadError, so a KeyError here is ours.
            raise PayloadError("required field is missing", (_field,)) from None
        except (TypeError, ValueError, AttributeError) as _exc:
            raise PayloadError(str(_exc), (_field,)) from _exc
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        run_step = cls(
            id,
            object_,
            created_at,
            thread_id,
            run_id,
            type_,
            status,
            step_details,
            assistant_id,
            last_error,
            expires_at,
            expired_at,
            cancelled_at,
            failed_at,
            completed_at,
            metadata,
            usage,
        )

        run_step.additional_properties = d
        return run_step

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


from ..models.last_error import LastError  # noqa: E402
from ..models.message_creation_details import MessageCreationDetails  # noqa: E402
from ..models.metadata import Metadata  # noqa: E402
from ..models.tool_calls_details import ToolCallsDetails  # noqa: E402
from ..models.unknown_step_details import UnknownStepDetails  # noqa: E402
from ..models.usage import Usage  # noqa: E402
