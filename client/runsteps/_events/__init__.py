"""Run event streams as plain code, no I/O: server-sent events decoded from bytes (`sse`), and a run's
state accumulated from its events (`accumulate`)."""
