from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import PayloadError, json_type_name

T = TypeVar("T", bound="CodeInterpreterCall")


@_attrs_define
class CodeInterpreterCall:
    """
    Attributes:
        input_ (str):
        outputs (list[CodeInterpreterImageOutput | CodeInterpreterLogsOutput | UnknownCodeInterpreterOutput]):
    """

    input_: str
    outputs: list[CodeInterpreterImageOutput | CodeInterpreterLogsOutput | UnknownCodeInterpreterOutput]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        input_ = self.input_

        outputs = []
        for outputs_item_data in self.outputs:
            outputs_item: dict[str, Any]
            if isinstance(outputs_item_data, CodeInterpreterLogsOutput):
                outputs_item = outputs_item_data.to_dict()
            elif isinstance(outputs_item_data, CodeInterpreterImageOutput):
                outputs_item = outputs_item_data.to_dict()
            else:
                outputs_item = outputs_item_data.to_dict()

            outputs.append(outputs_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "input": input_,
                "outputs": outputs,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        # A dict is the common case; the ABC check only runs for other mappings.
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise PayloadError(f"expected an object, got {json_type_name(src_dict)}")
        d = dict(src_dict)
        _field = ""
        try:
            _field = "input"
            input_ = d.pop("input")

            _field = "outputs"
            _outputs = d.pop("outputs")
            if not isinstance(_outputs, list):
                raise PayloadError(f"expected an array, got {json_type_name(_outputs)}")
            outputs = []
            for outputs_index, outputs_item_data in enumerate(_outputs):
                try:
                    _outputs_item = outputs_item_data
                    outputs_item: CodeInterpreterImageOutput | CodeInterpreterLogsOutput | UnknownCodeInterpreterOutput
                    if isinstance(_outputs_item, dict):
                        _outputs_item_type = _outputs_item.get("type")
                        if _outputs_item_type == "logs":
                            outputs_item = CodeInterpreterLogsOutput.from_dict(_outputs_item)
                        elif _outputs_item_type == "image":
                            outputs_item = CodeInterpreterImageOutput.from_dict(_outputs_item)
                        else:
                            outputs_item = UnknownCodeInterpreterOutput.from_dict(_outputs_item)
                    else:
                        raise PayloadError(f"expected an object, got {json_type_name(_outputs_item)}")

                except PayloadError as _exc:
                    raise _exc.within(outputs_index) from None
                outputs.append(outputs_item)

        except PayloadError as _exc:
            raise _exc.within(_field) from None
        except KeyError:
            # Nested models turn their own failures into PayloadError, so a KeyError here is ours.
            raise PayloadError("required field is missing", (_field,)) from None
        except (TypeError, ValueError, AttributeError) as _exc:
            raise PayloadError(str(_exc), (_field,)) from _exc
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        code_interpreter_call = cls(
            input_,
            outputs,
        )

        code_interpreter_call.additional_properties = d
        return code_interpreter_call

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


from ..models.code_interpreter_image_output import CodeInterpreterImageOutput  # noqa: E402
from ..models.code_interpreter_logs_output import CodeInterpreterLogsOutput  # noqa: E402
from ..models.unknown_code_interpreter_output import UnknownCodeInterpreterOutput  # noqa: E402
