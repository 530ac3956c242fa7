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
    extra_key,
    field_error,
    json_type_name,
)

_new = object.__new__
_KEYS: frozenset[str] = frozenset(
    (
        "code_interpreter",
        "file_search",
        "azure_ai_search",
        "mcp",
    )
)


@_attrs_define
class ToolResources(Model[Any]):
    """ToolResources

    Attributes:
        code_interpreter (CodeInterpreterResource | None):
        file_search (FileSearchResource | None):
        azure_ai_search (AzureAISearchResource | None):
        mcp (list[MCPResource] | None): May be null.
    """

    code_interpreter: CodeInterpreterResource | None = None
    file_search: FileSearchResource | None = None
    azure_ai_search: AzureAISearchResource | None = None
    mcp: list[MCPResource] | None = None
    # Which fields came as null (a bit each, by position), and keys the spec does not declare.
    _nulls: int = _attrs_field(default=0, repr=False, alias="_nulls")
    _extra: dict[str, Any] | None = _attrs_field(default=None, repr=False, eq=extra_key, alias="_extra")

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: what `from_dict` read, unchanged; fields set to None are left out."""
        _d: dict[str, Any] = {}
        _n = self._nulls
        code_interpreter = self.code_interpreter
        if code_interpreter is not None:
            _d["code_interpreter"] = code_interpreter.to_dict()
        elif _n & 1:
            _d["code_interpreter"] = None
        file_search = self.file_search
        if file_search is not None:
            _d["file_search"] = file_search.to_dict()
        elif _n & 2:
            _d["file_search"] = None
        azure_ai_search = self.azure_ai_search
        if azure_ai_search is not None:
            _d["azure_ai_search"] = azure_ai_search.to_dict()
        elif _n & 4:
            _d["azure_ai_search"] = None
        mcp = self.mcp
        if mcp is not None:
            _d["mcp"] = [_v0.to_dict() for _v0 in mcp]
        elif _n & 8:
            _d["mcp"] = None
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
        code_interpreter: CodeInterpreterResource | None
        try:
            _raw = src_dict.get("code_interpreter")
            if _raw is None:
                code_interpreter = None
                if "code_interpreter" in src_dict:
                    _nulls |= 1
                else:
                    _absent += 1
            else:
                if isinstance(_raw, dict):
                    code_interpreter = CodeInterpreterResource.from_dict(_raw)
                else:
                    raise PayloadError(f"expected an object or null, got {json_type_name(_raw)}")

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "code_interpreter")  # noqa: B904 (field_error chains it)
        file_search: FileSearchResource | None
        try:
            _raw = src_dict.get("file_search")
            if _raw is None:
                file_search = None
                if "file_search" in src_dict:
                    _nulls |= 2
                else:
                    _absent += 1
            else:
                if isinstance(_raw, dict):
                    file_search = FileSearchResource.from_dict(_raw)
                else:
                    raise PayloadError(f"expected an object or null, got {json_type_name(_raw)}")

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "file_search")  # noqa: B904 (field_error chains it)
        azure_ai_search: AzureAISearchResource | None
        try:
            _raw = src_dict.get("azure_ai_search")
            if _raw is None:
                azure_ai_search = None
                if "azure_ai_search" in src_dict:
                    _nulls |= 4
                else:
                    _absent += 1
            else:
                if isinstance(_raw, dict):
                    azure_ai_search = AzureAISearchResource.from_dict(_raw)
                else:
                    raise PayloadError(f"expected an object or null, got {json_type_name(_raw)}")

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "azure_ai_search")  # noqa: B904 (field_error chains it)
        mcp: list[MCPResource] | None
        try:
            _raw = src_dict.get("mcp")
            if _raw is None:
                mcp = None
                if "mcp" in src_dict:
                    _nulls |= 8
                else:
                    _absent += 1
            else:
                if not isinstance(_raw, list):
                    raise PayloadError(f"expected an array or null, got {json_type_name(_raw)}")
                else:
                    mcp = _parse_list_of_MCPResource(_raw)

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "mcp")  # noqa: B904 (field_error chains it)
        _extra = None if len(src_dict) + _absent == 4 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is ToolResources:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.code_interpreter = code_interpreter
            _self.file_search = file_search
            _self.azure_ai_search = azure_ai_search
            _self.mcp = mcp
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            code_interpreter,
            file_search,
            azure_ai_search,
            mcp,
            _nulls,
            _extra,
        )


if TYPE_CHECKING:
    from ..models.azure_ai_search_resource import AzureAISearchResource
    from ..models.code_interpreter_resource import CodeInterpreterResource
    from ..models.file_search_resource import FileSearchResource
    from ..models.mcp_resource import MCPResource
else:
    AzureAISearchResource = Deferred(globals(), "azure_ai_search_resource", "AzureAISearchResource")
    CodeInterpreterResource = Deferred(globals(), "code_interpreter_resource", "CodeInterpreterResource")
    FileSearchResource = Deferred(globals(), "file_search_resource", "FileSearchResource")
    MCPResource = Deferred(globals(), "mcp_resource", "MCPResource")


def _parse_list_of_MCPResource(raw: list[Any]) -> list[MCPResource]:
    items: list[MCPResource] = []
    _value: MCPResource
    # One handler for the loop: the failing item is the one after those already kept.
    try:
        for _item in raw:
            _value = MCPResource.from_dict(_item)
            items.append(_value)
    except PayloadError as _exc:
        raise _exc.within(len(items)) from None
    return items
