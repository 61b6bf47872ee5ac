"""Root conftest: loads the suite's plugins (after pytest-playwright, so that their fixtures take precedence)."""

pytest_plugins = [
    "fixtures.settings",
    "fixtures.run_facts",
    "fixtures.engines",
    "fixtures.console_server",
    "fixtures.test_control",
    "fixtures.accounts",
    "fixtures.storage_state",
    "fixtures.identities",
    "fixtures.contract",
    "fixtures.sessions",
    "fixtures.cross_engine",
    "fixtures.realtime",
    "fixtures.reporting",
    "fixtures.allure_skips",
    "fixtures.layer_timing",
    "fixtures.outcomes",
    "fixtures.sharding",
]
