"""The Slack and command-line skins over `knowledge`: Bolt wiring (`app`), listeners, one command router,
Block Kit and mrkdwn (`slack/`), the HTTP server, digest sending and scheduling, and the `briefbot` CLI (`cli/`)."""
