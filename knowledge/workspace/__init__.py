"""What a team sets up around briefings: subscriptions and their daily digests (the exactly-once ledger and the
schedule), followed feeds, the workspace's own aliases and the activity a chat front end remembers. Plain logic
over the store's typed functions: no SQL here, and nothing that knows Slack."""
