from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._model_base import (
    FIELD_FAILURES,
    Model,
    PayloadError,
    extra_key,
    field_error,
    json_type_name,
)
from ..models.function_definition import FunctionDefinition
from ..models.function_parameters import FunctionParameters
from ..models.open_api_auth import OpenAPIAuth
from ..models.open_api_security_scheme import OpenAPISecurityScheme

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
        _nulls = 0
        # Declared fields not sent: with the length, it tells whether any key is undeclared (cheaper
        # than a set comparison, and most objects have none).
        _absent = 0
        # A field that can fail has a handler of its own: free until something fails, it names the field.
        name: str | None
        name = src_dict.get("name")
        if name is None:
            if "name" in src_dict:
                _nulls |= 1
            else:
                _absent += 1
        description: str | None
        description = src_dict.get("description")
        if description is None:
            if "description" in src_dict:
                _nulls |= 2
            else:
                _absent += 1
        spec: FunctionParameters | None
        try:
            _raw = src_dict.get("spec")
            if _raw is None:
                spec = None
                if "spec" in src_dict:
                    _nulls |= 4
                else:
                    _absent += 1
            else:
                if type(_raw) is not dict and not isinstance(_raw, Mapping):
                    raise PayloadError(f"expected an object, got {json_type_name(_raw)}")
                _nulls1 = 0
                _absent1 = 0
                _extra1 = None if len(_raw) + _absent1 == 0 else dict(_raw)
                spec = _new(FunctionParameters)
                spec._nulls = _nulls1
                spec._extra = _extra1

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "spec")  # noqa: B904 (field_error chains it)
        auth: OpenAPIAuth | None
        try:
            _raw = src_dict.get("auth")
            if _raw is None:
                auth = None
                if "auth" in src_dict:
                    _nulls |= 8
                else:
                    _absent += 1
            else:
                if type(_raw) is not dict and not isinstance(_raw, Mapping):
                    raise PayloadError(f"expected an object, got {json_type_name(_raw)}")
                _nulls1 = 0
                _absent1 = 0
                _auth__type_: str | None
                _auth__type_ = _raw.get("type")
                if _auth__type_ is None:
                    if "type" in _raw:
                        _nulls1 |= 1
                    else:
                        _absent1 += 1
                _auth__security_scheme: OpenAPISecurityScheme | None
                try:
                    _raw1 = _raw.get("security_scheme")
                    if _raw1 is None:
                        _auth__security_scheme = None
                        if "security_scheme" in _raw:
                            _nulls1 |= 2
                        else:
                            _absent1 += 1
                    else:
                        if type(_raw1) is not dict and not isinstance(_raw1, Mapping):
                            raise PayloadError(f"expected an object, got {json_type_name(_raw1)}")
                        _nulls2 = 0
                        _absent2 = 0
                        _auth__security_scheme__connection_id: str | None
                        _auth__security_scheme__connection_id = _raw1.get("connection_id")
                        if _auth__security_scheme__connection_id is None:
                            if "connection_id" in _raw1:
                                _nulls2 |= 1
                            else:
                                _absent2 += 1
                        _auth__security_scheme__audience: str | None
                        _auth__security_scheme__audience = _raw1.get("audience")
                        if _auth__security_scheme__audience is None:
                            if "audience" in _raw1:
                                _nulls2 |= 2
                            else:
                                _absent2 += 1
                        _extra2 = (
                            None
                            if len(_raw1) + _absent2 == 2
                            else {k: v for k, v in _raw1.items() if k not in {"connection_id", "audience"}}
                        )
                        _auth__security_scheme = _new(OpenAPISecurityScheme)
                        _auth__security_scheme.connection_id = _auth__security_scheme__connection_id
                        _auth__security_scheme.audience = _auth__security_scheme__audience
                        _auth__security_scheme._nulls = _nulls2
                        _auth__security_scheme._extra = _extra2

                except FIELD_FAILURES as _exc:
                    raise field_error(_exc, "security_scheme")  # noqa: B904 (field_error chains it)
                _extra1 = (
                    None
                    if len(_raw) + _absent1 == 2
                    else {k: v for k, v in _raw.items() if k not in {"type", "security_scheme"}}
                )
                auth = _new(OpenAPIAuth)
                auth.type = _auth__type_
                auth.security_scheme = _auth__security_scheme
                auth._nulls = _nulls1
                auth._extra = _extra1

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "auth")  # noqa: B904 (field_error chains it)
        default_params: list[str] | None
        try:
            _raw = src_dict.get("default_params")
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
            _raw = src_dict.get("functions")
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


def _parse_list_of_FunctionDefinition(raw: list[Any]) -> list[FunctionDefinition]:
    items: list[FunctionDefinition] = []
    _value: FunctionDefinition
    # One handler for the loop: the failing item is the one after those already kept.
    try:
        for _item in raw:
            if type(_item) is not dict and not isinstance(_item, Mapping):
                raise PayloadError(f"expected an object, got {json_type_name(_item)}")
            _nulls2 = 0
            _absent2 = 0
            _value__name: str | None
            _value__name = _item.get("name")
            if _value__name is None:
                if "name" in _item:
                    _nulls2 |= 1
                else:
                    _absent2 += 1
            _value__description: str | None
            _value__description = _item.get("description")
            if _value__description is None:
                if "description" in _item:
                    _nulls2 |= 2
                else:
                    _absent2 += 1
            _value__parameters: FunctionParameters | None
            try:
                _raw2 = _item.get("parameters")
                if _raw2 is None:
                    _value__parameters = None
                    if "parameters" in _item:
                        _nulls2 |= 4
                    else:
                        _absent2 += 1
                else:
                    if type(_raw2) is not dict and not isinstance(_raw2, Mapping):
                        raise PayloadError(f"expected an object, got {json_type_name(_raw2)}")
                    _nulls3 = 0
                    _absent3 = 0
                    _extra3 = None if len(_raw2) + _absent3 == 0 else dict(_raw2)
                    _value__parameters = _new(FunctionParameters)
                    _value__parameters._nulls = _nulls3
                    _value__parameters._extra = _extra3

            except FIELD_FAILURES as _exc:
                raise field_error(_exc, "parameters")  # noqa: B904 (field_error chains it)
            _value__strict: bool | None
            _value__strict = _item.get("strict")
            if _value__strict is None:
                if "strict" in _item:
                    _nulls2 |= 8
                else:
                    _absent2 += 1
            _extra2 = (
                None
                if len(_item) + _absent2 == 4
                else {k: v for k, v in _item.items() if k not in {"name", "description", "parameters", "strict"}}
            )
            _value = _new(FunctionDefinition)
            _value.name = _value__name
            _value.description = _value__description
            _value.parameters = _value__parameters
            _value.strict = _value__strict
            _value._nulls = _nulls2
            _value._extra = _extra2
            items.append(_value)
    except PayloadError as _exc:
        raise _exc.within(len(items)) from None
    return items
