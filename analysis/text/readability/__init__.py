"""Dutch readability: formulas, word difficulty, writing checks and a B1 verdict."""
from .analyze import analyze_blocks
from .syllables import count_syllables
from .verdict import B1_TEXT, b1_verdict

__all__ = ["analyze_blocks", "count_syllables", "b1_verdict", "B1_TEXT"]
