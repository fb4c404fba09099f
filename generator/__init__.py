"""Katalog Inovasi Pelayanan Publik: records in, a static site and open data out."""

__version__ = "0.1.0"
