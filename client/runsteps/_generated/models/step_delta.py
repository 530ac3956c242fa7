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
_KEYS: frozenset[str] = frozenset(("step_details",))


@_attrs_define
class StepDelta(Model[Any]):
    """StepDelta

    Attributes:
        step_details (MessageCreationDetails | ToolCallsDetails | ActivitiesDetails | MCPDeltaDetails | OpenAPIDeltaDetails | UnknownStepDeltaDetails | None): A step's details as deltas carry them: Azure AI Agents also streams MCP and OpenAPI tool calls under
            step details of their own type.
    """

    step_details: (
        MessageCreationDetails
        | ToolCallsDetails
        | ActivitiesDetails
        | MCPDeltaDetails
        | OpenAPIDeltaDetails
        | UnknownStepDeltaDetails
        | None
    ) = None
    # Which fields came as null (a bit each, by position), and keys the spec does not declare.
    _nulls: int = _attrs_field(default=0, repr=False, alias="_nulls")
    _extra: dict[str, Any] | None = _attrs_field(default=None, repr=False, eq=extra_key, alias="_extra")

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: what `from_dict` read, unchanged; fields set to None are left out."""
        _d: dict[str, Any] = {}
        _n = self._nulls
        step_details = self.step_details
        if step_details is not None:
            _d["step_details"] = step_details.to_dict()
        elif _n & 1:
            _d["step_details"] = None
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
        step_details: (
            MessageCreationDetails
            | ToolCallsDetails
            | ActivitiesDetails
            | MCPDeltaDetails
            | OpenAPIDeltaDetails
            | UnknownStepDeltaDetails
            | None
        )
        try:
            _raw = src_dict.get("step_details")
            if _raw is None:
                step_details = None
                if "step_details" in src_dict:
                    _nulls |= 1
                else:
                    _absent += 1
            else:
                if isinstance(_raw, dict):
                    _type0 = _raw.get("type")
                    step_details = (
                        (
                            _VARIANTS_UnknownStepDeltaDetails.get(_type0)
                            or _VARIANTS_UnknownStepDeltaDetails.load(_type0)
                            or UnknownStepDeltaDetails
                        )
                        if isinstance(_type0, str)
                        else UnknownStepDeltaDetails
                    ).from_dict(_raw)
                else:
                    raise PayloadError(f"expected an object or null, got {json_type_name(_raw)}")

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "step_details")  # noqa: B904 (field_error chains it)
        _extra = None if len(src_dict) + _absent == 1 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is StepDelta:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.step_details = step_details
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            step_details,
            _nulls,
            _extra,
        )


if TYPE_CHECKING:
    from ..models.activities_details import ActivitiesDetails
    from ..models.mcp_delta_details import MCPDeltaDetails
    from ..models.message_creation_details import MessageCreationDetails
    from ..models.open_api_delta_details import OpenAPIDeltaDetails
    from ..models.tool_calls_details import ToolCallsDetails
    from ..models.unknown_step_delta_details import UnknownStepDeltaDetails
else:
    UnknownStepDeltaDetails = Deferred(globals(), "unknown_step_delta_details", "UnknownStepDeltaDetails")

_VARIANTS_UnknownStepDeltaDetails: Variants[
    type[MessageCreationDetails]
    | type[ToolCallsDetails]
    | type[ActivitiesDetails]
    | type[MCPDeltaDetails]
    | type[OpenAPIDeltaDetails]
] = Variants(
    {
        "message_creation": ("message_creation_details", "MessageCreationDetails"),
        "tool_calls": ("tool_calls_details", "ToolCallsDetails"),
        "activities": ("activities_details", "ActivitiesDetails"),
        "mcp": ("mcp_delta_details", "MCPDeltaDetails"),
        "openapi": ("open_api_delta_details", "OpenAPIDeltaDetails"),
    }
)
