"""The mapping: which export file LinkedIn likely uses for AI training, with the sources for each label.

``mappings/linkedin.toml`` (the product's data; field reference in ``mappings/README.md``) becomes frozen
dataclasses (``model``), built and checked with every problem collected and located (``validate``),
loaded from the package or a user's file that may extend it (``load``).
"""

from __future__ import annotations

from analyzer.mapping.load import builtin_path, known_paths, load_mapping, merge_override
from analyzer.mapping.model import (
    BUILTIN,
    FORMATS,
    LANGS,
    ROLES,
    AuthoredWhen,
    Category,
    Dataset,
    Label,
    Mapping,
    Split,
    categories_in_order,
    compile_pattern,
)

__all__ = [
    "BUILTIN",
    "FORMATS",
    "LANGS",
    "ROLES",
    "AuthoredWhen",
    "Category",
    "Dataset",
    "Label",
    "Mapping",
    "Split",
    "builtin_path",
    "categories_in_order",
    "compile_pattern",
    "known_paths",
    "load_mapping",
    "merge_override",
]
