"""Report formats as registered Template objects (see `model` for the shape, `registry` for the data)."""

from ogi.templates.model import ColumnSpec, Identity, RowSpec, SectionSpec, TableBlock, Template
from ogi.templates.registry import TEMPLATES, detect, get, kind_of, register, required_sections

__all__ = [
    "TEMPLATES",
    "ColumnSpec",
    "Identity",
    "RowSpec",
    "SectionSpec",
    "TableBlock",
    "Template",
    "detect",
    "get",
    "kind_of",
    "register",
    "required_sections",
]
