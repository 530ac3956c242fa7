from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.run_object_name import RunObjectName
from ..models.run_status import RunStatus
from ..types import UNSET, PayloadError, Unset, json_type_name

T = TypeVar("T", bound="Run")


@_attrs_define
class Run:
    """
    Attributes:
        id (str):
        object_ (RunObjectName | str):
        created_at (int):
        thread_id (str):
        status (RunStatus | str):
        assistant_id (str | Unset):
        required_action (None | RequiredAction | Unset):
        last_error (LastError | None | Unset):
        incomplete_details (IncompleteDetails | None | Unset):
        expires_at (int | None | Unset):
        started_at (int | None | Unset):
        cancelled_at (int | None | Unset):
        failed_at (int | None | Unset):
        completed_at (int | None | Unset):
        usage (None | Unset | Usage):
    """

    id: str
    object_: RunObjectName | str
    created_at: int
    thread_id: str
    status: RunStatus | str
    assistant_id: str | Unset = UNSET
    required_action: None | RequiredAction | Unset = UNSET
    last_error: LastError | None | Unset = UNSET
    incomplete_details: IncompleteDetails | None | Unset = UNSET
    expires_at: int | None | Unset = UNSET
    started_at: int | None | Unset = UNSET
    cancelled_at: int | None | Unset = UNSET
    failed_at: int | None | Unset = UNSET
    completed_at: int | None | Unset = UNSET
    usage: None | Unset | Usage = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        object_: str
        if isinstance(self.object_, RunObjectName):
            object_ = self.object_.value
        else:
            object_ = self.object_

        created_at = self.created_at

        thread_id = self.thread_id

        status: str
        if isinstance(self.status, RunStatus):
            status = self.status.value
        else:
            status = self.status

        assistant_id = self.assistant_id

        required_action: dict[str, Any] | None | Unset
        if isinstance(self.required_action, Unset):
            required_action = UNSET
        elif isinstance(self.required_action, RequiredAction):
            required_action = self.required_action.to_dict()
        else:
            required_action = self.required_action

        last_error: dict[str, Any] | None | Unset
        if isinstance(self.last_error, Unset):
            last_error = UNSET
        elif isinstance(self.last_error, LastError):
            last_error = self.last_error.to_dict()
        else:
            last_error = self.last_error

        incomplete_details: dict[str, Any] | None | Unset
        if isinstance(self.incomplete_details, Unset):
            incomplete_details = UNSET
        elif isinstance(self.incomplete_details, IncompleteDetails):
            incomplete_details = self.incomplete_details.to_dict()
        else:
            incomplete_details = self.incomplete_details

        expires_at: int | None | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        else:
            expires_at = self.expires_at

        started_at: int | None | Unset
        if isinstance(self.started_at, Unset):
            started_at = UNSET
        else:
            started_at = self.started_at

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
                "status": status,
            }
        )
        if assistant_id is not UNSET:
            field_dict["assistant_id"] = assistant_id
        if required_action is not UNSET:
            field_dict["required_action"] = required_action
        if last_error is not UNSET:
            field_dict["last_error"] = last_error
        if incomplete_details is not UNSET:
            field_dict["incomplete_details"] = incomplete_details
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if cancelled_at is not UNSET:
            field_dict["cancelled_at"] = cancelled_at
        if failed_at is not UNSET:
            field_dict["failed_at"] = failed_at
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
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
            object_: RunObjectName | str
            if isinstance(_object_, str):
                object_ = RunObjectName.parse(_object_)
            else:
                raise PayloadError(f"expected a string, got {json_type_name(_object_)}")

            _field = "created_at"
            created_at = d.pop("created_at")

            _field = "thread_id"
            thread_id = d.pop("thread_id")

            _field = "status"
            _status = d.pop("status")
            status: RunStatus | str
            if isinstance(_status, str):
                status = RunStatus.parse(_status)
            else:
                raise PayloadError(f"expected a string, got {json_type_name(_status)}")

            _field = "assistant_id"
            assistant_id = d.pop("assistant_id", UNSET)

            _field = "required_action"
            _required_action = d.pop("required_action", UNSET)
            required_action: None | RequiredAction | Unset
            if _required_action is None:
                required_action = None
            elif isinstance(_required_action, Unset):
                required_action = UNSET
            elif isinstance(_required_action, dict):
                required_action = RequiredAction.from_dict(_required_action)
            else:
                raise PayloadError(f"expected an object or null, got {json_type_name(_required_action)}")

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

            _field = "incomplete_details"
            _incomplete_details = d.pop("incomplete_details", UNSET)
            incomplete_details: IncompleteDetails | None | Unset
            if _incomplete_details is None:
                incomplete_details = None
            elif isinstance(_incomplete_details, Unset):
                incomplete_details = UNSET
            elif isinstance(_incomplete_details, dict):
                incomplete_details = IncompleteDetails.from_dict(_incomplete_details)
            else:
                raise PayloadError(f"expected an object or null, got {json_type_name(_incomplete_details)}")

            _field = "expires_at"
            expires_at: int | None | Unset = d.pop("expires_at", UNSET)

            _field = "started_at"
            started_at: int | None | Unset = d.pop("started_at", UNSET)

            _field = "cancelled_at"
            cancelled_at: int | None | Unset = d.pop("cancelled_at", UNSET)

            _field = "failed_at"
            failed_at: int | None | Unset = d.pop("failed_at", UNSET)

            _field = "completed_at"
            completed_at: int | None | Unset = d.pop("completed_at", UNSET)

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
        run = cls(
            id,
            object_,
            created_at,
            thread_id,
            status,
            assistant_id,
            required_action,
            last_error,
            incomplete_details,
            expires_at,
            started_at,
            cancelled_at,
            failed_at,
            completed_at,
            usage,
        )

        run.additional_properties = d
        return run

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


from ..models.incomplete_details import IncompleteDetails  # noqa: E402
from ..models.last_error import LastError  # noqa: E402
from ..models.required_action import RequiredAction  # noqa: E402
from ..models.usage import Usage  # noqa: E402
