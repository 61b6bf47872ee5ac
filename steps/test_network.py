"""Steps of features/network.feature."""
from __future__ import annotations

import allure
from pytest_bdd import parsers, scenarios, then, when

from fixtures.sessions import Desk
from fixtures.test_control import TestControl
from pages.linked_resources import LinkedResources
from pages.network_traffic import NetworkTraffic
from pages.realtime_probe import Mark, RealtimeProbe
from pages.screens import SCREENS
from steps.conftest import ACTOR, SCREEN

scenarios("network.feature")



def keep_open(desk: Desk, actor: str, seconds: int) -> None:
    """Leave the page as it is for that long, by the page's own clock (a condition, not a sleep of the test)."""
    probe = RealtimeProbe(desk[actor].page)
    probe.wait_until(probe.mark().at_ms + seconds * 1000)


@when(parsers.re(rf"the {ACTOR} opens the {SCREEN} screen and keeps it open for (?P<seconds>\d+) seconds"),
      target_fixture="traffic", converters={"seconds": int})
def opens_and_keeps_open(desk: Desk, actor: str, screen: str, seconds: int) -> NetworkTraffic:
    traffic = NetworkTraffic(desk[actor].page).start()
    desk[actor].open(SCREENS[screen])
    keep_open(desk, actor, seconds)
    return traffic


@when(parsers.parse("the console drops the {actor}'s connection, then {seconds:d} seconds pass"))
def console_drops_connection(desk: Desk, market: TestControl, actor: str, seconds: int) -> None:
    market.drop_connections(desk.account.id)
    keep_open(desk, actor, seconds)


@when(parsers.parse("the console turns the {actor}'s connection away for {seconds:d} seconds"),
      target_fixture="came_back")
def console_turns_connection_away(desk: Desk, market: TestControl, actor: str, seconds: int) -> Mark:
    """The console drops the connection and refuses every attempt to reconnect for that long; the moment it takes
    connections again (the page's clock), once that time has passed."""
    probe = RealtimeProbe(desk[actor].page)
    start = probe.mark()
    market.drop_connections(desk.account.id, refuse_for_s=seconds)
    probe.wait_until(start.at_ms + seconds * 1000)
    return probe.mark()


@then(parsers.re(rf"the {ACTOR} saw the {SCREEN} screen open one live connection, keep it and receive frames on it"))
def saw_one_connection(traffic: NetworkTraffic, screen: str) -> None:
    allure.attach(traffic.describe(), name=f"{screen}: WebSocket frames and bytes received, requests")
    assert len(traffic.sockets) == 1, f"the {screen} screen opened {len(traffic.sockets)} WebSocket connections"
    socket = traffic.sockets[0]
    assert not socket.closed and socket.frames_received > 0, f"the {screen} screen's connection: {socket}"


@then(parsers.re(rf"the {ACTOR} saw every resource of the {SCREEN} screen load"))
def saw_every_resource_load(desk: Desk, actor: str, traffic: NetworkTraffic, screen: str) -> None:
    failed = [str(record) for record in traffic.failed_requests()]
    # What the page links to is fetched too: a browser may fetch some of it (the icon) unseen by the page's requests.
    linked = LinkedResources(desk[actor].page).addresses()
    answers = {url: desk[actor].api.get(url).status for url in linked}
    allure.attach("\n".join(f"{status} {url}" for url, status in answers.items()) or "nothing linked",
                  name=f"{screen}: resources linked by the page, fetched")
    failed += [f"{url} answered {status} (linked by the page)" for url, status in answers.items()
               if not 200 <= status < 300]
    assert not failed, f"resources of the {screen} screen that did not load:\n" + "\n".join(failed)


@then(parsers.re(rf"the {ACTOR} saw the {SCREEN} screen replace its dropped connection with exactly one new one"))
def saw_one_replacement(traffic: NetworkTraffic, screen: str) -> None:
    allure.attach(traffic.describe(), name=f"{screen}: WebSocket frames and bytes received, requests")
    closed, open_ = [s for s in traffic.sockets if s.closed], [s for s in traffic.sockets if not s.closed]
    assert (len(closed), len(open_)) == (1, 1), (
        f"the {screen} screen opened {len(traffic.sockets)} connections: {len(closed)} closed, {len(open_)} open")
    assert open_[0].frames_received > 0, "the new connection received nothing"
