"""Root conftest: loads the suite's plugins (after pytest-playwright, so that their fixtures take precedence)."""

pytest_plugins = [
    "fixtures.settings",
    "fixtures.run_facts",
    "fixtures.engines",
    "fixtures.console_server",
    "fixtures.test_control",
    "fixtures.accounts",
    "fixtures.shared_account",
    "fixtures.storage_state",
    "fixtures.identities",
    "fixtures.contract",
    "fixtures.sessions",
    "fixtures.cross_engine",
    "fixtures.devices",  # after console_server: its browser_context_args build on that one's
    "fixtures.realtime",
    "fixtures.sharding",
    "fixtures.allure_skips",
    "fixtures.reporting",  # after the two above, whose helpers it imports
    "fixtures.layer_timing",
    "fixtures.outcomes",
    "fixtures.first_failure",
    "fixtures.measured_alone",
]
