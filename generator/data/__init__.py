"""Open data: every file published beside the pages (JSON, CSV, Data Package, Atom feed,
DCAT, schema.org JSON-LD, redirects). Built from the model only."""
