"""The strategy simulation's rules and arithmetic, on hand-made quotes."""
from __future__ import annotations

import pytest

from reference_app.feed import Quote
from reference_app.simulation import (
    AVERAGE_TICKS,
    Fill,
    SimulatedStrategy,
    usd_per_unit,
)


def quote(instrument: str, bid: float, ask: float, ts: float = 0.0) -> Quote:
    return Quote(instrument, bid, ask, ts, 0)


def feed(strategy: SimulatedStrategy, quotes: dict[str, Quote], *ticks: Quote) -> list[Fill]:
    fills = []
    for tick in ticks:
        quotes[tick.instrument] = tick
        fill = strategy.on_quote(tick, quotes)
        if fill:
            fills.append(fill)
    return fills


def warm_up(strategy: SimulatedStrategy, quotes: dict[str, Quote], instrument: str, bid: float, ask: float) -> None:
    assert not feed(strategy, quotes, *[quote(instrument, bid, ask)] * (AVERAGE_TICKS[strategy.timeframe] + 1))


def test_mean_reversion_buys_below_the_average_and_sells_when_the_price_returns() -> None:
    strategy = SimulatedStrategy(1, "Mean Reversion", ("EURUSD",), "1M", 10_000)
    quotes: dict[str, Quote] = {}
    warm_up(strategy, quotes, "EURUSD", 1.08500, 1.08510)
    [buy] = feed(strategy, quotes, quote("EURUSD", 1.08400, 1.08410))
    assert (buy.side, buy.quantity, buy.price, buy.realized_usd) == ("BUY", 10_000, 1.08410, None)
    [sell] = feed(strategy, quotes, quote("EURUSD", 1.08500, 1.08510))
    assert (sell.side, sell.price) == ("SELL", 1.08500)
    assert sell.realized_usd == pytest.approx(9.00)
    metrics = strategy.metrics(quotes)
    assert (round(metrics.pnl_usd, 2), metrics.trades, metrics.closed_trades, metrics.win_rate) == (9.00, 2, 1, 1.0)


def test_momentum_follows_a_move_and_closes_when_it_fades() -> None:
    strategy = SimulatedStrategy(1, "Momentum", ("GBPUSD",), "1M", 5_000)
    quotes: dict[str, Quote] = {}
    warm_up(strategy, quotes, "GBPUSD", 1.27000, 1.27015)
    [buy] = feed(strategy, quotes, quote("GBPUSD", 1.27100, 1.27115))
    assert (buy.side, buy.price) == ("BUY", 1.27115)
    assert not feed(strategy, quotes, quote("GBPUSD", 1.27200, 1.27215))  # still above its average: holds on
    [sell] = feed(strategy, quotes, quote("GBPUSD", 1.26900, 1.26915))
    assert sell.side == "SELL" and sell.realized_usd == pytest.approx(5_000 * (1.26900 - 1.27115))
    assert strategy.metrics(quotes).win_rate == 0.0


def test_arbitrage_trades_against_a_jump_and_closes_on_the_next_tick() -> None:
    strategy = SimulatedStrategy(1, "Arbitrage", ("AUDUSD",), "1M", 1_000)
    quotes: dict[str, Quote] = {}
    warm_up(strategy, quotes, "AUDUSD", 0.65500, 0.65512)
    [sell] = feed(strategy, quotes, quote("AUDUSD", 0.65600, 0.65612))
    [buy] = feed(strategy, quotes, quote("AUDUSD", 0.65500, 0.65512))
    assert (sell.side, buy.side) == ("SELL", "BUY")
    assert buy.realized_usd == pytest.approx(-1_000 * (0.65512 - 0.65600))


def test_nothing_trades_before_the_average_is_warm() -> None:
    strategy = SimulatedStrategy(1, "Mean Reversion", ("EURUSD",), "1D", 10_000)
    quotes: dict[str, Quote] = {}
    ticks = [quote("EURUSD", 1.0 + i / 100, 1.0001 + i / 100) for i in range(AVERAGE_TICKS["1D"])]
    assert not feed(strategy, quotes, *ticks)


def test_pnl_in_a_quote_currency_other_than_usd_is_converted_at_the_current_rate() -> None:
    strategy = SimulatedStrategy(1, "Mean Reversion", ("USDJPY",), "1M", 10_000)
    quotes: dict[str, Quote] = {}
    warm_up(strategy, quotes, "USDJPY", 151.200, 151.212)
    [buy] = feed(strategy, quotes, quote("USDJPY", 151.000, 151.012))
    [sell] = feed(strategy, quotes, quote("USDJPY", 151.200, 151.212))
    assert sell.realized_usd == pytest.approx(10_000 * (151.200 - 151.012) / 151.206)
    assert usd_per_unit("GBP", {"GBPUSD": quote("GBPUSD", 1.27, 1.27)}) == pytest.approx(1.27)
    assert usd_per_unit("CHF", {}) is None


def test_open_positions_are_marked_at_the_mid_and_closed_at_the_market_on_stop() -> None:
    strategy = SimulatedStrategy(1, "Mean Reversion", ("EURUSD",), "1M", 10_000)
    quotes: dict[str, Quote] = {}
    warm_up(strategy, quotes, "EURUSD", 1.08500, 1.08510)
    feed(strategy, quotes, quote("EURUSD", 1.08400, 1.08410))
    quotes["EURUSD"] = quote("EURUSD", 1.08300, 1.08310)
    assert strategy.metrics(quotes).pnl_usd == pytest.approx(10_000 * (1.08305 - 1.08410))
    [close] = strategy.closing_fills(quotes)
    assert (close.side, close.price) == ("SELL", 1.08300)
    assert strategy.holdings["EURUSD"].quantity == 0
    assert strategy.metrics(quotes).pnl_usd == pytest.approx(10_000 * (1.08300 - 1.08410))


def test_replaying_recorded_fills_restores_positions_and_totals() -> None:
    fills = [Fill("EURUSD", "BUY", 10_000, 1.08410, None, 1), Fill("EURUSD", "SELL", 10_000, 1.08500, 9.0, 2),
             Fill("EURUSD", "SELL", 10_000, 1.08600, None, 3)]
    strategy = SimulatedStrategy(1, "Mean Reversion", ("EURUSD",), "1M", 10_000)
    strategy.replay(fills)
    holding = strategy.holdings["EURUSD"]
    assert (holding.quantity, holding.average_price) == (-10_000, 1.08600)
    assert (strategy.trades, strategy.closed_trades, strategy.winning_trades, strategy.realized_usd) == (3, 1, 1, 9.0)


def test_an_unknown_strategy_type_has_no_rule() -> None:
    with pytest.raises(ValueError, match="no trading rule"):
        SimulatedStrategy(1, "Scalping", ("EURUSD",), "1M", 1)
