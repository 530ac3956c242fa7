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
        _get = src_dict.get
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
            _raw = _get("tool_calls")
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
    from ..models.required_function_tool_call import RequiredFunctionToolCall
    from ..models.required_mcp_tool_call import RequiredMCPToolCall
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
