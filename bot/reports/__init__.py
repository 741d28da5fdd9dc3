"""Reports built from the billing store: spreadsheets for digests."""
