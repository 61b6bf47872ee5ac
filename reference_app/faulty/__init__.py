"""The faulty variants of the console's seams, one module per domain module (see reference_app/seams.py).

Importing this package registers every replacement; the console puts a fault's replacements in force only when it
runs with that fault.
"""
from reference_app.faulty import (  # noqa: F401
    app,
    auth,
    market_data,
    orders,
    pages,
    portfolio,
    positions,
    realtime,
    risk,
    simulation,
    status,
    strategies,
    throttle,
    workers,
)
