"""The Slack app end to end: signed requests in, Web API calls and response_url posts out, all on loopback."""

from __future__ import annotations

import json
import time

from knowledge.ingest.service import ingest
from knowledge.models import DocumentInput
from knowledge.store import Store
from tests.e2e.slackreq import block_action, event, signed_headers, slash_command


def texts(payload: dict) -> str:
    """Every string in a message payload, for looking for what must (not) be there."""
    return json.dumps(payload, ensure_ascii=False)


def test_a_slash_command_is_acknowledged_at_once_and_the_briefing_arrives_through_response_url(bot, slack):
    url = slack.new_response_url()
    start = time.perf_counter()
    resp = bot.post(slash_command("kellogg", url))
    ack_seconds = time.perf_counter() - start
    assert resp.status_code == 200 and ack_seconds < 3
    [first, *_] = slack.wait_for_responses(1)
    assert first["response_type"] == "ephemeral"
    body = texts(first)
    assert "Kellogg" in body and first["blocks"]
    assert any(b.get("type") == "actions" for b in first["blocks"]) or len(slack.response_posts()) > 1


def test_a_slash_commands_briefing_is_recorded_once_among_the_workspaces_recent_briefings(bot, slack):
    from knowledge.workspace.activity import recent_briefings

    bot.post(slash_command("kellogg", slack.new_response_url(), user_id="U5", team_id="T0REC"))
    slack.wait_for_responses(1)
    bot.deps.inflight.stop()  # what was acknowledged is handed over, then every answer finishes
    bot.deps.work.shutdown(wait=True)
    with Store.open(bot.db) as store:
        recent = recent_briefings(store, "T0REC")
    assert [(r["query"], r["user_id"]) for r in recent] == [("kellogg", "U5")] and recent[0]["topic"]


def test_empty_input_and_help_answer_with_usage(bot, slack):
    for text in ("", "help"):
        bot.post(slash_command(text, slack.new_response_url()))
    posts = slack.wait_for_responses(2)
    assert all("/brief" in texts(p) and "since:" in texts(p) for p in posts)


def test_a_request_with_a_bad_signature_gets_401_and_no_reply(bot, slack):
    body = slash_command("kellogg", slack.new_response_url())
    headers = signed_headers(body, secret="wrong0secret0wrong0secret000000")
    assert bot.post(body, headers=headers).status_code == 401
    time.sleep(0.3)
    assert slack.response_posts() == []


def test_a_stale_request_gets_401(bot, slack):
    body = slash_command("kellogg", slack.new_response_url())
    assert bot.post(body, timestamp=int(time.time()) - 600).status_code == 401


def test_a_replayed_request_gets_401_the_second_time(bot, slack):
    body = slash_command("kellogg", slack.new_response_url())
    headers = signed_headers(body)
    assert bot.post(body, headers=headers).status_code == 200
    assert bot.post(body, headers=headers).status_code == 401
    slack.wait_for_responses(1)
    time.sleep(0.3)
    assert len({p.get("text") for p in slack.response_posts()}) >= 1


def test_an_app_mention_is_answered_in_its_thread(bot, slack):
    mention = {
        "type": "app_mention",
        "user": "U1",
        "text": "<@UBOT> kellogg",
        "ts": "1700000000.000200",
        "channel": "C9",
        "event_ts": "1700000000.000200",
    }
    assert bot.post(event(mention, "EvMention"), json_body=True).status_code == 200
    [call, *_] = slack.wait_for("chat.postMessage")
    assert call.params["channel"] == "C9" and call.params["thread_ts"] == "1700000000.000200"
    assert "Kellogg" in call.params.get("text", "") + str(call.params.get("blocks"))


def test_slack_retrying_an_event_does_not_produce_a_second_reply(bot, slack):
    mention = {
        "type": "app_mention",
        "user": "U1",
        "text": "<@UBOT> witkoff",
        "ts": "1700000000.000300",
        "channel": "C9",
        "event_ts": "1700000000.000300",
    }
    body = event(mention, "EvRetry")
    bot.post(body, json_body=True)
    # Slack signs each delivery afresh, so the retry carries a new timestamp and signature.
    retry_headers = {
        **signed_headers(body, json_body=True, timestamp=int(time.time()) + 1),
        "X-Slack-Retry-Num": "1",
        "X-Slack-Retry-Reason": "http_timeout",
    }
    assert bot.post(body, headers=retry_headers).status_code == 200
    slack.wait_for("chat.postMessage")
    time.sleep(1.0)
    threads = {c.params.get("thread_ts") for c in slack.calls_to("chat.postMessage")}
    first_messages = [c for c in slack.calls_to("chat.postMessage") if c.params.get("thread_ts") == "1700000000.000300"]
    assert threads == {"1700000000.000300"}
    assert len(first_messages) == len({c.params.get("text") for c in first_messages})


def test_a_direct_message_is_answered_like_the_slash_command(bot, slack):
    dm = {
        "type": "message",
        "channel_type": "im",
        "user": "U1",
        "text": "tikhanovsky",
        "ts": "1700000000.000400",
        "channel": "D1",
    }
    bot.post(event(dm, "EvDm"), json_body=True)
    [call, *_] = slack.wait_for("chat.postMessage")
    assert call.params["channel"] == "D1" and "Tsikhanouski" in str(call.params.get("blocks")) + call.params.get(
        "text", ""
    )


