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
from ..models.completion_tokens_details import CompletionTokensDetails
from ..models.prompt_tokens_details import PromptTokensDetails

_new = object.__new__
_KEYS: frozenset[str] = frozenset(
    (
        "prompt_tokens",
        "completion_tokens",
        "total_tokens",
        "prompt_tokens_details",
        "prompt_token_details",
        "completion_tokens_details",
    )
)


@_attrs_define
class Usage(Model[Any]):
    """Token counts. Fields may be missing; newer servers add detail objects, spelled `prompt_tokens_details` or
    `prompt_token_details`.

    Attributes:
        prompt_tokens (int | None):
        completion_tokens (int | None):
        total_tokens (int | None):
        prompt_tokens_details (PromptTokensDetails | None):
        prompt_token_details (PromptTokensDetails | None):
        completion_tokens_details (CompletionTokensDetails | None):
    """

    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    total_tokens: int | None = None
    prompt_tokens_details: PromptTokensDetails | None = None
    prompt_token_details: PromptTokensDetails | None = None
    completion_tokens_details: CompletionTokensDetails | None = None
    # Which fields came as null (a bit each, by position), and keys the spec does not declare.
    _nulls: int = _attrs_field(default=0, repr=False, alias="_nulls")
    _extra: dict[str, Any] | None = _attrs_field(default=None, repr=False, eq=extra_key, alias="_extra")

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: what `from_dict` read, unchanged; fields set to None are left out."""
        _d: dict[str, Any] = {}
        _n = self._nulls
        prompt_tokens = self.prompt_tokens
        if prompt_tokens is not None:
            _d["prompt_tokens"] = prompt_tokens
        elif _n & 1:
            _d["prompt_tokens"] = None
        completion_tokens = self.completion_tokens
        if completion_tokens is not None:
            _d["completion_tokens"] = completion_tokens
        elif _n & 2:
            _d["completion_tokens"] = None
        total_tokens = self.total_tokens
        if total_tokens is not None:
            _d["total_tokens"] = total_tokens
        elif _n & 4:
            _d["total_tokens"] = None
        prompt_tokens_details = self.prompt_tokens_details
        if prompt_tokens_details is not None:
            _d["prompt_tokens_details"] = prompt_tokens_details.to_dict()
        elif _n & 8:
            _d["prompt_tokens_details"] = None
        prompt_token_details = self.prompt_token_details
        if prompt_token_details is not None:
            _d["prompt_token_details"] = prompt_token_details.to_dict()
        elif _n & 16:
            _d["prompt_token_details"] = None
        completion_tokens_details = self.completion_tokens_details
        if completion_tokens_details is not None:
            _d["completion_tokens_details"] = completion_tokens_details.to_dict()
        elif _n & 32:
            _d["completion_tokens_details"] = None
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
        prompt_tokens: int | None
        prompt_tokens = src_dict.get("prompt_tokens")
        if prompt_tokens is None:
            if "prompt_tokens" in src_dict:
                _nulls |= 1
            else:
                _absent += 1
        completion_tokens: int | None
        completion_tokens = src_dict.get("completion_tokens")
        if completion_tokens is None:
            if "completion_tokens" in src_dict:
                _nulls |= 2
            else:
                _absent += 1
        total_tokens: int | None
        total_tokens = src_dict.get("total_tokens")
        if total_tokens is None:
            if "total_tokens" in src_dict:
                _nulls |= 4
            else:
                _absent += 1
        prompt_tokens_details: PromptTokensDetails | None
        try:
            _raw = src_dict.get("prompt_tokens_details")
            if _raw is None:
                prompt_tokens_details = None
                if "prompt_tokens_details" in src_dict:
                    _nulls |= 8
                else:
                    _absent += 1
            else:
                if type(_raw) is not dict and not isinstance(_raw, Mapping):
                    raise PayloadError(f"expected an object, got {json_type_name(_raw)}")
                _nulls1 = 0
                _absent1 = 0
                _prompt_tokens_details__cached_tokens: int | None
                _prompt_tokens_details__cached_tokens = _raw.get("cached_tokens")
                if _prompt_tokens_details__cached_tokens is None:
                    if "cached_tokens" in _raw:
                        _nulls1 |= 1
                    else:
                        _absent1 += 1
                _extra1 = (
                    None if len(_raw) + _absent1 == 1 else {k: v for k, v in _raw.items() if k not in {"cached_tokens"}}
                )
                prompt_tokens_details = _new(PromptTokensDetails)
                prompt_tokens_details.cached_tokens = _prompt_tokens_details__cached_tokens
                prompt_tokens_details._nulls = _nulls1
                prompt_tokens_details._extra = _extra1

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "prompt_tokens_details")  # noqa: B904 (field_error chains it)
        prompt_token_details: PromptTokensDetails | None
        try:
            _raw = src_dict.get("prompt_token_details")
            if _raw is None:
                prompt_token_details = None
                if "prompt_token_details" in src_dict:
                    _nulls |= 16
                else:
                    _absent += 1
            else:
                if type(_raw) is not dict and not isinstance(_raw, Mapping):
                    raise PayloadError(f"expected an object, got {json_type_name(_raw)}")
                _nulls1 = 0
                _absent1 = 0
                _prompt_token_details__cached_tokens: int | None
                _prompt_token_details__cached_tokens = _raw.get("cached_tokens")
                if _prompt_token_details__cached_tokens is None:
                    if "cached_tokens" in _raw:
                        _nulls1 |= 1
                    else:
                        _absent1 += 1
                _extra1 = (
                    None if len(_raw) + _absent1 == 1 else {k: v for k, v in _raw.items() if k not in {"cached_tokens"}}
                )
                prompt_token_details = _new(PromptTokensDetails)
                prompt_token_details.cached_tokens = _prompt_token_details__cached_tokens
                prompt_token_details._nulls = _nulls1
                prompt_token_details._extra = _extra1

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "prompt_token_details")  # noqa: B904 (field_error chains it)
        completion_tokens_details: CompletionTokensDetails | None
        try:
            _raw = src_dict.get("completion_tokens_details")
            if _raw is None:
                completion_tokens_details = None
                if "completion_tokens_details" in src_dict:
                    _nulls |= 32
                else:
                    _absent += 1
            else:
                if type(_raw) is not dict and not isinstance(_raw, Mapping):
                    raise PayloadError(f"expected an object, got {json_type_name(_raw)}")
                _nulls1 = 0
                _absent1 = 0
                _completion_tokens_details__reasoning_tokens: int | None
                _completion_tokens_details__reasoning_tokens = _raw.get("reasoning_tokens")
                if _completion_tokens_details__reasoning_tokens is None:
                    if "reasoning_tokens" in _raw:
                        _nulls1 |= 1
                    else:
                        _absent1 += 1
                _extra1 = (
                    None
                    if len(_raw) + _absent1 == 1
                    else {k: v for k, v in _raw.items() if k not in {"reasoning_tokens"}}
                )
                completion_tokens_details = _new(CompletionTokensDetails)
                completion_tokens_details.reasoning_tokens = _completion_tokens_details__reasoning_tokens
                completion_tokens_details._nulls = _nulls1
                completion_tokens_details._extra = _extra1

        except FIELD_FAILURES as _exc:
            raise field_error(_exc, "completion_tokens_details")  # noqa: B904 (field_error chains it)
        _extra = None if len(src_dict) + _absent == 6 else {k: v for k, v in src_dict.items() if k not in _KEYS}
        if cls is Usage:
            # Slots set directly: no __init__ frame and its arguments (a third of the cost of a small model).
            _self = _new(cls)
            _self.prompt_tokens = prompt_tokens
            _self.completion_tokens = completion_tokens
            _self.total_tokens = total_tokens
            _self.prompt_tokens_details = prompt_tokens_details
            _self.prompt_token_details = prompt_token_details
            _self.completion_tokens_details = completion_tokens_details
            _self._nulls = _nulls
            _self._extra = _extra
            return _self
        # A subclass may declare fields of its own: its __init__ gives them their defaults.
        # Positional, in the order the fields are declared above: keywords cost twice as much here.
        return cls(
            prompt_tokens,
            completion_tokens,
            total_tokens,
            prompt_tokens_details,
            prompt_token_details,
            completion_tokens_details,
            _nulls,
            _extra,
        )
