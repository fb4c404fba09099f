"""Site search: the per-page index documents and the Pagefind run that indexes them."""