def test_channel_pings_and_forged_links_inside_an_article_are_escaped(bot, slack):
    text = (
        "Harbour chief Maria Lindqvist said that <!channel> the quay will close on Friday. "
        "“Read <https://evil.example|the plan> before <!here> and <@U024BE7LH> wake up,” Lindqvist told reporters."
    )
    with Store.open(bot.db) as store:
        ingest(store, [("hostile", DocumentInput(text=text, outlet="Test Wire"))])
    bot.post(slash_command("lindqvist", slack.new_response_url()))
    posts = slack.wait_for_responses(1)
    body = "".join(texts(p) for p in posts)
    assert "Lindqvist" in body
    for raw in ("<!channel>", "<!here>", "<@U024BE7LH>", "<https://evil.example"):
        assert raw not in body


def test_adding_a_loopback_url_is_refused_and_says_why(bot, slack):
    bot.post(slash_command("add http://127.0.0.1:9/secret", slack.new_response_url()))
    [post] = slack.wait_for_responses(1)
    assert "Could not add" in texts(post) and "127.0.0.1" in texts(post)


def test_the_sources_button_answers_with_full_citations(bot, slack):
    value = json.dumps({"q": "kellogg"})
    bot.post(block_action("brief_sources", value, slack.new_response_url()))
    posts = slack.wait_for_responses(1)
    assert "Kellogg" in "".join(texts(p) for p in posts)


def test_the_follow_button_subscribes_the_channel_in_the_users_time_zone(bot, slack):
    bot.post(
        block_action("brief_follow", json.dumps({"q": "kellogg since:7d"}), slack.new_response_url(), channel_id="C5")
    )
    [post] = slack.wait_for_responses(1)
    assert "Subscribed" in texts(post) and "Europe/Berlin" in texts(post)


def test_a_button_with_a_garbled_value_gets_a_short_answer(bot, slack):
    bot.post(block_action("brief_sources", "{not json", slack.new_response_url()))
    [post] = slack.wait_for_responses(1)
    assert "not understood" in texts(post)


def test_opening_the_app_home_publishes_a_view(bot, slack):
    bot.post(event({"type": "app_home_opened", "user": "U1", "channel": "D1", "tab": "home"}, "EvHome"), json_body=True)
    [call] = slack.wait_for("views.publish")
    assert call.params["user_id"] == "U1" and "Followed topics" in str(call.params["view"])


def test_the_health_endpoint_answers(bot):
    import httpx

    assert httpx.get(bot.url + "/healthz").json()["ok"] is True


def test_an_alias_added_in_one_workspace_applies_there_and_nowhere_else(bot, slack):
    bot.post(slash_command("alias Tiki = Siarhei Tsikhanouski", slack.new_response_url(), team_id="TA"))
    [added] = slack.wait_for_responses(1)
    assert "Alias added" in texts(added)
    bot.post(slash_command("tiki", slack.new_response_url(), team_id="TA"))
    bot.post(slash_command("tiki", slack.new_response_url(), team_id="TB"))
    posts = slack.wait_for_responses(3)
    answers = {p.get("text", "") for p in posts[1:]}
    assert any("Tsikhanouski" in a for a in answers) and any("Nothing known" in a for a in answers)


def _visible(blocks: list[dict]) -> int:
    """Characters a reader sees: text objects, links counted by their labels."""
    import re

    total = 0
    for block in blocks:
        for t in [block.get("text")] + block.get("elements", []) + block.get("fields", []):
            if isinstance(t, dict) and isinstance(t.get("text"), str):
                total += len(re.sub(r"<[^|>]+\|([^>]+)>", r"\1", t["text"]))
            elif isinstance(t, dict) and isinstance(t.get("text"), dict):
                total += len(t["text"]["text"])
    return total


def test_the_first_reply_is_the_summary_within_1500_visible_characters_with_details_sources_follow(bot, slack):
    bot.post(slash_command("kellogg", slack.new_response_url()))
    [first] = slack.wait_for_responses(1)
    time.sleep(0.3)
    assert len(slack.response_posts()) == 1  # one message, not the whole briefing
    assert _visible(first["blocks"]) <= 1500
    [actions] = [b for b in first["blocks"] if b["type"] == "actions"]
    assert [e["action_id"] for e in actions["elements"]][:3] == ["brief_details", "brief_sources", "brief_follow"]
    body = texts(first)
    assert "Witkoff" in body and "Lukashenko" in body and "Latest developments" not in body


def test_the_details_button_posts_the_full_briefing_in_the_thread_of_a_channel_message(bot, slack):
    value = json.dumps({"q": "kellogg", "entity_id": "person:keith-kellogg"})
    url = slack.new_response_url()
    bot.post(
        block_action("brief_details", value, url, channel_id="C7", message_ts="1700000000.000900", is_ephemeral=False)
    )
    calls = slack.wait_for("chat.postMessage")
    assert all(c.params["channel"] == "C7" and c.params["thread_ts"] == "1700000000.000900" for c in calls)
    body = "".join(str(c.params.get("blocks")) for c in slack.calls_to("chat.postMessage"))
    assert "Latest developments" in body and "Disputed" in body
    assert "brief_follow" not in body  # the buttons stay on the summary


def test_the_details_button_on_an_ephemeral_summary_answers_as_a_follow_up(bot, slack):
    value = json.dumps({"q": "kellogg"})
    bot.post(block_action("brief_details", value, slack.new_response_url()))
    posts = slack.wait_for_responses(1)
    assert posts[0]["response_type"] == "ephemeral" and not posts[0].get("replace_original")
    assert "Latest developments" in "".join(texts(p) for p in posts)
