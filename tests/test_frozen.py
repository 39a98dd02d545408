"""Every ``@frozen`` class behaves as ``dataclass(frozen=True)`` would make it: its arguments, defaults and errors,
equality, hash and repr, and refusing assignment, held against a twin that dataclass generates."""

from __future__ import annotations

import dataclasses
import importlib
import pickle
import pkgutil
from typing import Any

import pytest

import analyzer
from analyzer import frozen
from analyzer.mapping import load_mapping
from tests.conftest import SAMPLES, sample_scan


def _frozen_classes() -> list[type]:
    found = []
    for info in pkgutil.walk_packages(analyzer.__path__, "analyzer."):
        if info.name.endswith("__main__"):  # it runs the command line
            continue
        module = importlib.import_module(info.name)
        found += [
            cls
            for cls in vars(module).values()
            if isinstance(cls, type)
            and cls.__module__ == module.__name__
            and vars(cls).get("__setattr__") is frozen._refuse_assignment
        ]
    return found


FROZEN = _frozen_classes()


def _parts(root: object) -> dict[type, list[Any]]:
    """Every dataclass instance reachable from ``root``, by class."""
    found: dict[type, list[Any]] = {}
    todo, seen = [root], set()
    while todo:
        item = todo.pop()
        if isinstance(item, tuple | list):
            todo.extend(item)
        elif dataclasses.is_dataclass(item) and not isinstance(item, type) and id(item) not in seen:
            seen.add(id(item))
            found.setdefault(type(item), []).append(item)
            todo.extend(getattr(item, f.name) for f in dataclasses.fields(item))
    return found


PARTS = _parts((load_mapping(), sample_scan(SAMPLES[-1], include_content=True)))


def _twin(cls: type) -> type:
    """The same fields, defaults and flags, as a frozen dataclass with the methods dataclass generates."""
    specs = []
    for f in dataclasses.fields(cls):
        default = {"default": f.default} if f.default is not dataclasses.MISSING else {}
        factory = {"default_factory": f.default_factory} if f.default_factory is not dataclasses.MISSING else {}
        specs.append(
            (f.name, f.type, dataclasses.field(**default, **factory, repr=f.repr, hash=f.hash, compare=f.compare))
        )
    namespace = {"__post_init__": cls.__post_init__} if hasattr(cls, "__post_init__") else {}
    twin = dataclasses.make_dataclass(cls.__name__, specs, frozen=True, namespace=namespace)
    twin.__qualname__ = cls.__qualname__
    return twin


def _made_up(cls: type) -> tuple[str, ...]:
    return tuple(f"value {i}" for i, _ in enumerate(dataclasses.fields(cls)))


def _outcome(make: Any, *args: Any, **kwargs: Any) -> tuple[str, Any]:
    try:
        made = make(*args, **kwargs)
    except TypeError as exc:
        return "TypeError", str(exc)
    return repr(made), vars(made)


def test_the_package_s_frozen_classes_are_found():
    names = {cls.__qualname__ for cls in FROZEN}
    assert len(FROZEN) >= 50 and {"Report", "DatasetFigures", "Dataset", "Member", "Records"} <= names
    for cls in FROZEN:
        assert dataclasses.is_dataclass(cls), cls
        # Without one of its own, dataclass writes one from inspect.signature at every start (5 ms for one class).
        assert "__doc__" in vars(cls) and not cls.__doc__.startswith(f"{cls.__name__}("), cls


@pytest.mark.parametrize("cls", FROZEN, ids=lambda cls: f"{cls.__module__}.{cls.__qualname__}")
def test_arguments_defaults_and_errors_are_dataclass_s(cls):
    twin, values = _twin(cls), _made_up(cls)
    names = [f.name for f in dataclasses.fields(cls)]
    required = [f.name for f in dataclasses.fields(cls) if f.default is f.default_factory is dataclasses.MISSING]
    calls: list[tuple[tuple[Any, ...], dict[str, Any]]] = [
        (values, {}),  # every field by position
        ((), dict(zip(names, values, strict=True))),  # by name
        (values[: len(required)], {}),  # the defaults
        ((), dict(zip(required, values, strict=False))),
        ((*values, "one too many"), {}),
        (values[: len(required) - 1], {}) if required else ((), {"not a field": 1}),
        (values[:1], {names[0]: "twice"}),
        (values, {"not a field": 1}),
    ]
    for args, kwargs in calls:
        assert _outcome(cls, *args, **kwargs) == _outcome(twin, *args, **kwargs), (args, kwargs)
    factories = [f.name for f in dataclasses.fields(cls) if f.default_factory is not dataclasses.MISSING]
    first, second = cls(*values[: len(required)]), cls(*values[: len(required)])
    assert all(getattr(first, name) is not getattr(second, name) for name in factories)  # a fresh value each


@pytest.mark.parametrize("cls", FROZEN, ids=lambda cls: f"{cls.__module__}.{cls.__qualname__}")
def test_equality_hash_repr_and_refusal_are_dataclass_s(cls):
    twin, made_up = _twin(cls), cls(*_made_up(cls))
    for item in [*PARTS.get(cls, [])[:20], made_up]:
        values = {f.name: getattr(item, f.name) for f in dataclasses.fields(item)}
        same, like = dataclasses.replace(item), twin(**values)
        try:
            hashes = hash(item), hash(like)
        except TypeError:  # a field that holds a list: neither can be hashed
            with pytest.raises(TypeError):
                hash(item)
            hashes = (0, 0)
        assert (item == same, item != same, hashes[0], repr(item)) == (True, False, hashes[1], repr(like))
        assert item != like and item != tuple(values.values())  # another class is never equal
        for f in dataclasses.fields(item):
            other = dataclasses.replace(item, **{f.name: object()})
            assert (item == other) is (like == twin(**{**values, f.name: getattr(other, f.name)}))
        with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'x'"):
            item.x = 1
        with pytest.raises(dataclasses.FrozenInstanceError, match="cannot delete field"):
            delattr(item, next(iter(values)))
    assert pickle.loads(pickle.dumps(made_up)) == made_up
