"""From text to facts: the spaCy pipeline, entities, attribution (who said what, how, through whom), events,
dates and disputes, and `writer`, which hands one document's analysis to the store in one transaction."""
