"""kg: a knowledge-graph builder for intergovernmental cooperation news (kk, ru, en)."""

__version__ = "0.1.0"
