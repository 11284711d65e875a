"""`serve --modules messaging` (split mode): the module answers alone under its service
name and runs its relay; a gateway forwards its routes there."""
import time

from support.helpers import json_of
from support.messaging import MESSAGING_ENV, PUBLIC_BASE_URL, Inbox, premium


def test_messaging_alone_serves_its_routes_and_runs_the_relay(server_factory, fakes):
    alone = server_factory("messaging-alone", env={**MESSAGING_ENV,
                                                   "PUBLIC_BASE_URL": PUBLIC_BASE_URL},
                           args=["--modules", "messaging"])
    with alone.client() as c:
        assert json_of(c.get("/health"), 200)["service"] == "messaging-service"
        assert c.get("/management/customers").status_code == 404
    deadline = time.monotonic() + 5
    while "messaging relay started" not in alone.log_tail(200) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert "messaging relay started" in alone.log_tail(200)
    edge = server_factory("messaging-edge", args=["--modules", "identity,workshop,team,finance",
                                                  "--upstream", f"messaging={alone.url}"])
    with edge.client() as c:
        owner = premium(c)["OWNER"]
        inbox = Inbox(c, owner)
        channel, _ = inbox.evolution(fakes["evolution"])
        assert channel["webhook_url"].startswith(PUBLIC_BASE_URL)  # made by the module's process
        assert [ch["id"] for ch in json_of(inbox.get("/messaging/channels"), 200)] == [channel["id"]]
