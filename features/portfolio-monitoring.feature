@portfolio_monitoring
Feature: Portfolio monitoring
  A trader follows the account's portfolio on the Portfolio screen (test plan, scenario 5): its total value, cash
  balance, open positions and unrealized P&L, live; each position with its synchronisation status; and acts on a
  position from there: closes it, changes its size, or adds a new one, each as a market order that goes through the
  same checks as the order ticket. Prices are set by test control where values must be exact. A new account starts
  with $1,000,000 in cash and may hold at most 100,000 units of an instrument. P&L is in US dollars: where an
  instrument is quoted in another currency, such as USDJPY in yen, it is converted at the current rate.

  Background:
    Given a trader is signed in

  @controlled_market
  Scenario: The overview values the portfolio at market prices, with yen P&L converted to dollars
    Given EURUSD is quoted at 1.08500 / 1.08510
    And USDJPY is quoted at 149.990 / 150.010
    And the trader holds these positions, opened at the market:
      | instrument | position |
      | EURUSD     | +10,000  |
      | USDJPY     | -10,000  |
    And EURUSD is quoted at 1.08650 / 1.08660
    And USDJPY is quoted at 150.490 / 150.510
    When the trader opens the Portfolio screen
    Then the portfolio overview shows:
      | Total Portfolio Value | $999,979.45 |
      | Cash Balance          | $999,148.33 |
      | Open Positions        | 2           |
      | Unrealized P&L        | -$20.55     |
    And the positions table shows:
      | instrument | quantity | average price | mark    | unrealized P&L | synchronisation |
      | EURUSD     | +10,000  | 1.08510       | 1.08650 | $14.00         | Synchronized    |
      | USDJPY     | -10,000  | 149.990       | 150.510 | -$34.55        | Synchronized    |

  @controlled_market
  Scenario: A position's details show its P&L and that it is synchronized
    Given EURUSD is quoted at 1.08500 / 1.08510
    And the trader has bought 10,000 EURUSD at the market
    And EURUSD is quoted at 1.08650 / 1.08660
    And the trader has sold 4,000 EURUSD at the market
    When the trader opens the details of the EURUSD position
    Then the position details show:
      | Quantity        | +6,000       |
      | Average price   | 1.08510      |
      | Mark            | 1.08650      |
      | Unrealized P&L  | $8.40        |
      | Realized P&L    | $5.60        |
      | Synchronisation | Synchronized |
    And the position's last synchronisation time keeps advancing

  @controlled_market
  Scenario: Closing a position flattens it with a market order
    Given EURUSD is quoted at 1.08500 / 1.08510
    And the trader has bought 12,500 EURUSD at the market
    When the trader asks to close the EURUSD position
    Then the confirmation reads "Sell 12,500 EURUSD at the market."
    When the trader confirms closing the position
    Then the portfolio no longer lists EURUSD
    And the portfolio overview shows:
      | Cash Balance   | $999,998.75 |
      | Open Positions | 0           |

  @controlled_market
  Scenario: Changing a position's size orders the difference
    Given EURUSD is quoted at 1.08500 / 1.08510
    And the trader has bought 10,000 EURUSD at the market
    When the trader enters a new size of 25,000 for the EURUSD position
    Then the confirmation reads "Buy 15,000 EURUSD at the market."
    When the trader confirms the size change
    Then the portfolio lists EURUSD at +25,000 with an average price of 1.08510
    And the portfolio overview shows:
      | Cash Balance | $972,872.50 |

  @controlled_market
  Scenario: Adding a position opens the order ticket prefilled on the Portfolio screen
    Given EURUSD is quoted at 1.08500 / 1.08510
    And GBPUSD is quoted at 1.27000 / 1.27010
    And the trader has bought 10,000 EURUSD at the market
    When the trader adds a position
    Then the order ticket holds a MARKET order to BUY 10,000 GBPUSD
    When the trader changes the ticket's quantity to 20,000 and submits it
    Then the portfolio lists GBPUSD at +20,000 with an average price of 1.27010
    And the portfolio overview shows:
      | Cash Balance   | $963,747.00 |
      | Open Positions | 2           |

  @controlled_market
  Scenario: The portfolio follows a price move live, without a reload
    Given EURUSD is quoted at 1.08500 / 1.08510
    And the trader has bought 10,000 EURUSD at the market
    When EURUSD moves to 1.08650 / 1.08660
    Then the portfolio overview shows, without a reload:
      | Total Portfolio Value | $1,000,014.00 |
      | Unrealized P&L        | $14.00        |
    When EURUSD moves to 1.08300 / 1.08310
    Then the portfolio overview shows, without a reload:
      | Total Portfolio Value | $999,979.00 |
      | Unrealized P&L        | -$21.00     |

  @controlled_market
  Scenario: The Risk Management screen values the portfolio as the Portfolio screen does
    Given EURUSD is quoted at 1.08500 / 1.08510
    And USDJPY is quoted at 149.990 / 150.010
    And the trader holds these positions, opened at the market:
      | instrument | position |
      | EURUSD     | +10,000  |
      | USDJPY     | -10,000  |
    When the trader reads the figures on the Portfolio screen
    And the trader opens the Risk Management screen
    Then the Risk Management screen's Portfolio Value is the Portfolio screen's Total Portfolio Value

  @controlled_market
  Scenario: The Portfolio and Trading screens agree on positions and P&L
    Given EURUSD is quoted at 1.08500 / 1.08510
    And USDJPY is quoted at 149.990 / 150.010
    And the trader holds these positions, opened at the market:
      | instrument | position |
      | EURUSD     | +10,000  |
      | USDJPY     | -10,000  |
    When the trader reads the figures on the Portfolio screen
    And the trader opens the Trading screen
    Then the Trading screen shows the positions, cash and unrealized P&L the Portfolio screen shows
    And the Trading screen's equity is the Portfolio screen's Total Portfolio Value

  @controlled_market
  Scenario Outline: A size that cannot be ordered is refused with its reason and nothing changes
    Given EURUSD is quoted at 1.08500 / 1.08510
    And the trader has bought 10,000 EURUSD at the market
    When the trader changes the size of the EURUSD position to "<size>"
    Then the size change is refused with "<reason>"
    And after a reload the trader still holds +10,000 EURUSD with a Cash Balance of $989,149.00

    Examples:
      | size         | reason                                          |
      | ten thousand | Target quantity must be a number                |
      | 12,500.5     | Target quantity must be a whole number of units |
      | 150,000      | Order exceeds max position size 100,000         |
      | 10,000       | The EURUSD position is already +10,000          |

  @controlled_market @console_control
  Scenario: A position whose book no longer matches its fills is flagged Out of sync
    Given EURUSD is quoted at 1.08500 / 1.08510
    And the trader has bought 10,000 EURUSD at the market
    When the console's stored EURUSD position of the trader's account is overwritten with +9,000, without a fill
    And the trader opens the details of the EURUSD position
    Then the position details show:
      | Quantity        | +9,000      |
      | Synchronisation | Out of sync |
    And the position details explain "the book holds +9,000, its fills give +10,000"
