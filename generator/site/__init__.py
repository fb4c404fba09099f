"""The site: the site model (`structure`), view data per page kind, listings, statistics,
charts and the page sources rendered by the templates. Knows no engine: its output is
`PageSource` values any MkDocs-compatible engine can take."""
