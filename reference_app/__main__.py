"""Command line entry point: `python -m reference_app --port 3000 --db console.db`."""
from __future__ import annotations

import uvicorn

from reference_app.app import create_app
from reference_app.settings import parse_settings


def main() -> None:
    settings = parse_settings()
    app = create_app(settings)
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning", ws_ping_interval=20)


if __name__ == "__main__":
    main()
