"""A realistic sample organisation's billing exports, for tests, benchmarks and `trackit demo`.

`generate()` writes legacy CUR (csv.gz or Athena parquet), CUR 2.0 or FOCUS 1.0 / 1.2 files in the true S3 layout,
with `ground_truth.json` (the organisation and every event of the plan, measured on the data) and
`inventory.parquet` (every resource and its lifecycle) beside them; `bot.samples.events` holds the event plan API;
`upload_to_s3()` copies a generated layout into a bucket. See docs/sample-organisation.md.
"""

from __future__ import annotations

from bot.samples.generate import (
    DEFAULT_ROWS_PER_MONTH,
    FORMATS,
    Format,
    GenerationSummary,
    Granularity,
    PeriodSummary,
    generate,
)
from bot.samples.upload import upload_to_s3

__all__ = [
    "DEFAULT_ROWS_PER_MONTH",
    "FORMATS",
    "Format",
    "GenerationSummary",
    "Granularity",
    "PeriodSummary",
    "generate",
    "upload_to_s3",
]
