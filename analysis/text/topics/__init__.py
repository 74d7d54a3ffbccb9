"""Topics: the editable taxonomy, the tagger and unsupervised topic discovery."""
from .tagger import TopicTagger
from .taxonomy import Taxonomy, Topic, load_taxonomy

__all__ = ["Taxonomy", "Topic", "TopicTagger", "load_taxonomy"]
