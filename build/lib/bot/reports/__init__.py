"""Renderings of billing answers outside Slack: the plain-text and JSON answer of `trackit query` (text.py), the
fixed-width table layout every text table shares (table.py) and the digest spreadsheet (xlsx.py)."""
