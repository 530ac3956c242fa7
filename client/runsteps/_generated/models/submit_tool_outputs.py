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
from ..models.required_function_call import RequiredFunctionCall
from ..models.required_function_tool_call import RequiredFunctionToolCall
from ..models.required_mcp_tool_call import RequiredMCPToolCall

_new = object.__new__
_KEYS: frozenset[str] = frozenset(("tool_calls",))


@_attrs_define
class SubmitToolOutputs(Model[Any]):
    """SubmitToolOutputs

    Attributes:
        tool_calls (list[RequiredFunctionToolCall | RequiredMCPToolCall | RequiredComputerUseToolCall | UnknownRequiredToolCall] | None):
    """

    tool_calls: (
        list[RequiredFunctionToolCall | RequiredMCPToolCall | RequiredComputerUseToolCall | UnknownRequiredToolCall]
        | None
    ) = None
    # Which fields came as null (a bit each, by position), and keys the spec does not declare.
    _nulls: int = _attrs_field(default=0, repr=False, alias="_nulls")
    _extra: dict[str, Any] | None = _attrs_field(default=None, repr=False, eq=extra_key, alias="_extra")

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: what `from_dict` read, unchanged; fields set to None are left out."""
        _d: dict[str, Any] = {}
        _n = self._nulls
        tool_calls = self.tool_calls
        if tool_calls is not None:
            _d["tool_calls"] = [_v0.to_dict() for _v0 in tool_calls]
        elif _n & 1:
            _d["tool_calls"] = None
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
        tool_calls: (
            list[RequiredFunctionToolCall | RequiredMCPToolCall | RequiredComputerUseToolCall | UnknownRequiredToolCall]
            | None
        )
        try:
            _raw = src_dict.get("tool_calls")
            if _raw is None:
                tool_calls = None
                if "tool_calls" in src_dict:
                    _nulls |= 1
                else:
                    _absent += 1
            else:
                if not isinstance(_raw, list):
                    raise PayloadError(f"expected an array or null, got {json_type_name(_raw)}")
                else:
                    tool_calls = _parse_list_of_UnknownRequiredToolCall(_raw)

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "tool_calls")  # noqa: B904 (field_error chains it)
        _extra = None if len(src_dict) + _absent == 1 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is SubmitToolOutputs:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.tool_calls = tool_calls
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            tool_calls,
            _nulls,
            _extra,
        )


if TYPE_CHECKING:
    from ..models.required_computer_use_tool_call import RequiredComputerUseToolCall
    from ..models.unknown_required_tool_call import UnknownRequiredToolCall
else:
    UnknownRequiredToolCall = Deferred(globals(), "unknown_required_tool_call", "UnknownRequiredToolCall")

_VARIANTS_UnknownRequiredToolCall: Variants[
    type[RequiredFunctionToolCall] | type[RequiredMCPToolCall] | type[RequiredComputerUseToolCall]
] = Variants(
    {
        "function": ("required_function_tool_call", "RequiredFunctionToolCall"),
        "mcp": ("required_mcp_tool_call", "RequiredMCPToolCall"),
        "computer_use_preview": ("required_computer_use_tool_call", "RequiredComputerUseToolCall"),
    }
)


def _parse_list_of_UnknownRequiredToolCall(
    raw: list[Any],
) -> list[RequiredFunctionToolCall | RequiredMCPToolCall | RequiredComputerUseToolCall | UnknownRequiredToolCall]:
    items: list[
        RequiredFunctionToolCall | RequiredMCPToolCall | RequiredComputerUseToolCall | UnknownRequiredToolCall
    ] = []
    _value: RequiredFunctionToolCall | RequiredMCPToolCall | RequiredComputerUseToolCall | UnknownRequiredToolCall
    # One handler for the loop: the failing item is the one after those already kept.
    try:
        for _item in raw:
            if isinstance(_item, dict):
                _type1 = _item.get("type")
                if _type1 == "function":
                    _nulls2 = 0
                    _absent2 = 0
                    _value_RequiredFunctionToolCall__id: str | None
                    _value_RequiredFunctionToolCall__id = _item.get("id")
                    if _value_RequiredFunctionToolCall__id is None:
                        if "id" in _item:
                            _nulls2 |= 1
                        else:
                            _absent2 += 1
                    _value_RequiredFunctionToolCall__type_: Literal["function"]
                    _value_RequiredFunctionToolCall__type_ = _type1
                    _value_RequiredFunctionToolCall__function: RequiredFunctionCall | None
                    try:
                        _raw2 = _item.get("function")
                        if _raw2 is None:
                            _value_RequiredFunctionToolCall__function = None
                            if "function" in _item:
                                _nulls2 |= 4
                            else:
                                _absent2 += 1
                        else:
                            if type(_raw2) is not dict and not isinstance(_raw2, Mapping):
                                raise PayloadError(f"expected an object, got {json_type_name(_raw2)}")
                            _nulls3 = 0
                            _absent3 = 0
                            _value_RequiredFunctionToolCall__function__name: str | None
                            _value_RequiredFunctionToolCall__function__name = _raw2.get("name")
                            if _value_RequiredFunctionToolCall__function__name is None:
                                if "name" in _raw2:
                                    _nulls3 |= 1
                                else:
                                    _absent3 += 1
                            _value_RequiredFunctionToolCall__function__arguments: str | None
                            _value_RequiredFunctionToolCall__function__arguments = _raw2.get("arguments")
                            if _value_RequiredFunctionToolCall__function__arguments is None:
                                if "arguments" in _raw2:
                                    _nulls3 |= 2
                                else:
                                    _absent3 += 1
                            _extra3 = (
                                None
                                if len(_raw2) + _absent3 == 2
                                else {k: v for k, v in _raw2.items() if k not in {"name", "arguments"}}
                            )
                            _value_RequiredFunctionToolCall__function = _new(RequiredFunctionCall)
                            _value_RequiredFunctionToolCall__function.name = (
                                _value_RequiredFunctionToolCall__function__name
                            )
                            _value_RequiredFunctionToolCall__function.arguments = (
                                _value_RequiredFunctionToolCall__function__arguments
                            )
                            _value_RequiredFunctionToolCall__function._nulls = _nulls3
                            _value_RequiredFunctionToolCall__function._extra = _extra3

                    except FIELD_FAILURES as _exc:
                        raise field_error(_exc, "function")  # noqa: B904 (field_error chains it)
                    _extra2 = (
                        None
                        if len(_item) + _absent2 == 3
                        else {k: v for k, v in _item.items() if k not in {"id", "type", "function"}}
                    )
                    _value = _new(RequiredFunctionToolCall)
                    _value.id = _value_RequiredFunctionToolCall__id
                    _value.type = _value_RequiredFunctionToolCall__type_
                    _value.function = _value_RequiredFunctionToolCall__function
                    _value._nulls = _nulls2
                    _value._extra = _extra2
                elif _type1 == "mcp":
                    _nulls2 = 0
                    _absent2 = 0
                    _value_RequiredMCPToolCall__id: str | None
                    _value_RequiredMCPToolCall__id = _item.get("id")
                    if _value_RequiredMCPToolCall__id is None:
                        if "id" in _item:
                            _nulls2 |= 1
                        else:
                            _absent2 += 1
                    _value_RequiredMCPToolCall__type_: Literal["mcp"]
                    _value_RequiredMCPToolCall__type_ = _type1
                    _value_RequiredMCPToolCall__server_label: str | None
                    _value_RequiredMCPToolCall__server_label = _item.get("server_label")
                    if _value_RequiredMCPToolCall__server_label is None:
                        if "server_label" in _item:
                            _nulls2 |= 4
                        else:
                            _absent2 += 1
                    _value_RequiredMCPToolCall__name: str | None
                    _value_RequiredMCPToolCall__name = _item.get("name")
                    if _value_RequiredMCPToolCall__name is None:
                        if "name" in _item:
                            _nulls2 |= 8
                        else:
                            _absent2 += 1
                    _value_RequiredMCPToolCall__arguments: str | None
                    _value_RequiredMCPToolCall__arguments = _item.get("arguments")
                    if _value_RequiredMCPToolCall__arguments is None:
                        if "arguments" in _item:
                            _nulls2 |= 16
                        else:
                            _absent2 += 1
                    _extra2 = (
                        None
                        if len(_item) + _absent2 == 5
                        else {
                            k: v
                            for k, v in _item.items()
                            if k not in {"id", "type", "server_label", "name", "arguments"}
                        }
                    )
                    _value = _new(RequiredMCPToolCall)
                    _value.id = _value_RequiredMCPToolCall__id
                    _value.type = _value_RequiredMCPToolCall__type_
                    _value.server_label = _value_RequiredMCPToolCall__server_label
                    _value.name = _value_RequiredMCPToolCall__name
                    _value.arguments = _value_RequiredMCPToolCall__arguments
                    _value._nulls = _nulls2
                    _value._extra = _extra2
                else:
                    _value = (
                        (
                            _VARIANTS_UnknownRequiredToolCall.get(_type1)
                            or _VARIANTS_UnknownRequiredToolCall.load(_type1)
                            or UnknownRequiredToolCall
                        )
                        if isinstance(_type1, str)
                        else UnknownRequiredToolCall
                    ).from_dict(_item)
            else:
                raise PayloadError(f"expected an object, got {json_type_name(_item)}")
            items.append(_value)
    except PayloadError as _exc:
        raise _exc.within(len(items)) from None
    return items
