"""Generated from openapi.yaml by `make generate`: never edit by hand."""
