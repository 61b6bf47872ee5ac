@risk_management
Feature: Risk management and the Emergency Stop
  The Risk Management screen shows what the account is worth and what it risks: Portfolio Value, Daily P&L, Max
  Drawdown, VaR 95% and gross exposure, live. A risk manager sets the account's limits, and the next order is checked
  against them. The Emergency Stop, which a trader or a risk manager may trigger, halts all trading of the account at
  once and everywhere: working orders are cancelled, running strategies are stopped, every new order is rejected, and
  every open screen of the account says so, until a risk manager resumes trading (test plan, scenario 4). Each
  scenario has an account of its own, with $1,000,000 of starting cash, a max position size of 100,000 units and a
  daily loss limit of $5,000. Times written HH:MM:SS are the time of day (UTC) at which the console did it.

  Rule: The risk metrics follow the account's positions at the current prices

    @controlled_market
    Scenario Outline: The risk metrics of a long or short position, after a gain or a loss
      Given a trader is signed in
      And EURUSD is quoted at 1.08500 / 1.08510
      And the trader has <traded> 10,000 EURUSD at the market
      When EURUSD moves to <bid> / <ask>
      And the trader opens the Risk Management screen
      Then the trader sees the risk metrics:
        | Portfolio Value | <value>    |
        | Daily P&L       | <daily>    |
        | Max Drawdown    | <drawdown> |
        | Gross Exposure  | <exposure> |

      Examples:
        | traded | bid     | ask     | value         | daily    | drawdown | exposure   |
        | bought | 1.07500 | 1.07510 | $999,899.00   | -$101.00 | -0.01%   | $10,750.00 |
        | bought | 1.09500 | 1.09510 | $1,000,099.00 | $99.00   | 0.00%    | $10,950.00 |
        | sold   | 1.09500 | 1.09510 | $999,899.00   | -$101.00 | -0.01%   | $10,951.00 |
        | sold   | 1.07500 | 1.07510 | $1,000,099.00 | $99.00   | 0.00%    | $10,751.00 |

    @console_control
    Scenario: Max drawdown and VaR 95% follow the account's recorded equity
      Given a risk manager is signed in
      And the risk engine has recorded the account's equity once a second as:
        | $1,000,000 | $1,003,000 | $1,001,000 | $996,000 | $998,000 | $1,002,000 | $997,000 | $999,000 | $1,000,500 | $998,500 | $1,000,000 |
      When the risk manager opens the Risk Management screen
      Then the risk manager sees the risk metrics:
        | Max Drawdown | -0.70%    |
        | VaR (95%)    | $5,352.47 |

    @console_control
    Scenario: VaR 95% waits for ten equity returns, and says so
      Given a risk manager is signed in
      And the risk engine has recorded the account's equity once a second as:
        | $1,000,000 | $1,003,000 | $1,001,000 | $996,000 | $998,000 | $1,002,000 | $997,000 | $999,000 | $1,000,500 | $998,500 |
      When the risk manager opens the Risk Management screen
      Then the risk manager sees the risk metrics:
        | VaR (95%)    | —      |
        | Max Drawdown | -0.70% |
      And the risk manager sees the VaR note "VaR needs 10 equity returns; 9 recorded so far."

    @controlled_market
    Scenario: The Risk Management screen values the portfolio as the Portfolio screen does
      Given a trader is signed in
      And EURUSD is quoted at 1.08500 / 1.08510
      And USDJPY is quoted at 149.990 / 150.010
      And the trader holds these positions, opened at the market:
        | instrument | position |
        | EURUSD     | +10,000  |
        | USDJPY     | -10,000  |
      And EURUSD is quoted at 1.08650 / 1.08660
      And USDJPY is quoted at 150.490 / 150.510
      When the trader opens the Risk Management screen
      Then the trader sees the risk metrics:
        | Portfolio Value | $999,979.45 |
        | Daily P&L       | -$20.55     |
        | Gross Exposure  | $20,865.66  |

    @controlled_market
    Scenario: A position closed at a loss today counts in the day's P&L
      Given a trader is signed in
      And EURUSD is quoted at 1.08500 / 1.08510
      And the trader has bought 10,000 EURUSD at the market
      And EURUSD is quoted at 1.07500 / 1.07510
      And the trader has sold 10,000 EURUSD at the market
      When the trader opens the Risk Management screen
      Then the trader sees the risk metrics:
        | Daily P&L       | -$101.00    |
        | Portfolio Value | $999,899.00 |
        | Gross Exposure  | $0.00       |

  Rule: A risk manager sets the limits, and the next order is checked against them

    Scenario: The test plan's limits are saved and kept
      Given a risk manager is signed in
      And the risk manager has the Risk Management screen open
      When the risk manager sets the limits to a Max Position Size of 50,000 and a Daily Loss Limit of $2,000
      Then the risk manager sees the limits 50,000 and $2,000
      And the risk manager sees the risk alert "Limits changed by the risk manager: Max Position Size 50,000, Daily Loss Limit $2,000."
      When the risk manager reloads the Risk Management screen
      Then the risk manager sees the limits 50,000 and $2,000

    Scenario: Edit Limits opens again with the limits saved last
      Given a risk manager is signed in
      And the risk manager has the Risk Management screen open
      When the risk manager sets the limits to a Max Position Size of 50,000 and a Daily Loss Limit of $2,000
      And the risk manager opens Edit Limits again
      Then the risk manager sees the Edit Limits form filled in with 50,000 and $2,000

    Scenario: New limits reach another open Risk Management screen without a reload
      Given a trader is signed in
      And the trader has the Risk Management screen open
      And a risk manager is signed in
      And the risk manager has the Risk Management screen open
      When the risk manager sets the limits to a Max Position Size of 50,000 and a Daily Loss Limit of $2,000
      Then the trader sees the limits 50,000 and $2,000
      And the trader sees the risk alert "Limits changed by the risk manager: Max Position Size 50,000, Daily Loss Limit $2,000."

    Scenario Outline: The next order is checked against the new max position size, up to and including it
      Given a trader is signed in
      And the account's max position size is 50,000
      And the trader has the Trading screen open
      When the trader submits a MARKET order to BUY <quantity> EURUSD
      Then <outcome>

      Examples:
        | quantity | outcome                                                               |
        | 50,000   | the trader's last order shows "Filled"                                |
        | 50,001   | the trader's order is refused with "exceeds max position size 50,000" |

    Scenario Outline: Limits at the edge of their rules are accepted
      Given a risk manager is signed in
      And the risk manager has the Risk Management screen open
      When the risk manager sets the <limit> to "<value>"
      Then the risk manager sees the limits <size> and <loss>

      Examples:
        | limit             | value      | size       | loss       |
        | Max Position Size | 1          | 1          | $5,000     |
        | Max Position Size | 10,000,000 | 10,000,000 | $5,000     |
        | Daily Loss Limit  | $0.01      | 100,000    | $0.01      |
        | Daily Loss Limit  | $1,000,000 | 100,000    | $1,000,000 |

    Scenario Outline: Limits that make no sense are refused with the reason, and nothing changes
      Given a risk manager is signed in
      And the risk manager has the Risk Management screen open
      When the risk manager sets the <limit> to "<value>"
      Then the risk manager's limits are refused with "<limit> <reason>"
      When the risk manager reloads the Risk Management screen
      Then the risk manager sees the limits 100,000 and $5,000

      Examples:
        | limit             | value          | reason                                                    |
        | Max Position Size | 0              | must be greater than 0 units                              |
        | Max Position Size | 12,500.5       | must be a whole number of units                           |
        | Max Position Size | 10,000,001     | must not exceed 10,000,000 units                          |
        | Max Position Size | fifty thousand | must be a number                                          |
        | Daily Loss Limit  | $0             | must be greater than $0                                   |
        | Daily Loss Limit  | $2,000.005     | must be in whole cents                                    |
        | Daily Loss Limit  | $1,000,000.01  | must not exceed the account's starting cash of $1,000,000 |

    @console_control
    Scenario Outline: A server error on saving limits is reported as limits not saved, and the limits stay
      Given a risk manager is signed in
      And the risk manager has the Risk Management screen open
      And the console answers /api/risk/limits with a <status> server error
      When the risk manager sets the limits to a Max Position Size of 50,000 and a Daily Loss Limit of $2,000
      Then the risk manager sees the limits editor say "The limits were not saved: the console answered <status>."
      And the risk manager sees the limits 100,000 and $5,000

      Examples:
        | status |
        | 500    |
        | 503    |

  Rule: A loss that reaches the daily loss limit halts trading

    @controlled_market
    Scenario: A loss of exactly the daily loss limit halts trading with an alert
      Given a risk manager is signed in
      And the account's daily loss limit is $2,000
      And EURUSD is quoted at 1.08500 / 1.08510
      And the risk manager has bought 50,000 EURUSD at the market
      And the risk manager has the Risk Management screen open
      When EURUSD moves to 1.04510 / 1.04520
      Then the risk manager sees trading halted: "Daily loss limit of $2,000 reached at HH:MM:SS UTC (daily P&L -$2,000)."
      And the risk manager sees the risk alert "Daily loss limit of $2,000 reached at HH:MM:SS UTC (daily P&L -$2,000). Trading halted: 0 open orders cancelled, 0 strategies stopped, positions kept."

    @controlled_market
    Scenario: A loss one cent short of the daily loss limit leaves trading active
      Given a risk manager is signed in
      And the account's daily loss limit is $1,999.51
      And EURUSD is quoted at 1.08500 / 1.08510
      And the risk manager has bought 50,000 EURUSD at the market
      And the risk manager has the Risk Management screen open
      When EURUSD moves to 1.04511 / 1.04521
      Then the risk manager sees the risk metrics:
        | Daily P&L | -$1,999.50 |
      And the risk manager sees trading still active after the risk engine's next two equity samples

  Rule: The Emergency Stop halts all trading of the account, at once and everywhere

    @fresh_account
    Scenario: An Emergency Stop cancelled in its dialog changes nothing
      Given a trader is signed in
      And the trader has the Risk Management screen open
      When the trader triggers the Emergency Stop but cancels it in the dialog
      Then the trader sees trading active, with no risk alert
      When the trader opens the Trading screen
      Then the trader sees the "New Order" button offered

    @fresh_account
    Scenario: A confirmed Emergency Stop halts the account and records who and when
      Given a trader is signed in
      And the account's daily loss limit is $2,000
      And the trader has a working LIMIT order to BUY 10,000 EURUSD at 1.00000
      And the trader has a running strategy named "Asia Session Momentum"
      And the trader has the Risk Management screen open
      When the trader triggers the Emergency Stop and confirms it
      Then the trader sees trading halted: "Emergency Stop by the trader at HH:MM:SS UTC."
      And the trader sees the risk alerts, newest first:
        | Emergency Stop by the trader at HH:MM:SS UTC. Trading halted: 1 open order cancelled, 1 strategy stopped, positions kept. |
        | Limits changed by the risk manager: Max Position Size 100,000, Daily Loss Limit $2,000.                                   |

    @fresh_account
    Scenario: Escape dismisses the next Emergency Stop after one was confirmed and trading resumed
      Given a risk manager is signed in
      And the risk manager has bought 10,000 EURUSD at the market
      And the risk manager has the Risk Management screen open
      When the risk manager triggers the Emergency Stop and confirms it
      And the risk manager resumes trading
      And the risk manager triggers the Emergency Stop and is asked to confirm it
      And the risk manager presses Escape
      Then the risk manager sees trading still active after the risk engine's next two equity samples
      And the risk manager sees the risk alerts, newest first:
        | Trading resumed by the risk manager at HH:MM:SS UTC.                                                                               |
        | Emergency Stop by the risk manager at HH:MM:SS UTC. Trading halted: 0 open orders cancelled, 0 strategies stopped, positions kept. |

    @fresh_account
    Scenario: Escape dismisses the next resume after trading was resumed and halted again
      Given a risk manager is signed in
      And the risk manager has bought 10,000 EURUSD at the market
      And the risk manager has triggered the Emergency Stop
      And the risk manager has the Risk Management screen open
      When the risk manager resumes trading
      And the risk manager triggers the Emergency Stop from another device
      And the risk manager presses Resume Trading and is asked to confirm it
      And the risk manager presses Escape
      Then the risk manager sees trading still halted after the risk engine's next two equity samples

    @console_control
    Scenario: An Emergency Stop the console fails to carry out says so, and trading stays active
      Given a risk manager is signed in
      And the risk manager has the Risk Management screen open
      And the console answers /api/risk/emergency-stop with a 503 server error
      When the risk manager triggers the Emergency Stop and confirms it
      Then the risk manager sees the Trading state say "The Emergency Stop was not triggered: the console answered 503."
      And the risk manager sees trading active, with no risk alert
      And the risk manager sees the "Emergency Stop" button offered

    @controlled_market
    Scenario: A halt also stops a strategy still waiting for the prices of its first trade
      Given a trader is signed in
      And the market data feed has stopped
      And the trader has deployed a strategy named "Early Bird Reversion" that waits for its first prices
      And the trader has the Risk Management screen open
      When the trader triggers the Emergency Stop and confirms it
      Then the trader sees the risk alert "Emergency Stop by the trader at HH:MM:SS UTC. Trading halted: 0 open orders cancelled, 1 strategy stopped, positions kept."
      When the trader opens the Strategies screen
      Then the trader sees "Early Bird Reversion" listed as Stopped: "Stopped by the Emergency Stop of the trader"

    Scenario Outline: Every screen of a halted account says so
      Given a trader is signed in
      And the trader has triggered the Emergency Stop
      When the trader opens the <screen> screen
      Then the trader sees trading halted: "Emergency Stop by the trader at HH:MM:SS UTC."

      Examples:
        | screen          |
        | System Status   |
        | Strategies      |
        | Trading         |
        | Risk Management |
        | Portfolio       |
        | Market Data     |

    @controlled_market
    Scenario: A halt cancels working orders and keeps positions
      Given a trader is signed in
      And EURUSD is quoted at 1.08500 / 1.08510
      And the trader has bought 10,000 EURUSD at the market
      And the trader has a working STOP order to SELL 5,000 EURUSD at 0.50000
      And the trader has triggered the Emergency Stop
      When the trader opens the Trading screen
      Then the trader sees the order for 5,000 EURUSD in the Order History as Cancelled: "cancelled by the Emergency Stop of the trader"
      And the trader sees the position +10,000 EURUSD at an average price of 1.08510

    @controlled_market
    Scenario: A halt stops the account's running strategies
      Given a trader is signed in
      And the trader has a running strategy named "Asia Session Momentum"
      And the trader has triggered the Emergency Stop
      When the trader opens the Strategies screen
      Then the trader sees "Asia Session Momentum" listed as Stopped: "Stopped by the Emergency Stop of the trader"

    @fresh_account
    Scenario: A halted account deploys no strategy, and the one it tried stays stopped
      Given a trader is signed in
      And the trader has a stopped strategy named "Tokyo Breakout"
      And the trader has triggered the Emergency Stop
      And the trader has the Strategies screen open
      When the trader deploys "Tokyo Breakout" again from All Strategies
      Then the trader sees the strategy list refuse it with "“Tokyo Breakout” was not deployed: trading halted for this account; a risk manager must resume trading first"
      And the trader sees "Tokyo Breakout" listed as Stopped: "Stopped by the trader"
      And the trader sees the strategies summed up as "1 strategy, 0 running."

    Scenario: A halted account can place no order, neither on the Trading screen nor through the API
      Given a trader is signed in
      And the trader has triggered the Emergency Stop
      When the trader opens the Trading screen
      Then the trader sees no "New Order" button offered
      When the trader asks the console's API to place an order
      Then the console answers 409 "trading halted"

    Scenario: Another open session of the account shows the halt within a second, without a reload
      Given a trader is signed in
      And the trader has the Trading screen open
      And a risk manager is signed in
      And the risk manager has the Risk Management screen open
      When the risk manager triggers the Emergency Stop and confirms it
      Then the trader's screen shows trading halted within a second, without a reload
      And the trader sees trading halted: "Emergency Stop by the risk manager at HH:MM:SS UTC."
      And the trader sees no "New Order" button offered
      And the risk manager sees the "Resume Trading" button offered

    @cross_engine
    Scenario: A halt triggered in one browser engine shows at once in the other
      Given a trader is signed in on the other browser engine
      And the trader has the System Status screen open
      And a risk manager is signed in
      And the risk manager has the Risk Management screen open
      When the risk manager triggers the Emergency Stop and confirms it
      Then the trader's screen shows trading halted within a second, without a reload

  Rule: Only a risk manager resumes trading, and nothing cancelled comes back

    Scenario: Resuming trading reaches every open screen of the account
      Given a trader is signed in
      And the trader has triggered the Emergency Stop
      And the trader has the Trading screen open
      And a risk manager is signed in
      And the risk manager has the Risk Management screen open
      When the risk manager resumes trading
      Then the trader sees trading no longer halted
      And the trader sees the "New Order" button offered
      And the risk manager sees the risk alert "Trading resumed by the risk manager at HH:MM:SS UTC."

    @fresh_account
    Scenario: Resuming trading revives no order the halt cancelled
      Given a trader is signed in
      And the trader has a working LIMIT order to BUY 10,000 EURUSD at 1.00000
      And the trader has triggered the Emergency Stop
      And a risk manager is signed in
      And the risk manager has the Risk Management screen open
      When the risk manager resumes trading
      And the trader opens the Trading screen
      Then the trader sees the order for 10,000 EURUSD in the Order History as Cancelled: "cancelled by the Emergency Stop of the trader"
      And the trader sees no open orders

    @console_control
    Scenario: A resume the console fails to carry out says so, and trading stays halted
      Given a risk manager is signed in
      And the risk manager has triggered the Emergency Stop
      And the risk manager has the Risk Management screen open
      And the console answers /api/risk/resume with a 500 server error
      When the risk manager resumes trading
      Then the risk manager sees the Trading state say "Trading was not resumed: the console answered 500."
      And the risk manager sees trading halted: "Emergency Stop by the risk manager at HH:MM:SS UTC."
      And the risk manager sees the "Resume Trading" button offered

    Scenario: A trader cannot resume trading
      Given a trader is signed in
      And the trader has triggered the Emergency Stop
      When the trader opens the Risk Management screen
      Then the trader sees no "Resume Trading" button offered
      When the trader asks the console's API to resume trading
      Then the console answers 403 "Only a risk manager can resume trading"

    @console_restart
    Scenario: The halt survives a restart of the console
      Given a trader is signed in
      And the trader has a working LIMIT order to BUY 10,000 EURUSD at 1.00000
      And the trader has triggered the Emergency Stop
      When the console restarts
      And the trader opens the Risk Management screen
      Then the trader sees trading halted: "Emergency Stop by the trader at HH:MM:SS UTC."
      When the trader opens the Trading screen
      Then the trader sees the order for 10,000 EURUSD in the Order History as Cancelled: "cancelled by the Emergency Stop of the trader"

    @console_restart @controlled_market
    Scenario: Positions and working orders survive a restart of the console
      Given a trader is signed in
      And EURUSD is quoted at 1.08500 / 1.08510
      And the trader has bought 10,000 EURUSD at the market
      And the trader has a working LIMIT order to BUY 10,000 EURUSD at 1.00000
      When the console restarts
      And the trader opens the Trading screen
      Then the trader sees the position +10,000 EURUSD at an average price of 1.08510
      And the trader sees the order for 10,000 EURUSD Working among the open orders

    @console_restart
    Scenario: Limits survive a restart of the console
      Given a risk manager is signed in
      And the account's daily loss limit is $2,000
      When the console restarts
      And the risk manager opens the Risk Management screen
      Then the risk manager sees the limits 100,000 and $2,000
