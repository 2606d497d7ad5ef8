"""What users type and click, read the way Slack sends it: encoded text, options in any order, follow and share."""

from __future__ import annotations

import json

from knowledge.extract.analysis import Analysis, LocalEntity
from knowledge.extract.persist.writer import write_analysis
from knowledge.models import DocumentInput
from knowledge.store import Store
from tests.e2e.slackreq import block_action, slash_command


def texts(payload: dict) -> str:
    return json.dumps(payload, ensure_ascii=False)


def ask(bot, slack, text: str, **kw) -> dict:
    before = len(slack.response_posts())
    bot.post(slash_command(text, slack.new_response_url(), **kw))
    return slack.wait_for_responses(before + 1)[-1]


def test_ampersands_slack_encodes_in_typed_text_are_read_once_as_typed(bot, slack):
    added = ask(bot, slack, "alias AT&amp;T = Keith Kellogg")
    assert "Alias added: AT&amp;T" in texts(added) and "&amp;amp;" not in texts(added)
    refused = ask(bot, slack, "feeds add <http://127.0.0.1:9/rss?a=1&amp;b=2>")
    assert "rss?a=1&amp;b=2" in texts(refused) and "&amp;amp;" not in texts(refused)


def test_subscribe_takes_its_options_in_any_order_and_needs_a_topic(bot, slack):
    post = ask(bot, slack, "subscribe kellogg tz Europe/Berlin at 08:30", channel_id="C7")
    assert "Subscribed this channel to a daily digest on *Keith Kellogg* at 08:30 (Europe/Berlin)" in texts(post)
    assert post["response_type"] == "in_channel"
    assert "Usage: `/brief subscribe" in texts(ask(bot, slack, "subscribe at 08:00", channel_id="C7"))


def test_a_colleague_clicking_follow_does_not_move_the_channels_digest(bot, slack):
    ask(bot, slack, "subscribe kellogg at 06:30 tz America/New_York", channel_id="C5")
    bot.post(
        block_action(
            "brief_follow", json.dumps({"q": "kellogg"}), slack.new_response_url(), user_id="U2", channel_id="C5"
        )
    )
    post = slack.wait_for_responses(2)[-1]
    assert "already follows *Keith Kellogg*; its daily digest is at 06:30 (America/New_York)" in texts(post)
    assert post["response_type"] == "ephemeral"


def test_follow_after_choosing_between_namesakes_subscribes_the_one_chosen(bot, slack):
    with Store.open(bot.db) as store:
        for name in ("Maria Lindqvist", "Erik Lindqvist"):
            text = f"{name} said on Monday that the quay would reopen."
            with store.transaction():
                doc = store.insert_document(DocumentInput(text=text, outlet="Wire"), [], None)
                write_analysis(store, doc, Analysis(entities=[LocalEntity(name, "PERSON", [(0, len(name))], [name])]))
        erik = store.db.execute("SELECT id FROM entities WHERE name = 'Erik Lindqvist'").fetchone()[0]
    bot.post(
        block_action(
            "brief_follow", json.dumps({"q": "lindqvist", "entity_id": erik}), slack.new_response_url(), channel_id="C6"
        )
    )
    [post] = slack.wait_for_responses(1)
    assert "Subscribed this channel to a daily digest on *Erik Lindqvist*" in texts(post)


def test_a_channel_can_unsubscribe_by_the_workspace_alias_it_subscribed_with(bot, slack):
    ask(bot, slack, "alias Tiki = Siarhei Tsikhanouski", team_id="TA")
    assert "Tsikhanouski" in texts(ask(bot, slack, "subscribe tiki at 09:00", team_id="TA", channel_id="C8"))
    assert "Unsubscribed this channel from *Siarhei Tsikhanouski*" in texts(
        ask(bot, slack, "unsubscribe tiki", team_id="TA", channel_id="C8")
    )


def test_sharing_a_topic_that_no_longer_resolves_answers_only_the_one_who_clicked(bot, slack):
    bot.post(block_action("brief_share", json.dumps({"q": "zzqqxx"}), slack.new_response_url()))
    [post] = slack.wait_for_responses(1)
    assert "Nothing known" in texts(post) and post["response_type"] == "ephemeral"


def test_a_huge_echoed_input_is_cut_to_slacks_limits_without_breaking_an_escape(bot, slack):
    post = ask(bot, slack, "unsubscribe " + "&lt;" * 40_000)
    section = post["blocks"][0]["text"]["text"]
    assert len(post["text"]) <= 3000 and len(section) <= 3000
    assert section.endswith("&lt;…") and post["text"].endswith("&lt;…")


def test_a_body_slack_could_not_have_sent_gets_400_instead_of_a_dropped_connection(bot, slack):
    import httpx

    for body, kind in (
        ("payload=%7Bnot", "application/x-www-form-urlencoded"),
        ("{not json", "application/json"),
        ("payload=[1]", "application/x-www-form-urlencoded"),
    ):
        resp = httpx.post(bot.url + "/slack/events", content=body.encode(), headers={"Content-Type": kind}, timeout=5)
        assert resp.status_code == 400, body
    assert httpx.get(bot.url + "/healthz").status_code == 200


def test_a_slash_command_without_its_channel_is_refused_at_once_naming_what_is_missing(bot, slack):
    from urllib.parse import parse_qsl, urlencode

    fields = dict(parse_qsl(slash_command("kellogg", slack.new_response_url())))
    del fields["channel_id"]
    resp = bot.post(urlencode(fields))
    assert resp.status_code == 400 and "slash command: channel_id" in resp.text
    assert slack.response_posts() == []


def test_a_badly_written_time_is_an_error_not_part_of_the_topic(bot, slack):
    post = ask(bot, slack, "subscribe kellogg at 8.30", channel_id="C9")
    assert "Could not subscribe" in texts(post) and "is not HH:MM" in texts(post)


def test_subscribing_where_the_bot_is_not_a_member_says_to_invite_it_and_stores_nothing(bot, slack):
    slack.not_member.add("C404")
    post = ask(bot, slack, "subscribe kellogg at 08:30", channel_id="C404")
    assert "not a member of this channel" in texts(post) and "/invite @briefbot" in texts(post)
    slack.fail("conversations.info", "channel_not_found", channel="G777")
    hidden = ask(bot, slack, "subscribe kellogg", channel_id="G777")
    assert "can't see this channel" in texts(hidden)
    with Store.open(bot.db) as store:
        assert store.db.execute("SELECT COUNT(*) FROM subscriptions").fetchone()[0] == 0
    assert "Subscribed" in texts(ask(bot, slack, "subscribe kellogg", channel_id="C7"))  # a member: as before
