"""Read an .xlsx back with zipfile and the sheet XML (no openpyxl): values, number formats, panes, widths."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
_BUILTIN_FORMATS = {0: "General", 9: "0%", 10: "0.00%"}


@dataclass
class Cell:
    value: str | float | None
    kind: str  # "s" (string), "n" (number)
    number_format: str


@dataclass
class SheetData:
    name: str
    cells: dict[str, Cell] = field(default_factory=dict)
    frozen: tuple[int, int] | None = None  # (rows, columns) frozen
    widths: dict[int, float] = field(default_factory=dict)  # 1-based column -> width

    def row(self, r: int) -> list[str | float | None]:
        """Values of row `r` (1-based), A.. up to the last filled column."""
        cols = [_col(ref) for ref in self.cells if _row(ref) == r]
        return [self.value(f"{_letters(c)}{r}") for c in range(1, max(cols, default=0) + 1)]

    def value(self, ref: str) -> str | float | None:
        cell = self.cells.get(ref)
        return None if cell is None else cell.value

    def find_row(self, *first: str) -> int:
        """The row whose first cells are `first`."""
        rows = sorted({_row(ref) for ref in self.cells})
        for r in rows:
            if tuple(self.row(r)[: len(first)]) == first:
                return r
        raise AssertionError(f"no row starting with {first} in {self.name}")


def _row(ref: str) -> int:
    return int(re.sub(r"[A-Z]+", "", ref))


def _col(ref: str) -> int:
    n = 0
    for ch in re.sub(r"\d+", "", ref):
        n = n * 26 + ord(ch) - 64
    return n


def _letters(col: int) -> str:
    out = ""
    while col:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


def read_xlsx(content: bytes) -> dict[str, SheetData]:
    """Sheets by name, in workbook order."""
    zf = zipfile.ZipFile(io.BytesIO(content))
    shared = (
        [
            "".join(t.text or "" for t in si.iter(f"{{{NS['m']}}}t"))
            for si in ET.fromstring(zf.read("xl/sharedStrings.xml")).findall("m:si", NS)
        ]
        if "xl/sharedStrings.xml" in zf.namelist()
        else []
    )
    styles = ET.fromstring(zf.read("xl/styles.xml"))
    custom = {int(f.get("numFmtId", "0")): f.get("formatCode", "") for f in styles.iterfind("m:numFmts/m:numFmt", NS)}
    xfs = [int(x.get("numFmtId", "0")) for x in styles.iterfind("m:cellXfs/m:xf", NS)]
    workbook = ET.fromstring(zf.read("xl/workbook.xml"))
    out: dict[str, SheetData] = {}
    for i, sheet in enumerate(workbook.iterfind("m:sheets/m:sheet", NS), start=1):
        root = ET.fromstring(zf.read(f"xl/worksheets/sheet{i}.xml"))
        data = SheetData(sheet.get("name", ""))
        pane = root.find("m:sheetViews/m:sheetView/m:pane", NS)
        if pane is not None and pane.get("state") == "frozen":
            data.frozen = (int(float(pane.get("ySplit", "0"))), int(float(pane.get("xSplit", "0"))))
        for col in root.iterfind("m:cols/m:col", NS):
            for c in range(int(col.get("min", "0")), int(col.get("max", "0")) + 1):
                data.widths[c] = float(col.get("width", "0"))
        for c in root.iterfind("m:sheetData/m:row/m:c", NS):
            ref = c.get("r", "")
            v = c.find("m:v", NS)
            fmt_id = xfs[int(c.get("s", "0"))]
            fmt = custom.get(fmt_id, _BUILTIN_FORMATS.get(fmt_id, str(fmt_id)))
            if v is None:
                continue
            if c.get("t") == "s":
                data.cells[ref] = Cell(shared[int(v.text or "0")], "s", fmt)
            else:
                data.cells[ref] = Cell(float(v.text or "0"), "n", fmt)
        out[data.name] = data
    return out
