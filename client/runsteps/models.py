"""Every model of openapi.yaml, as generated: slotted attrs classes with `from_dict`, `to_dict` and `to_json`.

Re-exported wholesale so that a model added to the spec is public after `make generate` with no
hand-written change. The names most code needs are also at the top level of `runsteps`.
"""

from ._generated import models as _models
from ._generated.models import *  # noqa: F403
from ._generated.types import PayloadError

__all__ = ["PayloadError"]
__all__ += _models.__all__
