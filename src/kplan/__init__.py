"""kplan: keep a public plan document as source, check it, compare editions, compile it to HTML and PDF."""

__version__ = "0.1.0"
