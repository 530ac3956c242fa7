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
from ..models.run_step_delta_object_name import _MEMBERS as _run_step_delta_object_name
from ..models.run_step_delta_object_name import RunStepDeltaObjectName

_new = object.__new__
_KEYS: frozenset[str] = frozenset(
    (
        "id",
        "object",
        "delta",
    )
)


@_attrs_define
class RunStepDelta(Model[Any]):
    """What changed in a step (`thread.run.step.delta`), as streams send it. Tool calls and code-interpreter outputs
    carry their `index` in the step.

    Attributes:
        id (str):
        object (RunStepDeltaObjectName | str | None):
        delta (StepDelta | None):
    """

    id: str
    object: RunStepDeltaObjectName | str | None = None
    delta: StepDelta | None = None
    # Which fields came as null (a bit each, by position), and keys the spec does not declare.
    _nulls: int = _attrs_field(default=0, repr=False, alias="_nulls")
    _extra: dict[str, Any] | None = _attrs_field(default=None, repr=False, eq=extra_key, alias="_extra")

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: what `from_dict` read, unchanged; fields set to None are left out."""
        _d: dict[str, Any] = {}
        _n = self._nulls
        id = self.id
        if id is not None:
            _d["id"] = id
        elif _n & 1:
            _d["id"] = None
        object_ = self.object
        if object_ is not None:
            _d["object"] = str(object_)
        elif _n & 2:
            _d["object"] = None
        delta = self.delta
        if delta is not None:
            _d["delta"] = delta.to_dict()
        elif _n & 4:
            _d["delta"] = None
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
        id: str
        try:
            _raw = src_dict["id"]
            if not isinstance(_raw, str):
                raise PayloadError(f"expected a string, got {json_type_name(_raw)}")
            id = _raw

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "id")  # noqa: B904 (field_error chains it)
        object_: RunStepDeltaObjectName | str | None
        try:
            _raw = src_dict.get("object")
            if _raw is None:
                object_ = None
                if "object" in src_dict:
                    _nulls |= 2
                else:
                    _absent += 1
            else:
                try:
                    object_ = _run_step_delta_object_name[_raw]
                except (KeyError, TypeError):
                    if not isinstance(_raw, str):
                        raise PayloadError(f"expected a string or null, got {json_type_name(_raw)}") from None
                    object_ = _raw

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "object")  # noqa: B904 (field_error chains it)
        delta: StepDelta | None
        try:
            _raw = src_dict.get("delta")
            if _raw is None:
                delta = None
                if "delta" in src_dict:
                    _nulls |= 4
                else:
                    _absent += 1
            else:
                delta = StepDelta.from_dict(_raw)

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "delta")  # noqa: B904 (field_error chains it)
        _extra = None if len(src_dict) + _absent == 3 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is RunStepDelta:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.id = id
            _self.object = object_
            _self.delta = delta
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            id,
            object_,
            delta,
            _nulls,
            _extra,
        )


if TYPE_CHECKING:
    from ..models.step_delta import StepDelta
else:
    StepDelta = Deferred(globals(), "step_delta", "StepDelta")
