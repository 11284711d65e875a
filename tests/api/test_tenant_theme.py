"""GET /tenant/theme (API.md §2)."""
import pytest

from support.helpers import PREFIXES, assert_error, describe, json_of

THEME_FIELDS = {"id", "name", "primary", "secondary", "accent", "background", "surface"}


@pytest.mark.parametrize("prefix", PREFIXES)
def test_theme_of_a_basic_workshop(client, owner, prefix):
    resp = client.get(f"{prefix}/tenant/theme", headers=owner.headers)
    body = json_of(resp, 200)
    assert {"tenant", "themes", "custom_palette", "custom_allowed", "custom_only_enterprise"} <= set(body), \
        describe(resp)
    tenant = body["tenant"]
    assert tenant["id"] == owner.tenant_id
    assert tenant["name"] == owner.user["tenant_name"]
    assert tenant["plan"] == "BASIC"
    assert body["custom_allowed"] is False
    assert body["custom_only_enterprise"] is True
    themes = body["themes"]
    assert isinstance(themes, list) and themes, "at least one ready-made theme"
    for theme in themes:
        assert THEME_FIELDS <= set(theme), f"theme lacks {THEME_FIELDS - set(theme)}: {theme}"
        for key in THEME_FIELDS - {"id"}:
            assert isinstance(theme[key], str) and theme[key], f"{key} of {theme}"
    ids = [t["id"] for t in themes]
    assert len(ids) == len(set(ids)), "theme ids are unique"


@pytest.mark.parametrize("role", ["MANAGER", "ATTENDANT", "MECHANIC"])
def test_every_role_reads_the_theme(client, team, role):
    body = json_of(client.get("/tenant/theme", headers=team[role].headers), 200)
    assert body["tenant"]["id"] == team["OWNER"].tenant_id


def test_theme_requires_a_token(client):
    assert_error(client.get("/tenant/theme"), 401, "unauthorized")
