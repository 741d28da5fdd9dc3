"""Realistic sample billing exports for a fictional organisation, for tests, benchmarks and `trackit demo`.

`generate()` writes legacy CUR (csv.gz or Athena parquet), CUR 2.0 or FOCUS 1.0 files in the true S3 layout;
`upload_to_s3()` copies a generated layout into a bucket.
"""

from __future__ import annotations

from bot.samples.generate import (
    DEFAULT_ROWS_PER_MONTH,
    FORMATS,
    Format,
    GenerationSummary,
    PeriodSummary,
    generate,
)
from bot.samples.upload import upload_to_s3

__all__ = [
    "DEFAULT_ROWS_PER_MONTH",
    "FORMATS",
    "Format",
    "GenerationSummary",
    "PeriodSummary",
    "generate",
    "upload_to_s3",
]
