"""Foundation shared by every layer: errors, paths, dates, Dutch formatting, word lists, cache."""
