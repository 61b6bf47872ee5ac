"""Fixtures of the project's own tests: an in-process console on a fresh SQLite database."""
from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from fixtures.console_server import ConsoleUnderTest
from fixtures.console_server import start_console as start_console_process
from fixtures.settings import WebServer
from reference_app import seams
from reference_app.app import create_app
from reference_app.db import SEED_USER_EMAIL, SEED_USER_PASSWORD
from reference_app.settings import Settings

SEED_CREDENTIALS = {"email": SEED_USER_EMAIL, "password": SEED_USER_PASSWORD}

# The self-tests judge the runs of the specs they start by their first attempt: the retries that playwright.config.py
# gives a CI run (fixtures/retries.py) would only slow down the runs that are meant to fail.
os.environ.pop("CI", None)


@pytest.fixture
def start_console(tmp_path: Path) -> Iterator[Callable[..., TestClient]]:
    """Start the console in-process (lifespan included) with the given settings; stopped after the test."""
    clients: list[TestClient] = []

    def start(**settings: object) -> TestClient:
        client = TestClient(create_app(Settings(db_path=tmp_path / "console.db", **settings)))
        client.__enter__()
        clients.append(client)
        return client

    yield start
    for client in clients:
        client.__exit__(None, None, None)
    seams.activate(())  # a console's faults are in force for the whole process: none after its test


@pytest.fixture
def api(start_console: Callable[..., TestClient]) -> TestClient:
    return start_console()


@pytest.fixture
def test_mode_api(start_console: Callable[..., TestClient]) -> TestClient:
    return start_console(test_mode=True)


@pytest.fixture(scope="module")
def console_without_test_mode(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ConsoleUnderTest]:
    """The bundled console as a user starts it by hand, in a process of its own: no test mode, only its seed desk."""
    server = WebServer(command=("{python}", "-m", "reference_app", "--port", "{port}", "--db", "{db}"))
    console = start_console_process(server, (), tmp_path_factory.mktemp("console"))
    yield console
    console.stop()
