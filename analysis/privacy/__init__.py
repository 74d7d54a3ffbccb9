"""Privacy: personal data is scrubbed from contact messages before anything else sees them."""
from .scrub import Known, file_label, scrub, scrub_path

__all__ = ["Known", "file_label", "scrub", "scrub_path"]
