"""Development tools that are not part of the installed generator: the synthetic catalogue
of the benchmark and the scale tests, and the page-weight and search-cost measurements."""
