"""The JSON API over the corpus store."""

from .app import create_app

__all__ = ["create_app"]
