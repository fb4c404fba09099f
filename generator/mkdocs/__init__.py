"""The MkDocs adapter: the only package that knows MkDocs, Material, the shell pages and the
worker processes that pour record pages into them."""
