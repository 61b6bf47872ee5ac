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
    Then the trader sees the portfolio overview:
      | Total Portfolio Value | $999,979.45 |
      | Cash Balance          | $999,148.33 |
      | Open Positions        | 2           |
      | Unrealized P&L        | -$20.55     |
    And the trader sees the positions:
      | instrument | quantity | average price | mark    | unrealized P&L | synchronisation |
      | EURUSD     | +10,000  | 1.08510       | 1.08650 | $14.00         | Synchronized    |
      | USDJPY     | -10,000  | 149.990       | 150.510 | -$34.55        | Synchronized    |

  # EURGBP is quoted in pounds: its P&L is converted at GBPUSD's mid, here 1.27000. Bought at 0.85500 for
  # 10,000 × 0.85500 × 1.27 = $10,858.50, marked at 0.85590: 10,000 × 0.00090 = £9.00, $11.43.
  @controlled_market
  Scenario: A position in a pair quoted in pounds is valued in dollars at the pound's rate
    Given GBPUSD is quoted at 1.26990 / 1.27010
    And EURGBP is quoted at 0.85490 / 0.85500
    And the trader holds these positions, opened at the market:
      | instrument | position |
      | EURGBP     | +10,000  |
    And EURGBP is quoted at 0.85590 / 0.85600
    When the trader opens the Portfolio screen
    Then the trader sees the portfolio overview:
      | Total Portfolio Value | $1,000,011.43 |
      | Cash Balance          | $989,141.50   |
      | Open Positions        | 1             |
      | Unrealized P&L        | $11.43        |
    And the trader sees the positions:
      | instrument | quantity | average price | mark    | unrealized P&L | synchronisation |
      | EURGBP     | +10,000  | 0.85500       | 0.85590 | $11.43         | Synchronized    |

  @controlled_market
  Scenario: A yen position's details show its own P&L and exposure in dollars, not the other positions'
    Given EURUSD is quoted at 1.08500 / 1.08510
    And USDJPY is quoted at 149.990 / 150.010
    And the trader holds these positions, opened at the market:
      | instrument | position |
      | EURUSD     | +10,000  |
      | USDJPY     | -10,000  |
    And EURUSD is quoted at 1.08650 / 1.08660
    And the trader has sold 4,000 EURUSD at the market
    And USDJPY is quoted at 150.490 / 150.510
    And the trader has the Portfolio screen open
    When the trader opens the details of the USDJPY position
    Then the trader sees the position details:
      | Quantity        | -10,000      |
      | Average price   | 149.990      |
      | Mark            | 150.510      |
      | Unrealized P&L  | -$34.55      |
      | Realized P&L    | $0.00        |
      | Exposure        | $10,000.66   |
      | Synchronisation | Synchronized |

  @controlled_market
  Scenario: A position's details show its P&L and that it is synchronized
    Given EURUSD is quoted at 1.08500 / 1.08510
    And the trader has bought 10,000 EURUSD at the market
    And EURUSD is quoted at 1.08650 / 1.08660
    And the trader has sold 4,000 EURUSD at the market
    And the trader has the Portfolio screen open
    When the trader opens the details of the EURUSD position
    Then the trader sees the position details:
      | Quantity        | +6,000       |
      | Average price   | 1.08510      |
      | Mark            | 1.08650      |
      | Unrealized P&L  | $8.40        |
      | Realized P&L    | $5.60        |
      | Exposure        | $6,519.00    |
      | Synchronisation | Synchronized |
    And the trader sees the position's last synchronisation time keep advancing with the time of day

  @controlled_market
  Scenario Outline: Adding to a position averages its price; reducing it realizes the P&L of what was closed
    Given EURUSD is quoted at 1.08500 / 1.08510
    And the trader has <first> 10,000 EURUSD at the market
    And EURUSD is quoted at <bid> / <ask>
    And the trader has <second> EURUSD at the market
    And the trader has the Portfolio screen open
    When the trader opens the details of the EURUSD position
    Then the trader sees the position details:
      | Quantity       | <quantity>   |
      | Average price  | <average>    |
      | Mark           | <mark>       |
      | Unrealized P&L | <unrealized> |
      | Realized P&L   | <realized>   |

    Examples:
      | first  | bid     | ask     | second        | quantity | average | mark    | unrealized | realized |
      | bought | 1.08660 | 1.08670 | bought 30,000 | +40,000  | 1.08630 | 1.08660 | $12.00     | $0.00    |
      | sold   | 1.08660 | 1.08670 | sold 30,000   | -40,000  | 1.08620 | 1.08670 | -$20.00    | $0.00    |
      | sold   | 1.08350 | 1.08360 | bought 4,000  | -6,000   | 1.08500 | 1.08360 | $8.40      | $5.60    |

  @controlled_market
  Scenario: A position's details follow the market live
    Given EURUSD is quoted at 1.08500 / 1.08510
    And the trader has bought 10,000 EURUSD at the market
    And the trader has the Portfolio screen open
    And the trader has the details of the EURUSD position open
    When EURUSD moves to 1.08650 / 1.08660
    Then the trader sees the position details:
      | Mark           | 1.08650 |
      | Unrealized P&L | $14.00  |

  Scenario: A position's details go with the position when it is closed
    Given the trader has bought 10,000 EURUSD at the market
    And the trader has the Portfolio screen open
    And the trader has the details of the EURUSD position open
    When the trader asks to close the EURUSD position
    And the trader confirms closing the position
    Then the trader sees no EURUSD position
    And the trader sees no position details

  @controlled_market
  Scenario Outline: Closing a long or a short position flattens it with a market order
    Given EURUSD is quoted at 1.08500 / 1.08510
    And the trader has <traded> 12,500 EURUSD at the market
    And the trader has the Portfolio screen open
    When the trader asks to close the EURUSD position
    Then the trader sees the confirmation "<order> 12,500 EURUSD at the market."
    When the trader confirms closing the position
    Then the trader sees no EURUSD position
    And the trader sees the close reported as "Closing EURUSD: Order #N: <side> 12,500 EURUSD MARKET · Filled"
    And the trader sees the portfolio overview:
      | Cash Balance   | $999,998.75 |
      | Open Positions | 0           |
      | Unrealized P&L | $0.00       |

    Examples:
      | traded | order | side |
      | bought | Sell  | SELL |
      | sold   | Buy   | BUY  |

  Scenario Outline: The size change opens on the position's own size, and orders nothing until it is changed
    Given the trader has <traded> 10,000 EURUSD at the market
    And the trader has the Portfolio screen open
    When the trader asks to change the size of the EURUSD position
    Then the trader sees the size change start from <position> EURUSD and say "Nothing to order: the position already has that size."

    Examples:
      | traded | position |
      | bought | +10,000  |
      | sold   | -10,000  |

  @controlled_market
  Scenario Outline: Changing a position's size orders the difference
    Given EURUSD is quoted at 1.08500 / 1.08510
    And the trader has bought 10,000 EURUSD at the market
    And the trader has the Portfolio screen open
    When the trader enters a new size of <target> for the EURUSD position
    Then the trader sees the confirmation "<order> EURUSD at the market."
    When the trader confirms the size change
    Then the trader sees the position <position> EURUSD at an average price of <average price>
    And the trader sees the portfolio overview:
      | Cash Balance | <cash> |

    Examples:
      | target | order      | position | average price | cash          |
      | 25,000 | Buy 15,000 | +25,000  | 1.08510       | $972,872.50   |
      | 4,000  | Sell 6,000 | +4,000   | 1.08510       | $995,659.00   |
      | -5,000 | Sell 15,000 | -5,000  | 1.08500       | $1,005,424.00 |

  @controlled_market
  Scenario Outline: A close or a size change cancelled in its dialog leaves the position as it was
    Given EURUSD is quoted at 1.08500 / 1.08510
    And the trader has bought 10,000 EURUSD at the market
    And the trader has the Portfolio screen open
    When the trader <begins> the EURUSD position but cancels it in the dialog
    Then the account has no order but the one that opened the position
    And the trader sees the position +10,000 EURUSD at an average price of 1.08510
    And the trader sees the portfolio overview:
      | Cash Balance   | $989,149.00 |
      | Open Positions | 1           |

    Examples:
      | begins                      |
      | begins to close             |
      | begins to change the size of |

  @controlled_market
  Scenario: Changing a position's size to zero closes it
    Given EURUSD is quoted at 1.08500 / 1.08510
    And the trader has bought 10,000 EURUSD at the market
    And the trader has the Portfolio screen open
    When the trader enters a new size of 0 for the EURUSD position
    Then the trader sees the confirmation "Sell 10,000 EURUSD at the market."
    When the trader confirms the size change
    Then the trader sees no EURUSD position
    And the trader sees the portfolio overview:
      | Cash Balance   | $999,999.00 |
      | Open Positions | 0           |

  @controlled_market
  Scenario: Adding a position opens the order ticket prefilled on the Portfolio screen
    Given EURUSD is quoted at 1.08500 / 1.08510
    And GBPUSD is quoted at 1.27000 / 1.27010
    And the trader has bought 10,000 EURUSD at the market
    And the trader has the Portfolio screen open
    When the trader adds a position
    Then the trader sees the order ticket hold a MARKET order to BUY 10,000 GBPUSD
    When the trader changes the ticket's quantity to 20,000 and submits it
    Then the trader sees the position +20,000 GBPUSD at an average price of 1.27010
    And the trader sees the portfolio overview:
      | Cash Balance   | $963,747.00 |
      | Open Positions | 2           |

  @controlled_market
  Scenario: The portfolio follows a price move live, without a reload
    Given EURUSD is quoted at 1.08500 / 1.08510
    And the trader has bought 10,000 EURUSD at the market
    And the trader has the Portfolio screen open
    When EURUSD moves to 1.08650 / 1.08660
    Then the trader sees the portfolio overview, without a reload:
      | Total Portfolio Value | $1,000,014.00 |
      | Unrealized P&L        | $14.00        |
    When EURUSD moves to 1.08300 / 1.08310
    Then the trader sees the portfolio overview, without a reload:
      | Total Portfolio Value | $999,979.00 |
      | Unrealized P&L        | -$21.00     |

  @controlled_market
  Scenario: The Trading screen shows the cash, equity and positions the Portfolio screen shows
    Given EURUSD is quoted at 1.08500 / 1.08510
    And USDJPY is quoted at 149.990 / 150.010
    And the trader holds these positions, opened at the market:
      | instrument | position |
      | EURUSD     | +10,000  |
      | USDJPY     | -10,000  |
    And EURUSD is quoted at 1.08650 / 1.08660
    And USDJPY is quoted at 150.490 / 150.510
    When the trader opens the Trading screen
    Then the trader sees the account figures:
      | Cash           | $999,148.33 |
      | Equity         | $999,979.45 |
      | Unrealized P&L | -$20.55     |
      | Realized P&L   | $0.00       |
    And the trader sees the positions:
      | instrument | quantity | average price | mark    | unrealized P&L | realized P&L |
      | EURUSD     | +10,000  | 1.08510       | 1.08650 | $14.00         | $0.00        |
      | USDJPY     | -10,000  | 149.990       | 150.510 | -$34.55        | $0.00        |

  # Reducing a position by 4,000 realizes 4,000 × (the closing fill − the average price): bought at 1.08510 and sold at
  # 1.08650, $5.60 gained; sold at 1.08500 and bought back at 1.08660, $6.40 lost. Equity = $1,000,000 + realized +
  # unrealized; cash = $1,000,000 − what the buys paid + what the sells received.
  @controlled_market
  Scenario Outline: The Trading screen shows what a partly closed position realized, gain or loss
    Given EURUSD is quoted at 1.08500 / 1.08510
    And the trader has <first> 10,000 EURUSD at the market
    And EURUSD is quoted at 1.08650 / 1.08660
    And the trader has <second> 4,000 EURUSD at the market
    When the trader opens the Trading screen
    Then the trader sees the account figures:
      | Cash           | <cash>       |
      | Equity         | <equity>     |
      | Unrealized P&L | <unrealized> |
      | Realized P&L   | <realized>   |
    And the trader sees the positions:
      | instrument | quantity   | average price | mark   | unrealized P&L | realized P&L |
      | EURUSD     | <quantity> | <average>     | <mark> | <unrealized>   | <realized>   |

    Examples:
      | first  | second | cash          | equity        | quantity | average | mark    | unrealized | realized |
      | bought | sold   | $993,495.00   | $1,000,014.00 | +6,000   | 1.08510 | 1.08650 | $8.40      | $5.60    |
      | sold   | bought | $1,006,503.60 | $999,984.00   | -6,000   | 1.08500 | 1.08660 | -$9.60     | -$6.40   |

  @console_control @controlled_market
  Scenario: A server error on closing a position says it was not closed, and the position stays
    Given EURUSD is quoted at 1.08500 / 1.08510
    And the trader has bought 10,000 EURUSD at the market
    And the trader has the Portfolio screen open
    And the console answers /api/portfolio/positions/EURUSD/close with a 503 server error
    When the trader asks to close the EURUSD position
    And the trader confirms closing the position
    Then the trader's close is refused with "The position was not closed: the console answered 503."
    When the trader reloads the Portfolio screen
    Then the trader sees the position +10,000 EURUSD at an average price of 1.08510

  @console_control @controlled_market
  Scenario: A server error on changing a position's size says it was not resized, and the position stays
    Given EURUSD is quoted at 1.08500 / 1.08510
    And the trader has bought 10,000 EURUSD at the market
    And the trader has the Portfolio screen open
    And the console answers /api/portfolio/positions/EURUSD/resize with a 500 server error
    When the trader changes the size of the EURUSD position to "5,000"
    Then the trader's size change is refused with "The position was not resized: the console answered 500."
    When the trader reloads the Portfolio screen
    Then the trader sees the position +10,000 EURUSD at an average price of 1.08510

  @controlled_market
  Scenario Outline: A size that cannot be ordered is refused with its reason and nothing changes
    Given EURUSD is quoted at 1.08500 / 1.08510
    And the trader has bought 10,000 EURUSD at the market
    And the trader has the Portfolio screen open
    When the trader changes the size of the EURUSD position to "<size>"
    Then the trader's size change is refused with "<reason>"
    When the trader reloads the Portfolio screen
    Then the trader sees the position +10,000 EURUSD at an average price of 1.08510
    And the trader sees the portfolio overview:
      | Cash Balance | $989,149.00 |

    Examples:
      | size         | reason                                          |
      | ten thousand | Target quantity must be a number                |
      | 12,500.5     | Target quantity must be a whole number of units |
      | 100,001      | Order exceeds max position size 100,000         |
      | -100,001     | Order exceeds max position size 100,000         |
      | 10,000       | The EURUSD position is already +10,000          |

  @controlled_market @console_control
  Scenario: A position whose book no longer matches its fills is flagged Out of sync
    Given EURUSD is quoted at 1.08500 / 1.08510
    And the trader has bought 10,000 EURUSD at the market
    And the trader has the Portfolio screen open
    When the console's stored EURUSD position of the trader's account is overwritten with +9,000, without a fill
    And the trader opens the details of the EURUSD position
    Then the trader sees the position details:
      | Quantity        | +9,000      |
      | Synchronisation | Out of sync |
    And the trader sees the position details explain "the book holds +9,000, its fills give +10,000"
