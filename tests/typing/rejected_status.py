# pyright: strict
"""Must not type-check: a status is a string (or an enum member), never a number."""

import runsteps

step = runsteps.RunStep(id="s")
finished = step.status == 1
