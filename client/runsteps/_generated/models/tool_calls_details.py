from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    Model,
    PayloadError,
    extra_key,
    json_type_name,
)

_KEYS: frozenset[str] = frozenset(
    (
        "type",
        "tool_calls",
    )
)


@_attrs_define
class ToolCallsDetails(Model[Any]):
    """ToolCallsDetails

    Attributes:
        type (Literal['tool_calls']):
        tool_calls (list[CodeInterpreterToolCall | FileSearchToolCall | FunctionToolCall | UnknownToolCall] | None):
    """

    type: Literal["tool_calls"]
    tool_calls: list[CodeInterpreterToolCall | FileSearchToolCall | FunctionToolCall | UnknownToolCall] | None = None
    # Which fields came as null (a bit each, by position), and keys the spec does not declare.
    _nulls: int = _attrs_field(default=0, repr=False, alias="_nulls")
    _extra: dict[str, Any] | None = _attrs_field(default=None, repr=False, eq=extra_key, alias="_extra")

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: what `from_dict` read, unchanged; fields set to None are left out."""
        _d: dict[str, Any] = {}
        _n = self._nulls
        type_ = self.type
        if type_ is not None:
            _d["type"] = type_
        elif _n & 1:
            _d["type"] = None
        tool_calls = self.tool_calls
        if tool_calls is not None:
            _d["tool_calls"] = [_v0.to_dict() for _v0 in tool_calls]
        elif _n & 2:
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
        _field = ""
        try:
            _field = "type"
            type_: Literal["tool_calls"]
            _raw = src_dict["type"]
            if _raw != "tool_calls":
                raise PayloadError(f"expected 'tool_calls', got {_raw!r:.60}")
            type_ = _raw

            _field = "tool_calls"
            tool_calls: list[CodeInterpreterToolCall | FileSearchToolCall | FunctionToolCall | UnknownToolCall] | None
            _raw = _get("tool_calls")
            if _raw is None:
                tool_calls = None
                if "tool_calls" in src_dict:
                    _nulls |= 2
            else:
                if not isinstance(_raw, list):
                    raise PayloadError(f"expected an array or null, got {json_type_name(_raw)}")
                else:
                    tool_calls = []
                    for _i0, _item0 in enumerate(_raw):
                        _tool_calls_0: CodeInterpreterToolCall | FileSearchToolCall | FunctionToolCall | UnknownToolCall
                        try:
                            if isinstance(_item0, dict):
                                _type1 = _item0.get("type")
                                if _type1 == "code_interpreter":
                                    _tool_calls_0 = CodeInterpreterToolCall.from_dict(_item0)
                                elif _type1 == "file_search":
                                    _tool_calls_0 = FileSearchToolCall.from_dict(_item0)
                                elif _type1 == "function":
                                    _tool_calls_0 = FunctionToolCall.from_dict(_item0)
                                else:
                                    _tool_calls_0 = UnknownToolCall.from_dict(_item0)
                            else:
                                raise PayloadError(f"expected an object, got {json_type_name(_item0)}")

                        except PayloadError as _exc:
                            raise _exc.within(_i0) from None
                        tool_calls.append(_tool_calls_0)

        except PayloadError as _exc:
            raise _exc.within(_field) from None
        except KeyError:
            # Nested models turn their own failures into PayloadError, so a KeyError here is ours.
            raise PayloadError("required field is missing", (_field,)) from None
        except (TypeError, ValueError, AttributeError) as _exc:
            raise PayloadError(str(_exc), (_field,)) from _exc
        _extra = None if _KEYS.issuperset(src_dict) else {k: v for k, v in src_dict.items() if k not in _KEYS}
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            type_,
            tool_calls,
            _nulls,
            _extra,
        )


from ..models.code_interpreter_tool_call import CodeInterpreterToolCall  # noqa: E402
from ..models.file_search_tool_call import FileSearchToolCall  # noqa: E402
from ..models.function_tool_call import FunctionToolCall  # noqa: E402
from ..models.unknown_tool_call import UnknownToolCall  # noqa: E402
