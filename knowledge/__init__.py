"""briefbot's engine: models, store, ingestion, extraction and briefings. Knows nothing of Slack."""

__version__ = "0.1.0"
