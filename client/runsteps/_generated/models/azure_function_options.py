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
from ..models.azure_function_binding import AzureFunctionBinding
from ..models.azure_function_storage_queue import AzureFunctionStorageQueue
from ..models.function_definition import FunctionDefinition
from ..models.function_parameters import FunctionParameters

_new = object.__new__
_KEYS: frozenset[str] = frozenset(
    (
        "function",
        "input_binding",
        "output_binding",
    )
)


@_attrs_define
class AzureFunctionOptions(Model[Any]):
    """AzureFunctionOptions

    Attributes:
        function (FunctionDefinition | None):
        input_binding (AzureFunctionBinding | None):
        output_binding (AzureFunctionBinding | None):
    """

    function: FunctionDefinition | None = None
    input_binding: AzureFunctionBinding | None = None
    output_binding: AzureFunctionBinding | None = None
    # Which fields came as null (a bit each, by position), and keys the spec does not declare.
    _nulls: int = _attrs_field(default=0, repr=False, alias="_nulls")
    _extra: dict[str, Any] | None = _attrs_field(default=None, repr=False, eq=extra_key, alias="_extra")

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: what `from_dict` read, unchanged; fields set to None are left out."""
        _d: dict[str, Any] = {}
        _n = self._nulls
        function = self.function
        if function is not None:
            _d["function"] = function.to_dict()
        elif _n & 1:
            _d["function"] = None
        input_binding = self.input_binding
        if input_binding is not None:
            _d["input_binding"] = input_binding.to_dict()
        elif _n & 2:
            _d["input_binding"] = None
        output_binding = self.output_binding
        if output_binding is not None:
            _d["output_binding"] = output_binding.to_dict()
        elif _n & 4:
            _d["output_binding"] = None
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
        function: FunctionDefinition | None
        try:
            _raw = src_dict.get("function")
            if _raw is None:
                function = None
                if "function" in src_dict:
                    _nulls |= 1
                else:
                    _absent += 1
            else:
                if type(_raw) is not dict and not isinstance(_raw, Mapping):
                    raise PayloadError(f"expected an object, got {json_type_name(_raw)}")
                _nulls1 = 0
                _absent1 = 0
                _function__name: str | None
                _function__name = _raw.get("name")
                if _function__name is None:
                    if "name" in _raw:
                        _nulls1 |= 1
                    else:
                        _absent1 += 1
                _function__description: str | None
                _function__description = _raw.get("description")
                if _function__description is None:
                    if "description" in _raw:
                        _nulls1 |= 2
                    else:
                        _absent1 += 1
                _function__parameters: FunctionParameters | None
                try:
                    _raw1 = _raw.get("parameters")
                    if _raw1 is None:
                        _function__parameters = None
                        if "parameters" in _raw:
                            _nulls1 |= 4
                        else:
                            _absent1 += 1
                    else:
                        if type(_raw1) is not dict and not isinstance(_raw1, Mapping):
                            raise PayloadError(f"expected an object, got {json_type_name(_raw1)}")
                        _nulls2 = 0
                        _absent2 = 0
                        _extra2 = None if len(_raw1) + _absent2 == 0 else dict(_raw1)
                        _function__parameters = _new(FunctionParameters)
                        _function__parameters._nulls = _nulls2
                        _function__parameters._extra = _extra2

                except FIELD_FAILURES as _exc:
                    raise field_error(_exc, "parameters")  # noqa: B904 (field_error chains it)
                _function__strict: bool | None
                _function__strict = _raw.get("strict")
                if _function__strict is None:
                    if "strict" in _raw:
                        _nulls1 |= 8
                    else:
                        _absent1 += 1
                _extra1 = (
                    None
                    if len(_raw) + _absent1 == 4
                    else {k: v for k, v in _raw.items() if k not in {"name", "description", "parameters", "strict"}}
                )
                function = _new(FunctionDefinition)
                function.name = _function__name
                function.description = _function__description
                function.parameters = _function__parameters
                function.strict = _function__strict
                function._nulls = _nulls1
                function._extra = _extra1

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "function")  # noqa: B904 (field_error chains it)
        input_binding: AzureFunctionBinding | None
        try:
            _raw = src_dict.get("input_binding")
            if _raw is None:
                input_binding = None
                if "input_binding" in src_dict:
                    _nulls |= 2
                else:
                    _absent += 1
            else:
                if type(_raw) is not dict and not isinstance(_raw, Mapping):
                    raise PayloadError(f"expected an object, got {json_type_name(_raw)}")
                _nulls1 = 0
                _absent1 = 0
                _input_binding__type_: str | None
                _input_binding__type_ = _raw.get("type")
                if _input_binding__type_ is None:
                    if "type" in _raw:
                        _nulls1 |= 1
                    else:
                        _absent1 += 1
                _input_binding__storage_queue: AzureFunctionStorageQueue | None
                try:
                    _raw1 = _raw.get("storage_queue")
                    if _raw1 is None:
                        _input_binding__storage_queue = None
                        if "storage_queue" in _raw:
                            _nulls1 |= 2
                        else:
                            _absent1 += 1
                    else:
                        if type(_raw1) is not dict and not isinstance(_raw1, Mapping):
                            raise PayloadError(f"expected an object, got {json_type_name(_raw1)}")
                        _nulls2 = 0
                        _absent2 = 0
                        _input_binding__storage_queue__queue_service_endpoint: str | None
                        _input_binding__storage_queue__queue_service_endpoint = _raw1.get("queue_service_endpoint")
                        if _input_binding__storage_queue__queue_service_endpoint is None:
                            if "queue_service_endpoint" in _raw1:
                                _nulls2 |= 1
                            else:
                                _absent2 += 1
                        _input_binding__storage_queue__queue_name: str | None
                        _input_binding__storage_queue__queue_name = _raw1.get("queue_name")
                        if _input_binding__storage_queue__queue_name is None:
                            if "queue_name" in _raw1:
                                _nulls2 |= 2
                            else:
                                _absent2 += 1
                        _extra2 = (
                            None
                            if len(_raw1) + _absent2 == 2
                            else {k: v for k, v in _raw1.items() if k not in {"queue_service_endpoint", "queue_name"}}
                        )
                        _input_binding__storage_queue = _new(AzureFunctionStorageQueue)
                        _input_binding__storage_queue.queue_service_endpoint = (
                            _input_binding__storage_queue__queue_service_endpoint
                        )
                        _input_binding__storage_queue.queue_name = _input_binding__storage_queue__queue_name
                        _input_binding__storage_queue._nulls = _nulls2
                        _input_binding__storage_queue._extra = _extra2

                except FIELD_FAILURES as _exc:
                    raise field_error(_exc, "storage_queue")  # noqa: B904 (field_error chains it)
                _extra1 = (
                    None
                    if len(_raw) + _absent1 == 2
                    else {k: v for k, v in _raw.items() if k not in {"type", "storage_queue"}}
                )
                input_binding = _new(AzureFunctionBinding)
                input_binding.type = _input_binding__type_
                input_binding.storage_queue = _input_binding__storage_queue
                input_binding._nulls = _nulls1
                input_binding._extra = _extra1

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "input_binding")  # noqa: B904 (field_error chains it)
        output_binding: AzureFunctionBinding | None
        try:
            _raw = src_dict.get("output_binding")
            if _raw is None:
                output_binding = None
                if "output_binding" in src_dict:
                    _nulls |= 4
                else:
                    _absent += 1
            else:
                if type(_raw) is not dict and not isinstance(_raw, Mapping):
                    raise PayloadError(f"expected an object, got {json_type_name(_raw)}")
                _nulls1 = 0
                _absent1 = 0
                _output_binding__type_: str | None
                _output_binding__type_ = _raw.get("type")
                if _output_binding__type_ is None:
                    if "type" in _raw:
                        _nulls1 |= 1
                    else:
                        _absent1 += 1
                _output_binding__storage_queue: AzureFunctionStorageQueue | None
                try:
                    _raw1 = _raw.get("storage_queue")
                    if _raw1 is None:
                        _output_binding__storage_queue = None
                        if "storage_queue" in _raw:
                            _nulls1 |= 2
                        else:
                            _absent1 += 1
                    else:
                        if type(_raw1) is not dict and not isinstance(_raw1, Mapping):
                            raise PayloadError(f"expected an object, got {json_type_name(_raw1)}")
                        _nulls2 = 0
                        _absent2 = 0
                        _output_binding__storage_queue__queue_service_endpoint: str | None
                        _output_binding__storage_queue__queue_service_endpoint = _raw1.get("queue_service_endpoint")
                        if _output_binding__storage_queue__queue_service_endpoint is None:
                            if "queue_service_endpoint" in _raw1:
                                _nulls2 |= 1
                            else:
                                _absent2 += 1
                        _output_binding__storage_queue__queue_name: str | None
                        _output_binding__storage_queue__queue_name = _raw1.get("queue_name")
                        if _output_binding__storage_queue__queue_name is None:
                            if "queue_name" in _raw1:
                                _nulls2 |= 2
                            else:
                                _absent2 += 1
                        _extra2 = (
                            None
                            if len(_raw1) + _absent2 == 2
                            else {k: v for k, v in _raw1.items() if k not in {"queue_service_endpoint", "queue_name"}}
                        )
                        _output_binding__storage_queue = _new(AzureFunctionStorageQueue)
                        _output_binding__storage_queue.queue_service_endpoint = (
                            _output_binding__storage_queue__queue_service_endpoint
                        )
                        _output_binding__storage_queue.queue_name = _output_binding__storage_queue__queue_name
                        _output_binding__storage_queue._nulls = _nulls2
                        _output_binding__storage_queue._extra = _extra2

                except FIELD_FAILURES as _exc:
                    raise field_error(_exc, "storage_queue")  # noqa: B904 (field_error chains it)
                _extra1 = (
                    None
                    if len(_raw) + _absent1 == 2
                    else {k: v for k, v in _raw.items() if k not in {"type", "storage_queue"}}
                )
                output_binding = _new(AzureFunctionBinding)
                output_binding.type = _output_binding__type_
                output_binding.storage_queue = _output_binding__storage_queue
                output_binding._nulls = _nulls1
                output_binding._extra = _extra1

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "output_binding")  # noqa: B904 (field_error chains it)
        _extra = None if len(src_dict) + _absent == 3 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is AzureFunctionOptions:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.function = function
            _self.input_binding = input_binding
            _self.output_binding = output_binding
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            function,
            input_binding,
            output_binding,
            _nulls,
            _extra,
        )
