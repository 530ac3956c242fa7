# pyright: strict
"""Must not type-check: `include` takes the one value servers know."""

import runsteps

client = runsteps.Client(api_key="k", base_url="http://127.0.0.1:9/v1")
step = client.steps.retrieve("s", thread_id="t", run_id="r", include=["everything"])
