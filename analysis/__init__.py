"""Content and audience analytics for the Dutch blog of a physiotherapy practice."""
