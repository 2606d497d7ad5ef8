"""Everything that knows Slack's formats: Block Kit layouts (briefings, digests, App Home), mrkdwn escaping,
Slack's size limits, and the user-facing wording of errors. The engine (`knowledge/`) never imports from here."""
