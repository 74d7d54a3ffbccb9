"""Privacy: personal data is scrubbed from contact messages before anything else sees them."""
from .scrub import scrub

__all__ = ["scrub"]
