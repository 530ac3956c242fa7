"""Carrying a thread to the successor API (Responses / Conversations) and to evaluations. No I/O.

`ThreadHistory` is a thread whole (from `client.threads.read(thread_id)` or
`ThreadHistory.from_archive(path)`); `to_items(history)` gives the successor's input items and
`to_eval_rows(history)` the rows azure-ai-evaluation's evaluators take (`EvalRows`, a list): each
with what cannot go (`Loss`).
"""

from runsteps.convert._eval import EvalRows, to_eval_rows
from runsteps.convert._history import ThreadHistory
from runsteps.convert._items import Conversion, Loss, to_items

__all__ = ["Conversion", "EvalRows", "Loss", "ThreadHistory", "to_eval_rows", "to_items"]
