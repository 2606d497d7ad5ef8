"""Getting articles in: files, HTML, fetching URLs safely, feeds, boilerplate removal, near-duplicate detection
(`dedup`), and the ingestion operations every front end calls (`service`)."""
