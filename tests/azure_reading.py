"""How azure-ai-agents' own models read a payload: which required fields it misses, which keys it cannot read.

azure-ai-agents' models wrap the JSON they are given and read fields lazily, so reading is checked by
walking every field each model declares (`_attr_to_rest_field`) and every key the payload holds.
"""

from __future__ import annotations

import typing
from typing import Any

from azure.ai.agents._utils.model_base import Model, _deserialize  # the models' own reader


def _optional(cls: type, attr: str) -> bool:
    for klass in cls.__mro__:
        annotation = getattr(klass, "__annotations__", {}).get(attr)
        if annotation is None:
            continue
        if isinstance(annotation, str):
            return annotation.startswith("Optional[")
        return type(None) in typing.get_args(annotation)
    return False


def problems(cls: type[Model], payload: Any) -> list[str]:
    """Every way `cls` fails to read `payload` whole, as `path: problem` lines (none when it reads it all)."""
    found: list[str] = []
    _walk(_deserialize(cls, payload), "$", found)
    return found


def _walk(value: Any, path: str, found: list[str]) -> None:
    if isinstance(value, Model):
        cls = type(value)
        if "__mapping__" in vars(cls):  # a base class: the discriminator named no class it knows
            found.append(f"{path}: {cls.__name__} has no class for {dict(value).get('type')!r}")
        fields = cls._attr_to_rest_field  # type: ignore[attr-defined]
        names = {field._rest_name: attr for attr, field in fields.items()}
        for key in value:
            if key not in names:
                found.append(f"{path}.{key}: {cls.__name__} cannot read it")
        for rest_name, attr in names.items():
            if rest_name not in value:
                if not _optional(cls, attr):
                    found.append(f"{path}.{rest_name}: required by {cls.__name__}, missing")
                continue
            _walk(getattr(value, attr), f"{path}.{rest_name}", found)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _walk(item, f"{path}[{i}]", found)
    elif isinstance(value, dict):
        for key, item in value.items():
            _walk(item, f"{path}.{key}", found)
