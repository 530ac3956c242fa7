from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.last_error_code import LastErrorCode
from ..types import UNSET, PayloadError, Unset, json_type_name

T = TypeVar("T", bound="LastError")


@_attrs_define
class LastError:
    """
    Attributes:
        code (LastErrorCode | str | Unset):
        message (str | Unset):
    """

    code: LastErrorCode | str | Unset = UNSET
    message: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code: str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        elif isinstance(self.code, LastErrorCode):
            code = self.code.value
        else:
            code = self.code

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if code is not UNSET:
            field_dict["code"] = code
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        # A dict is the common case; the ABC check only runs for other mappings.
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise PayloadError(f"expected an object, got {json_type_name(src_dict)}")
        d = dict(src_dict)
        _field = ""
        try:
            _field = "code"
            _code = d.pop("code", UNSET)
            code: LastErrorCode | str | Unset
            if isinstance(_code, Unset):
                code = UNSET
            elif isinstance(_code, str):
                code = LastErrorCode.parse(_code)
            else:
                raise PayloadError(f"expected a string, got {json_type_name(_code)}")

            _field = "message"
            message = d.pop("message", UNSET)

        except PayloadError as _exc:
            raise _exc.within(_field) from None
        except KeyError:
            # Nested models turn their own failures into PayloadError, so a KeyError here is ours.
            raise PayloadError("required field is missing", (_field,)) from None
        except (TypeError, ValueError, AttributeError) as _exc:
            raise PayloadError(str(_exc), (_field,)) from _exc
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        last_error = cls(
            code,
            message,
        )

        last_error.additional_properties = d
        return last_error

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
