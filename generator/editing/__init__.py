"""Tools for editors: `new` (questions, checks, record templates) and the contribution form's
data."""
