from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.list_object_name import ListObjectName
from ..types import UNSET, PayloadError, Unset, json_type_name

T = TypeVar("T", bound="RunStepList")


@_attrs_define
class RunStepList:
    """A page of run steps. An empty page has null cursors.

    Attributes:
        object_ (ListObjectName | str):
        data (list[RunStep]):
        has_more (bool):
        first_id (None | str | Unset):
        last_id (None | str | Unset):
    """

    object_: ListObjectName | str
    data: list[RunStep]
    has_more: bool
    first_id: None | str | Unset = UNSET
    last_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        object_: str
        if isinstance(self.object_, ListObjectName):
            object_ = self.object_.value
        else:
            object_ = self.object_

        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        has_more = self.has_more

        first_id: None | str | Unset
        if isinstance(self.first_id, Unset):
            first_id = UNSET
        else:
            first_id = self.first_id

        last_id: None | str | Unset
        if isinstance(self.last_id, Unset):
            last_id = UNSET
        else:
            last_id = self.last_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "object": object_,
                "data": data,
                "has_more": has_more,
            }
        )
        if first_id is not UNSET:
            field_dict["first_id"] = first_id
        if last_id is not UNSET:
            field_dict["last_id"] = last_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        # A dict is the common case; the ABC check only runs for other mappings.
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise PayloadError(f"expected an object, got {json_type_name(src_dict)}")
        d = dict(src_dict)
        _field = ""
        try:
            _field = "object"
            _object_ = d.pop("object")
            object_: ListObjectName | str
            if isinstance(_object_, str):
                object_ = ListObjectName.parse(_object_)
            else:
                raise PayloadError(f"expected a string, got {json_type_name(_object_)}")

            _field = "data"
            _data = d.pop("data")
            if not isinstance(_data, list):
                raise PayloadError(f"expected an array, got {json_type_name(_data)}")
            data = []
            for data_index, data_item_data in enumerate(_data):
                try:
                    data_item = RunStep.from_dict(data_item_data)

                except PayloadError as _exc:
                    raise _exc.within(data_index) from None
                data.append(data_item)

            _field = "has_more"
            has_more = d.pop("has_more")

            _field = "first_id"
            first_id: None | str | Unset = d.pop("first_id", UNSET)

            _field = "last_id"
            last_id: None | str | Unset = d.pop("last_id", UNSET)

        except PayloadError as _exc:
            raise _exc.within(_field) from None
        except KeyError:
            # Nested models turn their own failures into PayloadError, so a KeyError here is ours.
            raise PayloadError("required field is missing", (_field,)) from None
        except (TypeError, ValueError, AttributeError) as _exc:
            raise PayloadError(str(_exc), (_field,)) from _exc
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        run_step_list = cls(
            object_,
            data,
            has_more,
            first_id,
            last_id,
        )

        run_step_list.additional_properties = d
        return run_step_list

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


from ..models.run_step import RunStep  # noqa: E402
