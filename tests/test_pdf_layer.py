"""The PDF reader's PDFium text layer against pdfminer's: the same Documents and facts on every PDF.

`ogi.readers.pdf_layer` reads characters and rulings with PDFium in C instead of pdfminer's
content-stream interpreter in Python (4-5x faster). The oracle here is the reader as it was:
pdfplumber's own pages (pdfminer's characters and edges) fed to the same line grouper and table
finder. Every PDF the project ships must give the same Document and the same facts both ways.
"""

from __future__ import annotations

import io
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from ogi.batch import parse_one
from ogi.document import Document
from ogi.readers import pdf as pdf_reader
from ogi.readers import read_path
from ogi.readers.pdf_layer import Sheet

ROOT = Path(__file__).resolve().parents[1]
PDFS = sorted({*ROOT.glob("tests/fixtures/formats/*.pdf"), *ROOT.glob("data/raw/**/*.pdf")})


def _pdfminer_sheets(data: bytes, path: str, max_pages: int) -> Iterator[Sheet]:
    """The pages as pdfplumber reads them through pdfminer (the reader before PDFium)."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            yield Sheet(float(page.width), float(page.height), list(page.chars), list(page.edges))


def _fields(doc: Document) -> dict[str, object]:
    return {k: getattr(doc, k) for k in doc.__slots__}


def test_there_are_pdfs_to_compare() -> None:
    assert len(PDFS) >= 4 and any(p.name == "f001.pdf" for p in PDFS)


@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: str(p.relative_to(ROOT)))
def test_pdfium_layer_reads_what_pdfminer_read(pdf: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = read_path(pdf)
    fast_facts = [f.as_dict(pdf.name, None, None) for f in parse_one(str(pdf)).facts]
    monkeypatch.setattr(pdf_reader, "iter_sheets", _pdfminer_sheets)
    slow = read_path(pdf)
    slow_facts = [f.as_dict(pdf.name, None, None) for f in parse_one(str(pdf)).facts]
    assert _fields(fast) == _fields(slow)
    assert fast_facts == slow_facts and len(fast_facts) > 100


def test_pdf_read_does_not_run_pdfminer(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading a PDF interprets no content stream in Python: pdfminer's page interpreter never runs."""
    from pdfminer.pdfinterp import PDFPageInterpreter

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("pdfminer interpreted a page")

    monkeypatch.setattr(PDFPageInterpreter, "process_page", refuse)
    doc = read_path(ROOT / "tests/fixtures/formats/f001.pdf")
    assert doc.tables and len(doc.lines) > 50


def test_text_reports_do_not_import_the_pdf_stack() -> None:
    """`ogi extract` of text reports never loads pdfplumber, pdfminer or PDFium."""
    code = (
        "import sys; from ogi.batch import parse_one; "
        f"parse_one({str(ROOT / 'tests/golden/real2/hb001.txt')!r}); "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'pdfplumber', 'pdfminer', 'pypdfium2'}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
