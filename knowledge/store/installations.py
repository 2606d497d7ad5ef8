"""Slack installations (bot and installer tokens per workspace, as slack_sdk's JSON) and OAuth states, shared by
every replica. Keys use "" for a missing enterprise, team or user, so each combination has one latest row."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from knowledge.store.db import Store


def save_installation(
    store: Store, kind: str, enterprise_id: str | None, team_id: str | None, user_id: str | None, at: float, data: str
) -> None:
    """The latest installation (kind "installation") or bot (kind "bot") for this key replaces the one before."""
    with store.transaction():
        store.db.table("slack_installations").upsert(
            {
                "kind": kind,
                "enterprise_id": enterprise_id or "",
                "team_id": team_id or "",
                "user_id": user_id or "",
                "installed_at": at,
                "data": data,
            },
            pk=("kind", "enterprise_id", "team_id", "user_id"),
        )


def find_installation(
    store: Store, kind: str, enterprise_id: str | None, team_id: str | None, user_id: str | None = None
) -> str | None:
    """The JSON of the latest matching row; without a user, the workspace's latest of any user."""
    where = "kind = ? AND enterprise_id = ? AND team_id = ?"
    params: list[object] = [kind, enterprise_id or "", team_id or ""]
    if user_id is not None:
        where += " AND user_id = ?"
        params.append(user_id)
    row = store.db.execute(
        f"SELECT data FROM slack_installations WHERE {where} ORDER BY installed_at DESC LIMIT 1", params
    ).fetchone()
    return str(row[0]) if row else None


def delete_installations(
    store: Store, kinds: list[str], enterprise_id: str | None, team_id: str | None, user_id: str | None = None
) -> None:
    marks = ",".join("?" * len(kinds))
    where = f"kind IN ({marks}) AND enterprise_id = ? AND team_id = ?"
    params: list[object] = [*kinds, enterprise_id or "", team_id or ""]
    if user_id is not None:
        where += " AND user_id = ?"
        params.append(user_id)
    with store.transaction():
        store.db.execute(f"DELETE FROM slack_installations WHERE {where}", params)


def issue_state(store: Store, state: str, expires_at: float) -> None:
    with store.transaction():
        store.db.table("slack_oauth_states").insert({"state": state, "expires_at": expires_at})


def consume_state(store: Store, state: str, now: float) -> bool:
    """True once for a state issued by any replica and not yet expired; it is gone afterwards."""
    with store.transaction():
        row = store.db.execute(
            "DELETE FROM slack_oauth_states WHERE state = ? RETURNING expires_at", [state]
        ).fetchone()
        store.db.execute("DELETE FROM slack_oauth_states WHERE expires_at < ?", [now])
    return row is not None and float(row[0]) >= now
