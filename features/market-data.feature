@market_data
Feature: Real-time market data
  A trader keeps the Market Data screen open while trading (test plan, scenario 6). Every quote moves in real time,
  and the browser itself measures each instrument's update rate, the age of its last update and the time from the
  console's tick to the screen, against the real-time budgets: by default more than one update a second, a last
  update less than a second ago, and 95 % of ticks on screen within 100 ms. An instrument without a tick for more
  than 2 seconds is flagged stale, and so is every quote while the connection is down. A pip is 0.0001, and 0.01 for
  a pair quoted in yen.

  Background:
    Given a trader is signed in

  @measured_alone
  Scenario: The four majors update in real time within the real-time budgets
    When the trader opens the Market Data screen
    Then the trader sees the data source "Connected" with the feed's update rate
    And the trader sees EURUSD, GBPUSD, USDJPY and AUDUSD quoted with bid, ask, spread, change and a live last update
    And the trader sees no quote flagged stale
    When the trader watches EURUSD, GBPUSD, USDJPY and AUDUSD for 10 seconds
    Then the trader saw each of them update more often than the update-rate budget
    And the trader saw each of them last updated within the last-update budget
    And the trader saw their ticks reach the screen within the latency budget
    And the trader saw the feed's update rate shown as the ticks the screen received, within a quarter

  @controlled_market
  Scenario Outline: The change is the move of the mid from the day's open, tick after tick
    Given EURUSD opened the day at 1.08000
    And EURUSD is quoted at 1.08265 / 1.08275
    When the trader opens the Market Data screen
    Then the trader sees EURUSD's change hold at +0.250% over the next tick
    When EURUSD moves to <bid> / <ask>
    Then the trader sees EURUSD's change hold at <change> over the next tick

    Examples:
      | bid     | ask     | change  |
      | 1.08535 | 1.08545 | +0.500% |
      | 1.07455 | 1.07465 | -0.500% |
      | 1.07995 | 1.08005 | 0.000%  |

  @controlled_market
  Scenario Outline: A quote shows its bid, ask and spread in the instrument's decimals and pips
    Given <instrument> is quoted at <bid> / <ask>
    When the trader opens the Market Data screen
    Then the trader sees <instrument> quoted at <bid> / <ask> with a spread of <spread>

    Examples:
      | instrument | bid     | ask     | spread    |
      | EURUSD     | 1.09120 | 1.09130 | 1.0 pips  |
      | GBPUSD     | 1.26310 | 1.26325 | 1.5 pips  |
      | USDJPY     | 151.950 | 151.962 | 1.2 pips  |
      | EURGBP     | 0.85380 | 0.85392 | 1.2 pips  |

  Scenario Outline: The market data API answers a bad instrument with what is wrong
    When the trader asks the console's API for the quotes of "<instrument>"
    Then the console answers <status> "<detail>"

    Examples:
      | instrument | status | detail  |
      | XAUUSD     | 404    | XAUUSD  |
      | EUR USD    | 422    | EUR USD |

  Scenario Outline: Filtering the board by currency shows only the pairs that trade it
    Given the trader has the Market Data screen open
    When the trader filters the board by the currency <currency>
    Then the trader sees the board list exactly <instruments>

    Examples:
      | currency | instruments                                               |
      | AUD      | AUDUSD                                                    |
      | CAD      | USDCAD                                                    |
      | CHF      | USDCHF                                                    |
      | EUR      | EURUSD and EURGBP                                         |
      | GBP      | GBPUSD and EURGBP                                         |
      | JPY      | USDJPY                                                    |
      | NZD      | NZDUSD                                                    |
      | USD      | EURUSD, GBPUSD, USDJPY, AUDUSD, USDCHF, USDCAD and NZDUSD |

  Scenario: The currency filter offers every currency the board trades, in alphabetical order
    Given the trader has the Market Data screen open
    Then the trader sees the currency filter offer exactly: All currencies, AUD, CAD, CHF, EUR, GBP, JPY, NZD, USD

  Scenario Outline: Searching the board for an instrument narrows it to the matches
    Given the trader has the Market Data screen open
    When the trader searches the board for "<text>"
    Then the trader sees the board list exactly <instruments>

    Examples:
      | text    | instruments       |
      | aud     | AUDUSD            |
      | usdc    | USDCHF and USDCAD |
      | EUR/GBP | EURGBP            |

  Scenario Outline: The currency filter and the search narrow the board together
    Given the trader has the Market Data screen open
    When the trader filters the board by the currency <currency>
    And the trader searches the board for "<text>"
    Then <outcome>

    Examples:
      | currency | text | outcome                                                   |
      | USD      | cad  | the trader sees the board list exactly USDCAD             |
      | EUR      | gbp  | the trader sees the board list exactly EURGBP             |
      | JPY      | eur  | the trader sees the board say that no instrument matches |

  @controlled_market
  Scenario Outline: Sorting the board by a column, both ways
    Given the market quotes these prices:
      | instrument | bid     | ask     |
      | EURUSD     | 1.09120 | 1.09130 |
      | GBPUSD     | 1.26310 | 1.26325 |
      | USDJPY     | 151.950 | 151.962 |
      | AUDUSD     | 0.65010 | 0.65022 |
      | USDCHF     | 0.88210 | 0.88224 |
      | USDCAD     | 1.35620 | 1.35636 |
      | NZDUSD     | 0.60330 | 0.60348 |
      | EURGBP     | 0.85380 | 0.85392 |
    And the trader has the Market Data screen open
    And the trader has sorted the board by <before>, descending
    When the trader sorts the board by <column>, <direction>
    Then the trader sees the board in <direction> order of <column>, and only that column sorted

    Examples:
      | before      | column      | direction  |
      | Spread      | Instrument  | ascending  |
      | Spread      | Instrument  | descending |
      | Instrument  | Bid         | ascending  |
      | Instrument  | Bid         | descending |
      | Bid         | Ask         | ascending  |
      | Bid         | Ask         | descending |
      | Ask         | Spread      | ascending  |
      | Ask         | Spread      | descending |
      | Last update | Change      | ascending  |
      | Last update | Change      | descending |
      | Change      | Last update | ascending  |
      | Change      | Last update | descending |

  @controlled_market
  Scenario Outline: Sorted by Last update, a quote without ticks goes <place>
    Given the trader has the Market Data screen open
    And the feed has stopped quoting EURUSD, and the trader's board flags it stale
    When the trader sorts the board by Last update, <direction>
    Then the trader sees the board in <direction> order of Last update, and only that column sorted
    And the trader sees EURUSD <place> on the board

    Examples:
      | direction  | place |
      | ascending  | last  |
      | descending | first |

  @controlled_market
  Scenario: A sorted board stays sorted as a price moves past another
    Given the market quotes these prices:
      | instrument | bid     | ask     |
      | EURUSD     | 1.09120 | 1.09130 |
      | GBPUSD     | 1.26310 | 1.26325 |
      | USDJPY     | 151.950 | 151.962 |
      | AUDUSD     | 0.65010 | 0.65022 |
      | USDCHF     | 0.88210 | 0.88224 |
      | USDCAD     | 1.35620 | 1.35636 |
      | NZDUSD     | 0.60330 | 0.60348 |
      | EURGBP     | 0.85380 | 0.85392 |
    And the trader has the Market Data screen open
    And the trader has sorted the board by Bid, ascending
    When EURUSD moves to 0.86000 / 0.86010
    Then the trader sees EURUSD quoted at 0.86000 / 0.86010 with a spread of 1.0 pips
    And the trader sees the board in ascending order of Bid, and only that column sorted

  @controlled_market
  Scenario: An instrument without ticks is flagged stale until its next tick
    Given the trader has the Market Data screen open
    When the feed stops quoting EURUSD
    Then the trader sees EURUSD flagged stale 2 seconds after its last tick, not before
    And the trader sees GBPUSD, USDJPY and AUDUSD still live
    When the feed quotes EURUSD again
    Then the trader sees EURUSD live again

  @controlled_market
  Scenario: After a dropped connection the board reconnects and prices move again
    Given the trader has the Market Data screen open
    When the console drops the trader's connection for 2 seconds
    Then the trader sees the board reconnecting
    And the trader sees the board live again, without a reload
    And the trader saw no quote shown as live while the board was reconnecting
    And the trader sees the prices of EURUSD, GBPUSD, USDJPY and AUDUSD move again

  @controlled_market
  Scenario: A feed that stops shows on the board: every quote stale and no ticks, until it resumes
    Given the trader has the Market Data screen open
    When the market data feed stops
    Then the trader sees every quote flagged stale and the data source "No ticks"
    When the market data feed resumes
    Then the trader sees no quote flagged stale and the data source "Connected"
