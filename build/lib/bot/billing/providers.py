"""Cloud providers as the bot names them: one short key per provider, from the many names exports use.

FOCUS's `ProviderName` is free text ("AWS", "Microsoft", "Google Cloud", "Oracle"); native exports imply their
provider. Keys are what `by provider` shows and `provider=` accepts; the table is data, extended by adding a row.
"""

from __future__ import annotations

#: Lower-cased name -> provider key. Unknown names keep their own lower-cased text as the key.
PROVIDER_NAMES: dict[str, str] = {
    "aws": "aws",
    "amazon": "aws",
    "amazon web services": "aws",
    "amazon web services, inc.": "aws",
    "microsoft": "azure",
    "microsoft azure": "azure",
    "azure": "azure",
    "google": "gcp",
    "google cloud": "gcp",
    "google cloud platform": "gcp",
    "gcp": "gcp",
    "oracle": "oci",
    "oracle cloud infrastructure": "oci",
    "oci": "oci",
}


def provider_key(name: str) -> str:
    """`Microsoft` -> `azure`, `Amazon Web Services` -> `aws`; unknown names lower-cased and trimmed."""
    text = " ".join(name.split()).lower()
    return PROVIDER_NAMES.get(text, text)


def provider_sql(expr: str) -> str:
    """The same normalisation in SQL over a text expression (for the mapping tables)."""
    cases = " ".join(f"WHEN '{name}' THEN '{key}'" for name, key in PROVIDER_NAMES.items())
    norm = f"lower(trim({expr}))"
    return f"CASE {norm} {cases} ELSE {norm} END"
