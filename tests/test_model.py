"""The report's and the mapping's frozen parts: equality, hash and repr as ``dataclass(frozen=True)`` makes them."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from analyzer import model
from analyzer.mapping import load_mapping
from analyzer.mapping import model as mapping_model
from tests.conftest import SAMPLES, sample_scan

FROZEN = [
    cls
    for module in (model, mapping_model)
    for cls in vars(module).values()
    if isinstance(cls, type) and issubclass(cls, model.Frozen) and cls is not model.Frozen
]


def _parts(root: object) -> dict[type, list[Any]]:
    """Every frozen part reachable from ``root``, by class."""
    found: dict[type, list[Any]] = {}
    todo, seen = [root], set()
    while todo:
        item = todo.pop()
        if isinstance(item, tuple | list):
            todo.extend(item)
        elif isinstance(item, model.Frozen) and id(item) not in seen:
            seen.add(id(item))
            found.setdefault(type(item), []).append(item)
            todo.extend(getattr(item, f.name) for f in dataclasses.fields(item))  # type: ignore[arg-type]
    return found


def _twin(cls: type) -> type:
    """The same fields as a dataclass with its own generated methods."""
    fields = [(f.name, Any) for f in dataclasses.fields(cls)]  # type: ignore[arg-type]
    return dataclasses.make_dataclass(cls.__qualname__, fields, frozen=True)


PARTS = _parts((load_mapping(), sample_scan(SAMPLES[-1], include_content=True)))


def test_every_frozen_part_is_a_frozen_dataclass_of_frozen():
    assert len(FROZEN) >= 25
    for cls in FROZEN:
        assert dataclasses.is_dataclass(cls) and cls.__dataclass_params__.frozen, cls  # type: ignore[attr-defined]
        assert "__eq__" not in vars(cls) and "__hash__" not in vars(cls) and "__repr__" not in vars(cls), cls


@pytest.mark.parametrize("cls", FROZEN, ids=lambda cls: cls.__name__)
def test_equality_hash_and_repr_are_dataclasss_own(cls):
    # Those of a sample's report and the mapping; one made up where there are none (a Drift, the guide's Guide).
    made_up = [cls(*(f"value {i}" for i, _ in enumerate(dataclasses.fields(cls))))]  # type: ignore[arg-type]
    instances = PARTS.get(cls, [])[:20] or made_up
    twin = _twin(cls)
    for item in instances:
        values = {f.name: getattr(item, f.name) for f in dataclasses.fields(item)}
        same, like = dataclasses.replace(item), twin(**values)
        assert (item == same, item != same, hash(item), repr(item)) == (True, False, hash(like), repr(like))
        assert item != like and item != tuple(values.values())  # another class is never equal
        first = dataclasses.fields(item)[0].name
        other = dataclasses.replace(item, **{first: object()})
        assert (item == other) is (like == twin(**{**values, first: getattr(other, first)})) is False
    with pytest.raises(dataclasses.FrozenInstanceError):
        instances[0].x = 1
