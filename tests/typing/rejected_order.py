# pyright: strict
"""Must not type-check: `order` takes "asc" or "desc" only."""

import runsteps

client = runsteps.Client(api_key="k", base_url="http://127.0.0.1:9/v1")
pager = client.steps.list("run", thread_id="thread", order="ascending")
