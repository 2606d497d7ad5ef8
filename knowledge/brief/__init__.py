"""From a typed topic to a briefing: `query` parses it, `topic` resolves it to an entity or subject, `gather` reads
rows through the store, `compose` verifies, merges and ranks them into the `model` the renderers draw."""
