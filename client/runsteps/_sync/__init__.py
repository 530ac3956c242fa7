# Generated from _async/__init__.py by scripts/unasync.py (make generate): edit that file, not this one.
"""The public surface: `_async/` is the source, `_sync/` is written from it by `make generate`."""
