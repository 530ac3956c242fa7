"""The public surface: `_async/` is the source, `_sync/` is written from it by `make generate`."""
