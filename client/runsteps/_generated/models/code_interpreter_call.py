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
from ..models.code_interpreter_image import CodeInterpreterImage
from ..models.code_interpreter_image_output import CodeInterpreterImageOutput
from ..models.code_interpreter_logs_output import CodeInterpreterLogsOutput

_new = object.__new__
_KEYS: frozenset[str] = frozenset(
    (
        "input",
        "outputs",
    )
)


@_attrs_define
class CodeInterpreterCall(Model[Any]):
    """Azure sends `completed` calls with `outputs` empty, and CRLF in `input`.

    Attributes:
        input (str | None):
        outputs (list[CodeInterpreterLogsOutput | CodeInterpreterImageOutput | UnknownCodeInterpreterOutput] | None):
    """

    input: str | None = None
    outputs: list[CodeInterpreterLogsOutput | CodeInterpreterImageOutput | UnknownCodeInterpreterOutput] | None = None
    # Which fields came as null (a bit each, by position), and keys the spec does not declare.
    _nulls: int = _attrs_field(default=0, repr=False, alias="_nulls")
    _extra: dict[str, Any] | None = _attrs_field(default=None, repr=False, eq=extra_key, alias="_extra")

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: what `from_dict` read, unchanged; fields set to None are left out."""
        _d: dict[str, Any] = {}
        _n = self._nulls
        input_ = self.input
        if input_ is not None:
            _d["input"] = input_
        elif _n & 1:
            _d["input"] = None
        outputs = self.outputs
        if outputs is not None:
            _d["outputs"] = [_v0.to_dict() for _v0 in outputs]
        elif _n & 2:
            _d["outputs"] = None
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
        input_: str | None
        input_ = src_dict.get("input")
        if input_ is None:
            if "input" in src_dict:
                _nulls |= 1
            else:
                _absent += 1
        outputs: list[CodeInterpreterLogsOutput | CodeInterpreterImageOutput | UnknownCodeInterpreterOutput] | None
        try:
            _raw = src_dict.get("outputs")
            if _raw is None:
                outputs = None
                if "outputs" in src_dict:
                    _nulls |= 2
                else:
                    _absent += 1
            else:
                if not isinstance(_raw, list):
                    raise PayloadError(f"expected an array or null, got {json_type_name(_raw)}")
                else:
                    outputs = _parse_list_of_UnknownCodeInterpreterOutput(_raw)

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "outputs")  # noqa: B904 (field_error chains it)
        _extra = None if len(src_dict) + _absent == 2 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is CodeInterpreterCall:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.input = input_
            _self.outputs = outputs
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            input_,
            outputs,
            _nulls,
            _extra,
        )


if TYPE_CHECKING:
    from ..models.unknown_code_interpreter_output import UnknownCodeInterpreterOutput
else:
    UnknownCodeInterpreterOutput = Deferred(
        globals(), "unknown_code_interpreter_output", "UnknownCodeInterpreterOutput"
    )

_VARIANTS_UnknownCodeInterpreterOutput: Variants[type[CodeInterpreterLogsOutput] | type[CodeInterpreterImageOutput]] = (
    Variants(
        {
            "logs": ("code_interpreter_logs_output", "CodeInterpreterLogsOutput"),
            "image": ("code_interpreter_image_output", "CodeInterpreterImageOutput"),
        }
    )
)


def _parse_list_of_UnknownCodeInterpreterOutput(
    raw: list[Any],
) -> list[CodeInterpreterLogsOutput | CodeInterpreterImageOutput | UnknownCodeInterpreterOutput]:
    items: list[CodeInterpreterLogsOutput | CodeInterpreterImageOutput | UnknownCodeInterpreterOutput] = []
    _value: CodeInterpreterLogsOutput | CodeInterpreterImageOutput | UnknownCodeInterpreterOutput
    # One handler for the loop: the failing item is the one after those already kept.
    try:
        for _item in raw:
            if isinstance(_item, dict):
                _type1 = _item.get("type")
                if _type1 == "logs":
                    _nulls2 = 0
                    _absent2 = 0
                    _value_CodeInterpreterLogsOutput__index: int | None
                    _value_CodeInterpreterLogsOutput__index = _item.get("index")
                    if _value_CodeInterpreterLogsOutput__index is None:
                        if "index" in _item:
                            _nulls2 |= 1
                        else:
                            _absent2 += 1
                    _value_CodeInterpreterLogsOutput__type_: Literal["logs"]
                    _value_CodeInterpreterLogsOutput__type_ = _type1
                    _value_CodeInterpreterLogsOutput__logs: str | None
                    _value_CodeInterpreterLogsOutput__logs = _item.get("logs")
                    if _value_CodeInterpreterLogsOutput__logs is None:
                        if "logs" in _item:
                            _nulls2 |= 4
                        else:
                            _absent2 += 1
                    _extra2 = (
                        None
                        if len(_item) + _absent2 == 3
                        else {k: v for k, v in _item.items() if k not in {"index", "type", "logs"}}
                    )
                    _value = _new(CodeInterpreterLogsOutput)
                    _value.index = _value_CodeInterpreterLogsOutput__index
                    _value.type = _value_CodeInterpreterLogsOutput__type_
                    _value.logs = _value_CodeInterpreterLogsOutput__logs
                    _value._nulls = _nulls2
                    _value._extra = _extra2
                elif _type1 == "image":
                    _nulls2 = 0
                    _absent2 = 0
                    _value_CodeInterpreterImageOutput__index: int | None
                    _value_CodeInterpreterImageOutput__index = _item.get("index")
                    if _value_CodeInterpreterImageOutput__index is None:
                        if "index" in _item:
                            _nulls2 |= 1
                        else:
                            _absent2 += 1
                    _value_CodeInterpreterImageOutput__type_: Literal["image"]
                    _value_CodeInterpreterImageOutput__type_ = _type1
                    _value_CodeInterpreterImageOutput__image: CodeInterpreterImage | None
                    try:
                        _raw2 = _item.get("image")
                        if _raw2 is None:
                            _value_CodeInterpreterImageOutput__image = None
                            if "image" in _item:
                                _nulls2 |= 4
                            else:
                                _absent2 += 1
                        else:
                            if type(_raw2) is not dict and not isinstance(_raw2, Mapping):
                                raise PayloadError(f"expected an object, got {json_type_name(_raw2)}")
                            _nulls3 = 0
                            _absent3 = 0
                            _value_CodeInterpreterImageOutput__image__file_id: str | None
                            _value_CodeInterpreterImageOutput__image__file_id = _raw2.get("file_id")
                            if _value_CodeInterpreterImageOutput__image__file_id is None:
                                if "file_id" in _raw2:
                                    _nulls3 |= 1
                                else:
                                    _absent3 += 1
                            _extra3 = (
                                None
                                if len(_raw2) + _absent3 == 1
                                else {k: v for k, v in _raw2.items() if k not in {"file_id"}}
                            )
                            _value_CodeInterpreterImageOutput__image = _new(CodeInterpreterImage)
                            _value_CodeInterpreterImageOutput__image.file_id = (
                                _value_CodeInterpreterImageOutput__image__file_id
                            )
                            _value_CodeInterpreterImageOutput__image._nulls = _nulls3
                            _value_CodeInterpreterImageOutput__image._extra = _extra3

                    except FIELD_FAILURES as _exc:
                        raise field_error(_exc, "image")  # noqa: B904 (field_error chains it)
                    _extra2 = (
                        None
                        if len(_item) + _absent2 == 3
                        else {k: v for k, v in _item.items() if k not in {"index", "type", "image"}}
                    )
                    _value = _new(CodeInterpreterImageOutput)
                    _value.index = _value_CodeInterpreterImageOutput__index
                    _value.type = _value_CodeInterpreterImageOutput__type_
                    _value.image = _value_CodeInterpreterImageOutput__image
                    _value._nulls = _nulls2
                    _value._extra = _extra2
                else:
                    _value = (
                        (
                            _VARIANTS_UnknownCodeInterpreterOutput.get(_type1)
                            or _VARIANTS_UnknownCodeInterpreterOutput.load(_type1)
                            or UnknownCodeInterpreterOutput
                        )
                        if isinstance(_type1, str)
                        else UnknownCodeInterpreterOutput
                    ).from_dict(_item)
            else:
                raise PayloadError(f"expected an object, got {json_type_name(_item)}")
            items.append(_value)
    except PayloadError as _exc:
        raise _exc.within(len(items)) from None
    return items
