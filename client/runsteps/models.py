"""Every model of openapi.yaml, as generated: slotted attrs classes with `from_dict`, `to_dict` and `to_json`.

Re-exported wholesale so that a model added to the spec is public after `make generate` with no
hand-written change. The names most code needs are also at the top level of `runsteps`. Each is
imported when first asked for (`from runsteps.models import *` asks for them all).

A union's variants are imported when a payload first names one, so a model's module does not hold
them: to resolve its annotations at run time, look the names up here, e.g.
`typing.get_type_hints(RunStep, localns=vars(runsteps.models))` after `from runsteps.models import *`.
"""

from typing import TYPE_CHECKING, Any

from runsteps._generated import models as _models
from runsteps._model_base import PayloadError

if TYPE_CHECKING:
    from runsteps._generated.models import *  # noqa: F403

__all__ = ["PayloadError"]
__all__ += _models.__all__


def __getattr__(name: str) -> Any:
    if name not in _models.__all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(_models, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
