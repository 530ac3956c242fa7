from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, Self

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
from ..models.azure_function_binding import AzureFunctionBinding
from ..models.azure_function_options import AzureFunctionOptions
from ..models.azure_function_storage_queue import AzureFunctionStorageQueue
from ..models.function_definition import FunctionDefinition
from ..models.function_parameters import FunctionParameters

_new = object.__new__
_KEYS: frozenset[str] = frozenset(
    (
        "type",
        "azure_function",
    )
)


@_attrs_define
class AzureFunctionTool(Model[Any]):
    """An Azure Function reached through storage queues.

    Attributes:
        type (Literal['azure_function']):
        azure_function (AzureFunctionOptions | None):
    """

    type: Literal["azure_function"]
    azure_function: AzureFunctionOptions | None = None
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
        azure_function = self.azure_function
        if azure_function is not None:
            _d["azure_function"] = azure_function.to_dict()
        elif _n & 2:
            _d["azure_function"] = None
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
        type_: Literal["azure_function"]
        try:
            _raw = src_dict["type"]
            if _raw != "azure_function":
                raise PayloadError(f"expected 'azure_function', got {_raw!r:.60}")
            type_ = _raw

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "type")  # noqa: B904 (field_error chains it)
        azure_function: AzureFunctionOptions | None
        try:
            _raw = src_dict.get("azure_function")
            if _raw is None:
                azure_function = None
                if "azure_function" in src_dict:
                    _nulls |= 2
                else:
                    _absent += 1
            else:
                if type(_raw) is not dict and not isinstance(_raw, Mapping):
                    raise PayloadError(f"expected an object, got {json_type_name(_raw)}")
                _nulls1 = 0
                _absent1 = 0
                _azure_function__function: FunctionDefinition | None
                try:
                    _raw1 = _raw.get("function")
                    if _raw1 is None:
                        _azure_function__function = None
                        if "function" in _raw:
                            _nulls1 |= 1
                        else:
                            _absent1 += 1
                    else:
                        if type(_raw1) is not dict and not isinstance(_raw1, Mapping):
                            raise PayloadError(f"expected an object, got {json_type_name(_raw1)}")
                        _nulls2 = 0
                        _absent2 = 0
                        _azure_function__function__name: str | None
                        _azure_function__function__name = _raw1.get("name")
                        if _azure_function__function__name is None:
                            if "name" in _raw1:
                                _nulls2 |= 1
                            else:
                                _absent2 += 1
                        _azure_function__function__description: str | None
                        _azure_function__function__description = _raw1.get("description")
                        if _azure_function__function__description is None:
                            if "description" in _raw1:
                                _nulls2 |= 2
                            else:
                                _absent2 += 1
                        _azure_function__function__parameters: FunctionParameters | None
                        try:
                            _raw2 = _raw1.get("parameters")
                            if _raw2 is None:
                                _azure_function__function__parameters = None
                                if "parameters" in _raw1:
                                    _nulls2 |= 4
                                else:
                                    _absent2 += 1
                            else:
                                if type(_raw2) is not dict and not isinstance(_raw2, Mapping):
                                    raise PayloadError(f"expected an object, got {json_type_name(_raw2)}")
                                _nulls3 = 0
                                _absent3 = 0
                                _extra3 = None if len(_raw2) + _absent3 == 0 else dict(_raw2)
                                _azure_function__function__parameters = _new(FunctionParameters)
                                _azure_function__function__parameters._nulls = _nulls3
                                _azure_function__function__parameters._extra = _extra3

                        except FIELD_FAILURES as _exc:
                            raise field_error(_exc, "parameters")  # noqa: B904 (field_error chains it)
                        _azure_function__function__strict: bool | None
                        _azure_function__function__strict = _raw1.get("strict")
                        if _azure_function__function__strict is None:
                            if "strict" in _raw1:
                                _nulls2 |= 8
                            else:
                                _absent2 += 1
                        _extra2 = (
                            None
                            if len(_raw1) + _absent2 == 4
                            else {
                                k: v
                                for k, v in _raw1.items()
                                if k not in {"name", "description", "parameters", "strict"}
                            }
                        )
                        _azure_function__function = _new(FunctionDefinition)
                        _azure_function__function.name = _azure_function__function__name
                        _azure_function__function.description = _azure_function__function__description
                        _azure_function__function.parameters = _azure_function__function__parameters
                        _azure_function__function.strict = _azure_function__function__strict
                        _azure_function__function._nulls = _nulls2
                        _azure_function__function._extra = _extra2

                except FIELD_FAILURES as _exc:
                    raise field_error(_exc, "function")  # noqa: B904 (field_error chains it)
                _azure_function__input_binding: AzureFunctionBinding | None
                try:
                    _raw1 = _raw.get("input_binding")
                    if _raw1 is None:
                        _azure_function__input_binding = None
                        if "input_binding" in _raw:
                            _nulls1 |= 2
                        else:
                            _absent1 += 1
                    else:
                        if type(_raw1) is not dict and not isinstance(_raw1, Mapping):
                            raise PayloadError(f"expected an object, got {json_type_name(_raw1)}")
                        _nulls2 = 0
                        _absent2 = 0
                        _azure_function__input_binding__type_: str | None
                        _azure_function__input_binding__type_ = _raw1.get("type")
                        if _azure_function__input_binding__type_ is None:
                            if "type" in _raw1:
                                _nulls2 |= 1
                            else:
                                _absent2 += 1
                        _azure_function__input_binding__storage_queue: AzureFunctionStorageQueue | None
                        try:
                            _raw2 = _raw1.get("storage_queue")
                            if _raw2 is None:
                                _azure_function__input_binding__storage_queue = None
                                if "storage_queue" in _raw1:
                                    _nulls2 |= 2
                                else:
                                    _absent2 += 1
                            else:
                                if type(_raw2) is not dict and not isinstance(_raw2, Mapping):
                                    raise PayloadError(f"expected an object, got {json_type_name(_raw2)}")
                                _nulls3 = 0
                                _absent3 = 0
                                _azure_function__input_binding__storage_queue__queue_service_endpoint: str | None
                                _azure_function__input_binding__storage_queue__queue_service_endpoint = _raw2.get(
                                    "queue_service_endpoint"
                                )
                                if _azure_function__input_binding__storage_queue__queue_service_endpoint is None:
                                    if "queue_service_endpoint" in _raw2:
                                        _nulls3 |= 1
                                    else:
                                        _absent3 += 1
                                _azure_function__input_binding__storage_queue__queue_name: str | None
                                _azure_function__input_binding__storage_queue__queue_name = _raw2.get("queue_name")
                                if _azure_function__input_binding__storage_queue__queue_name is None:
                                    if "queue_name" in _raw2:
                                        _nulls3 |= 2
                                    else:
                                        _absent3 += 1
                                _extra3 = (
                                    None
                                    if len(_raw2) + _absent3 == 2
                                    else {
                                        k: v
                                        for k, v in _raw2.items()
                                        if k not in {"queue_service_endpoint", "queue_name"}
                                    }
                                )
                                _azure_function__input_binding__storage_queue = _new(AzureFunctionStorageQueue)
                                _azure_function__input_binding__storage_queue.queue_service_endpoint = (
                                    _azure_function__input_binding__storage_queue__queue_service_endpoint
                                )
                                _azure_function__input_binding__storage_queue.queue_name = (
                                    _azure_function__input_binding__storage_queue__queue_name
                                )
                                _azure_function__input_binding__storage_queue._nulls = _nulls3
                                _azure_function__input_binding__storage_queue._extra = _extra3

                        except FIELD_FAILURES as _exc:
                            raise field_error(_exc, "storage_queue")  # noqa: B904 (field_error chains it)
                        _extra2 = (
                            None
                            if len(_raw1) + _absent2 == 2
                            else {k: v for k, v in _raw1.items() if k not in {"type", "storage_queue"}}
                        )
                        _azure_function__input_binding = _new(AzureFunctionBinding)
                        _azure_function__input_binding.type = _azure_function__input_binding__type_
                        _azure_function__input_binding.storage_queue = _azure_function__input_binding__storage_queue
                        _azure_function__input_binding._nulls = _nulls2
                        _azure_function__input_binding._extra = _extra2

                except FIELD_FAILURES as _exc:
                    raise field_error(_exc, "input_binding")  # noqa: B904 (field_error chains it)
                _azure_function__output_binding: AzureFunctionBinding | None
                try:
                    _raw1 = _raw.get("output_binding")
                    if _raw1 is None:
                        _azure_function__output_binding = None
                        if "output_binding" in _raw:
                            _nulls1 |= 4
                        else:
                            _absent1 += 1
                    else:
                        if type(_raw1) is not dict and not isinstance(_raw1, Mapping):
                            raise PayloadError(f"expected an object, got {json_type_name(_raw1)}")
                        _nulls2 = 0
                        _absent2 = 0
                        _azure_function__output_binding__type_: str | None
                        _azure_function__output_binding__type_ = _raw1.get("type")
                        if _azure_function__output_binding__type_ is None:
                            if "type" in _raw1:
                                _nulls2 |= 1
                            else:
                                _absent2 += 1
                        _azure_function__output_binding__storage_queue: AzureFunctionStorageQueue | None
                        try:
                            _raw2 = _raw1.get("storage_queue")
                            if _raw2 is None:
                                _azure_function__output_binding__storage_queue = None
                                if "storage_queue" in _raw1:
                                    _nulls2 |= 2
                                else:
                                    _absent2 += 1
                            else:
                                if type(_raw2) is not dict and not isinstance(_raw2, Mapping):
                                    raise PayloadError(f"expected an object, got {json_type_name(_raw2)}")
                                _nulls3 = 0
                                _absent3 = 0
                                _azure_function__output_binding__storage_queue__queue_service_endpoint: str | None
                                _azure_function__output_binding__storage_queue__queue_service_endpoint = _raw2.get(
                                    "queue_service_endpoint"
                                )
                                if _azure_function__output_binding__storage_queue__queue_service_endpoint is None:
                                    if "queue_service_endpoint" in _raw2:
                                        _nulls3 |= 1
                                    else:
                                        _absent3 += 1
                                _azure_function__output_binding__storage_queue__queue_name: str | None
                                _azure_function__output_binding__storage_queue__queue_name = _raw2.get("queue_name")
                                if _azure_function__output_binding__storage_queue__queue_name is None:
                                    if "queue_name" in _raw2:
                                        _nulls3 |= 2
                                    else:
                                        _absent3 += 1
                                _extra3 = (
                                    None
                                    if len(_raw2) + _absent3 == 2
                                    else {
                                        k: v
                                        for k, v in _raw2.items()
                                        if k not in {"queue_service_endpoint", "queue_name"}
                                    }
                                )
                                _azure_function__output_binding__storage_queue = _new(AzureFunctionStorageQueue)
                                _azure_function__output_binding__storage_queue.queue_service_endpoint = (
                                    _azure_function__output_binding__storage_queue__queue_service_endpoint
                                )
                                _azure_function__output_binding__storage_queue.queue_name = (
                                    _azure_function__output_binding__storage_queue__queue_name
                                )
                                _azure_function__output_binding__storage_queue._nulls = _nulls3
                                _azure_function__output_binding__storage_queue._extra = _extra3

                        except FIELD_FAILURES as _exc:
                            raise field_error(_exc, "storage_queue")  # noqa: B904 (field_error chains it)
                        _extra2 = (
                            None
                            if len(_raw1) + _absent2 == 2
                            else {k: v for k, v in _raw1.items() if k not in {"type", "storage_queue"}}
                        )
                        _azure_function__output_binding = _new(AzureFunctionBinding)
                        _azure_function__output_binding.type = _azure_function__output_binding__type_
                        _azure_function__output_binding.storage_queue = _azure_function__output_binding__storage_queue
                        _azure_function__output_binding._nulls = _nulls2
                        _azure_function__output_binding._extra = _extra2

                except FIELD_FAILURES as _exc:
                    raise field_error(_exc, "output_binding")  # noqa: B904 (field_error chains it)
                _extra1 = (
                    None
                    if len(_raw) + _absent1 == 3
                    else {k: v for k, v in _raw.items() if k not in {"function", "input_binding", "output_binding"}}
                )
                azure_function = _new(AzureFunctionOptions)
                azure_function.function = _azure_function__function
                azure_function.input_binding = _azure_function__input_binding
                azure_function.output_binding = _azure_function__output_binding
                azure_function._nulls = _nulls1
                azure_function._extra = _extra1

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "azure_function")  # noqa: B904 (field_error chains it)
        _extra = None if len(src_dict) + _absent == 2 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is AzureFunctionTool:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.type = type_
            _self.azure_function = azure_function
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            type_,
            azure_function,
            _nulls,
            _extra,
        )
