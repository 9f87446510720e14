"""Bảng vàng: a ward's honor board, from YAML data to a static site."""

__version__ = "0.1.0"
