"""What the generated models and endpoints share: the models' base, the payload error, the variant
tables of unions, and small helpers. Hand-written: the generated code imports it (templates/)."""

import json
import re
from collections.abc import Callable, Mapping
from importlib import import_module
from typing import Any, Generic, Self, TypeVar
from urllib.parse import quote

V = TypeVar("V")
T = TypeVar("T")
_MODELS = f"{__package__}._generated.models"


class Model(Generic[V]):
    """What every model has besides its fields: JSON text, and the keys the spec does not declare
    (`additional_properties`, also by item: `step["x_region"]`), with values of type `V`.

    It adds no slots: each model is a slotted attrs class holding `_extra` (None until a key is kept).
    """

    __slots__ = ()
    _extra: "dict[str, V] | None"

    def to_dict(self) -> dict[str, Any]:
        raise NotImplementedError

    def to_json(self, *, indent: int | None = None) -> str:
        """`to_dict()` as JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """The model of a decoded JSON object (each model's own, generated)."""
        raise NotImplementedError

    @classmethod
    def from_json(cls, text: "str | bytes") -> Self:
        """The model of JSON text (a response body, a stored payload: UTF-8 bytes or a string), read
        as the client reads a body; a PayloadError when the text is not JSON or not this model."""
        try:
            value = read_json(text)
        except RecursionError:
            raise PayloadError("JSON nested too deeply to read") from None
        except ValueError as exc:  # also UnicodeDecodeError
            raise PayloadError(f"not JSON ({type(exc).__name__}: {exc})") from None
        return cls.from_dict(value)

    @property
    def additional_properties(self) -> "dict[str, V]":
        """Keys the server sent that the spec does not declare, with their values as sent."""
        extra = self._extra
        if extra is None:
            extra = {}
            setattr(self, "_extra", extra)  # noqa: B010 (the slot is each model's, not this base's)
        return extra

    @additional_properties.setter
    def additional_properties(self, value: "dict[str, V]") -> None:
        setattr(self, "_extra", dict(value))  # noqa: B010 (as above)

    @property
    def additional_keys(self) -> list[str]:
        return list(self._extra or ())

    def __getitem__(self, key: str) -> V:
        if self._extra is None:
            raise KeyError(key)
        return self._extra[key]

    def __setitem__(self, key: str, value: V) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        if self._extra is None:
            raise KeyError(key)
        del self._extra[key]

    def __contains__(self, key: str) -> bool:
        return self._extra is not None and key in self._extra


# What `json.loads` runs once it has a string (the C scanner, where there is one).
_scan: Callable[[str, int], tuple[Any, int]] = vars(json.JSONDecoder())["scan_once"]
_JSON_SPACE = " \t\n\r"


def read_json(text: "str | bytes") -> Any:
    """`json.loads(text)`, the same values and the same errors, at the speed of its C scanner.

    `json.loads` spends a sixth of decoding a run step (14,000 of 78,000 instructions) in Python:
    working out the encoding of bytes, two regular expressions for the whitespace around the value.
    A body as servers send it (UTF-8, a value from its first character, at most whitespace after it)
    goes straight to the scanner; anything else, or anything the scanner refuses, is handed to
    `json.loads` itself, for its result or its error. Valid JSON read as UTF-8 from a first character
    that is not whitespace is never another encoding to `json.loads` (it looks for a BOM or NULs)."""
    try:
        string = text.decode("utf-8", "surrogatepass") if type(text) is bytes else text
        if type(string) is str and string and string[0] not in _JSON_SPACE:
            value, end = _scan(string, 0)
            if end == len(string) or not string[end:].strip(_JSON_SPACE):
                return value
    except (ValueError, StopIteration, RecursionError):
        pass
    return json.loads(text)


class Variants(dict[str, T]):
    """A union's variants by the `type` that names each, imported the first time a payload names it:
    reading a step loads the classes of the tool calls it holds, not those of every tool there is
    (most of a command's start-up was making classes it never used)."""

    __slots__ = ("_modules",)

    def __init__(self, modules: dict[str, tuple[str, str]]) -> None:
        super().__init__()
        self._modules = modules  # type -> (module of the models package, class)

    def load(self, type_: str) -> T | None:
        """The class `type_` names, imported now (`get` finds it from then on); None for a type the
        spec does not name."""
        where = self._modules.get(type_)
        if where is None:
            return None
        variant: T = getattr(import_module(f"{_MODELS}.{where[0]}"), where[1])
        self[type_] = variant
        return variant


class Deferred:
    """A model class that another model's module names, standing in for it until its first `from_dict`:
    then the class is imported and takes the stand-in's place in that module, so later parses call it
    directly. Importing a model imports none of the models it holds: a retrieve makes the classes its
    payload uses, not every class it could hold (each class costs start-up time)."""

    __slots__ = ("_module", "_name", "_namespace")

    def __init__(self, namespace: dict[str, Any], module: str, name: str) -> None:
        self._namespace, self._module, self._name = namespace, module, name

    def from_dict(self, src_dict: Any) -> Any:
        model = getattr(import_module(f"{_MODELS}.{self._module}"), self._name)
        self._namespace[self._name] = model
        return model.from_dict(src_dict)

    def __repr__(self) -> str:
        return f"<{self._name}, imported on first use>"


class PayloadError(ValueError):
    """A payload does not have the shape a model needs: not an object, or a required field missing.

    ``path`` locates the offending value from the object being parsed (``step_details.tool_calls[0]``),
    so the message says where, not just what.
    """

    def __init__(self, problem: str, path: tuple[str | int, ...] = ()) -> None:
        self.problem = problem
        self.path = path
        super().__init__(f"{format_path(path)}: {problem}" if path else problem)

    def __reduce__(self) -> tuple[Any, ...]:
        return (PayloadError, (self.problem, self.path))

    def within(self, part: str | int) -> "PayloadError":
        """The same error seen from the parent: ``part`` (a field name or an index) goes in front."""
        return PayloadError(self.problem, (part, *self.path))


# What reading a field can raise: its own PayloadError (a ValueError), KeyError for a required key
# missing, and what a value of the wrong type makes Python raise.
FIELD_FAILURES = (KeyError, TypeError, ValueError, AttributeError)


def field_error(exc: Exception, field: str) -> PayloadError:
    """The PayloadError of a field that could not be read, as its object reports it (`raise` it).
    Only an object's own lookups raise KeyError: nested models turn theirs into PayloadError."""
    if isinstance(exc, PayloadError):
        error = exc.within(field)
    elif isinstance(exc, KeyError):
        error = PayloadError("required field is missing", (field,))
    else:
        error = PayloadError(str(exc), (field,))
        error.__cause__ = exc  # as `raise ... from exc`
    error.__suppress_context__ = True
    return error


_UNRESERVED = re.compile(r"[A-Za-z0-9._~-]*").fullmatch


def path_segment(value: str) -> str:
    """`value` percent-encoded as one path segment, `/` included. Ids are nearly always unreserved
    characters, which a regex confirms faster than `quote` scans them."""
    return value if _UNRESERVED(value) else quote(value, safe="")


def format_path(path: tuple[str | int, ...]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def json_type_name(value: object) -> str:
    """The JSON name of a value's type, for messages about what came instead."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, Mapping):
        return "object"
    return type(value).__name__


def describe_value(value: object, limit: int = 60) -> str:
    """A value for a message: its repr, cut short."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def extra_key(value: "dict[str, Any] | None") -> "dict[str, Any] | None":
    """What equality compares of a model's undeclared keys: none and empty are the same."""
    return value or None


__all__ = [
    "FIELD_FAILURES",
    "Deferred",
    "Model",
    "PayloadError",
    "Variants",
    "describe_value",
    "extra_key",
    "field_error",
    "format_path",
    "json_type_name",
    "path_segment",
    "read_json",
]
