"""Slack settings: a missing or malformed one stops start-up with one line naming it, never its value."""

import pytest

from bot.settings import SettingsError, load_settings


@pytest.fixture(autouse=True)
def clean_env(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # no .env from the developer's checkout
    for name in (
        "SLACK_BOT_TOKEN",
        "SLACK_SIGNING_SECRET",
        "SLACK_APP_TOKEN",
        "SLACK_API_URL",
        "SLACK_CLIENT_ID",
        "SLACK_CLIENT_SECRET",
        "FETCH_TIMEOUT",
    ):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_http_mode_needs_the_signing_secret(clean_env):
    clean_env.setenv("SLACK_BOT_TOKEN", "xoxb-1-abc")
    with pytest.raises(SettingsError, match="^SLACK_SIGNING_SECRET is not set"):
        load_settings()


def test_a_malformed_token_is_named_without_showing_it(clean_env):
    clean_env.setenv("SLACK_BOT_TOKEN", "bogus-secret-value")
    clean_env.setenv("SLACK_SIGNING_SECRET", "abcdef0123456789abcdef")
    with pytest.raises(SettingsError) as err:
        load_settings()
    assert "SLACK_BOT_TOKEN is malformed" in str(err.value) and "bogus-secret-value" not in str(err.value)


def test_socket_mode_needs_the_app_token(clean_env):
    clean_env.setenv("SLACK_BOT_TOKEN", "xoxb-1-abc")
    with pytest.raises(SettingsError, match="SLACK_APP_TOKEN is not set"):
        load_settings(socket_mode=True)


def test_a_bad_api_url_is_refused(clean_env):
    clean_env.setenv("SLACK_API_URL", "not a url")
    with pytest.raises(SettingsError, match="SLACK_API_URL"):
        load_settings()


def test_every_missing_or_malformed_setting_is_named_in_one_error(clean_env):
    clean_env.setenv("SLACK_APP_TOKEN", "xoxb-not-an-app-token")
    clean_env.setenv("SLACK_API_URL", "not a url")
    clean_env.setenv("FETCH_TIMEOUT", "soon")
    with pytest.raises(SettingsError) as err:
        load_settings()
    text = str(err.value)
    for name in ("SLACK_SIGNING_SECRET is not set", "SLACK_BOT_TOKEN is not set", "SLACK_APP_TOKEN is malformed"):
        assert name in text
    assert "SLACK_API_URL" in text and "FETCH_TIMEOUT" in text and "soon" not in text


def test_a_short_signing_secret_is_refused_for_its_length_not_its_letters(clean_env):
    clean_env.setenv("SLACK_BOT_TOKEN", "xoxb-1-abc")
    clean_env.setenv("SLACK_SIGNING_SECRET", "s3cret")
    with pytest.raises(SettingsError, match="at least 16 characters"):
        load_settings()
    clean_env.setenv("SLACK_SIGNING_SECRET", "a_secret-with.punctuation!")  # length is the rule, not the alphabet
    assert load_settings().slack_signing_secret == "a_secret-with.punctuation!"


def test_a_user_token_is_refused_because_the_bot_token_must_start_with_xoxb(clean_env):
    clean_env.setenv("SLACK_BOT_TOKEN", "xoxp-1-abc")
    clean_env.setenv("SLACK_SIGNING_SECRET", "abcdef0123456789abcdef")
    with pytest.raises(SettingsError, match="SLACK_BOT_TOKEN is malformed: must be the Bot User OAuth Token"):
        load_settings()
