"""Topics: the editable taxonomy, the tagger and unsupervised topic discovery."""
from .taxonomy import Taxonomy, Topic, load_taxonomy
from .tagger import TopicTagger

__all__ = ["Taxonomy", "Topic", "TopicTagger", "load_taxonomy"]
