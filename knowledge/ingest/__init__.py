"""Getting articles in: files, HTML, fetching URLs safely, feeds, and the ingestion operations every front end
calls (`service`). Boilerplate removal and near-duplicate keys are page-text rules in `knowledge.text`."""
