"""Privacy: personal data is scrubbed from contact messages before anything else sees them."""
from .scrub import Known, scrub

__all__ = ["Known", "scrub"]
