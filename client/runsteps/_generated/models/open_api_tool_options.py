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
        "name",
        "description",
        "spec",
        "auth",
        "default_params",
        "functions",
    )
)


@_attrs_define
class OpenAPIToolOptions(Model[Any]):
    """OpenAPIToolOptions

    Attributes:
        name (str | None):
        description (str | None):
        spec (FunctionParameters | None): A JSON Schema object, kept as sent.
        auth (OpenAPIAuth | None): `anonymous`, `connection` or `managed_identity`, with its `security_scheme`.
        default_params (list[str] | None):
        functions (list[FunctionDefinition] | None):
    """

    name: str | None = None
    description: str | None = None
    spec: FunctionParameters | None = None
    auth: OpenAPIAuth | None = None
    default_params: list[str] | None = None
    functions: list[FunctionDefinition] | None = None
    # Which fields came as null (a bit each, by position), and keys the spec does not declare.
    _nulls: int = _attrs_field(default=0, repr=False, alias="_nulls")
    _extra: dict[str, Any] | None = _attrs_field(default=None, repr=False, eq=extra_key, alias="_extra")

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: what `from_dict` read, unchanged; fields set to None are left out."""
        _d: dict[str, Any] = {}
        _n = self._nulls
        name = self.name
        if name is not None:
            _d["name"] = name
        elif _n & 1:
            _d["name"] = None
        description = self.description
        if description is not None:
            _d["description"] = description
        elif _n & 2:
            _d["description"] = None
        spec = self.spec
        if spec is not None:
            _d["spec"] = spec.to_dict()
        elif _n & 4:
            _d["spec"] = None
        auth = self.auth
        if auth is not None:
            _d["auth"] = auth.to_dict()
        elif _n & 8:
            _d["auth"] = None
        default_params = self.default_params
        if default_params is not None:
            _d["default_params"] = list(default_params)
        elif _n & 16:
            _d["default_params"] = None
        functions = self.functions
        if functions is not None:
            _d["functions"] = [_v0.to_dict() for _v0 in functions]
        elif _n & 32:
            _d["functions"] = None
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
        name: str | None
        name = _get("name")
        if name is None:
            if "name" in src_dict:
                _nulls |= 1
            else:
                _absent += 1
        description: str | None
        description = _get("description")
        if description is None:
            if "description" in src_dict:
                _nulls |= 2
            else:
                _absent += 1
        spec: FunctionParameters | None
        try:
            _raw = _get("spec")
            if _raw is None:
                spec = None
                if "spec" in src_dict:
                    _nulls |= 4
                else:
                    _absent += 1
            else:
                spec = FunctionParameters.from_dict(_raw)

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "spec")  # noqa: B904 (field_error chains it)
        auth: OpenAPIAuth | None
        try:
            _raw = _get("auth")
            if _raw is None:
                auth = None
                if "auth" in src_dict:
                    _nulls |= 8
                else:
                    _absent += 1
            else:
                auth = OpenAPIAuth.from_dict(_raw)

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "auth")  # noqa: B904 (field_error chains it)
        default_params: list[str] | None
        try:
            _raw = _get("default_params")
            if _raw is None:
                default_params = None
                if "default_params" in src_dict:
                    _nulls |= 16
                else:
                    _absent += 1
            else:
                if not isinstance(_raw, list):
                    raise PayloadError(f"expected an array or null, got {json_type_name(_raw)}")
                else:
                    default_params = _raw

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "default_params")  # noqa: B904 (field_error chains it)
        functions: list[FunctionDefinition] | None
        try:
            _raw = _get("functions")
            if _raw is None:
                functions = None
                if "functions" in src_dict:
                    _nulls |= 32
                else:
                    _absent += 1
            else:
                if not isinstance(_raw, list):
                    raise PayloadError(f"expected an array or null, got {json_type_name(_raw)}")
                else:
                    functions = _parse_list_of_FunctionDefinition(_raw)

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "functions")  # noqa: B904 (field_error chains it)
        _extra = None if len(src_dict) + _absent == 6 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is OpenAPIToolOptions:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.name = name
            _self.description = description
            _self.spec = spec
            _self.auth = auth
            _self.default_params = default_params
            _self.functions = functions
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            name,
            description,
            spec,
            auth,
            default_params,
            functions,
            _nulls,
            _extra,
        )


if TYPE_CHECKING:
    from ..models.function_definition import FunctionDefinition
    from ..models.function_parameters import FunctionParameters
    from ..models.open_api_auth import OpenAPIAuth
else:
    FunctionDefinition = Deferred(globals(), "function_definition", "FunctionDefinition")
    FunctionParameters = Deferred(globals(), "function_parameters", "FunctionParameters")
    OpenAPIAuth = Deferred(globals(), "open_api_auth", "OpenAPIAuth")


def _parse_list_of_FunctionDefinition(raw: list[Any]) -> list[FunctionDefinition]:
    items: list[FunctionDefinition] = []
    _value: FunctionDefinition
    # One handler for the loop: the failing item is the one after those already kept.
    try:
        for _item in raw:
            _value = FunctionDefinition.from_dict(_item)
            items.append(_value)
    except PayloadError as _exc:
        raise _exc.within(len(items)) from None
    return items
