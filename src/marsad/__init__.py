"""marsad: from raw Arabic news pages to a sourced account of each story."""

__version__ = "0.1.0"
