@strategy_management @fresh_account
Feature: Strategy management
  A trader creates a strategy, has the console check it against the account's limits, saves it and deploys it to
  the simulation, where it trades on the live market feed and reports its performance (test plan, scenario 2).
  A strategy that breaks a rule is refused with the reason, and nothing of it is saved. Each scenario has an account
  of its own, with a daily loss limit of $5,000 and a max position size of 100,000 units.

  Background:
    Given a trader is signed in

  Scenario: A new strategy is validated, saved and deployed to the simulation
    Given the trader has the Strategies screen open
    When the trader fills in a new strategy:
      | Strategy name     | UI Test Strategy |
      | Strategy type     | Mean Reversion   |
      | Instruments       | EURUSD, GBPUSD   |
      | Timeframe         | 1H               |
      | Risk limit        | $1,000           |
      | Max position size | 10,000           |
    And the trader validates the strategy
    Then the trader sees the validation pass every rule: Strategy name, Strategy type, Instruments, Timeframe, Risk limit, Max position size
    When the trader saves the strategy
    And the trader deploys the strategy to the simulation
    Then the trader sees "UI Test Strategy" Running under Active Strategies
    And the trader sees the performance metrics of "UI Test Strategy" keep updating
    And the trader sees the strategies summed up as "1 strategy, 1 running."

  Scenario: After one strategy is saved, the next is entered and saved on the same screen
    Given the trader has the Strategies screen open
    When the trader fills in a new strategy with Strategy name "Euro Morning Reversion"
    And the trader saves the strategy
    And the trader fills in a new strategy with Strategy name "Cable Afternoon Breakout"
    And the trader saves the strategy
    Then the trader sees "Euro Morning Reversion" under All Strategies as:
      | Status | Saved |
    And the trader sees "Cable Afternoon Breakout" under All Strategies as:
      | Status | Saved |
    And the trader sees the strategies summed up as "2 strategies, 0 running."

  Scenario: A strategy saved and deployed in one session shows in the account's other open sessions
    Given the trader has the Strategies screen open
    And a risk manager is signed in
    And the risk manager has the Strategies screen open
    When the trader fills in a new strategy:
      | Strategy name     | Cable Momentum |
      | Strategy type     | Momentum       |
      | Instruments       | GBPUSD         |
      | Timeframe         | 4H             |
      | Risk limit        | $750           |
      | Max position size | 25,000         |
    And the trader saves the strategy
    Then the risk manager sees "Cable Momentum" under All Strategies as:
      | Strategy type     | Momentum |
      | Instruments       | GBPUSD   |
      | Timeframe         | 4H       |
      | Risk limit        | $750     |
      | Max position size | 25,000   |
      | Status            | Saved    |
    When the trader deploys the strategy to the simulation
    Then the risk manager sees "Cable Momentum" Running under Active Strategies

  Scenario: Every strategy of the account is listed with all its instruments, and counted in the summary
    Given the trader has saved a new strategy:
      | Strategy name     | Euro Pairs Reversion   |
      | Strategy type     | Mean Reversion         |
      | Instruments       | EURUSD, GBPUSD, USDJPY |
      | Timeframe         | 1H                     |
      | Risk limit        | $1,500                 |
      | Max position size | 20,000                 |
    And the trader has a running strategy named "Asia Session Momentum"
    And the trader has a stopped strategy named "London Close Fade"
    When the trader opens the Strategies screen
    Then the trader sees "Euro Pairs Reversion" under All Strategies as:
      | Strategy type     | Mean Reversion         |
      | Instruments       | EURUSD, GBPUSD, USDJPY |
      | Timeframe         | 1H                     |
      | Risk limit        | $1,500                 |
      | Max position size | 20,000                 |
      | Status            | Saved                  |
    And the trader sees the strategies summed up as "3 strategies, 1 running."

  # Momentum, 1D: it buys a rise above its average of the last 15 ticks, and sells once that average has caught up
  # with a price that holds (a held price ticks five times a second).
  @controlled_market
  Scenario: A running strategy's P&L, trades and win rate are those of its simulated fills
    Given EURUSD is quoted at 1.08500 / 1.08510
    And the trader has a running Momentum strategy "Euro Breakout" on EURUSD, 1D, with a max position size of 10,000
    And the trader has the Strategies screen open
    When EURUSD moves to 1.08600 / 1.08610
    Then the trader sees "Euro Breakout" under Active Strategies with a P&L of -$0.50, 1 trade and a win rate of —
    When EURUSD moves to 1.08800 / 1.08810
    Then the trader sees "Euro Breakout" under Active Strategies with a P&L of $19.00, 2 trades and a win rate of 100%

  # Mean Reversion, 1D: it buys a fall below its average of the last 15 ticks (sells a rise above it), and closes once
  # that average has caught up with the price (about 3 s of a held price): 100,000 bought at the ask and sold at the
  # bid, or the other way round, loses the spread: $10.00 on EURUSD, 1,200 yen on USDJPY ($7.92 at 151.456).
  @controlled_market
  Scenario Outline: A running strategy stops itself once its loss reaches its risk limit, and not before
    Given <instrument> is quoted at <bid> / <ask>
    And the trader has a running Mean Reversion strategy "Reversion" on <instrument>, 1D, with a max position size of 100,000 and a risk limit of <risk limit>
    And the trader has the Strategies screen open
    When <instrument> moves to <new bid> / <new ask>
    Then the trader sees "Reversion" <outcome>

    Examples:
      | instrument | bid     | ask     | risk limit | new bid | new ask | outcome                                                                     |
      | EURUSD     | 1.08500 | 1.08510 | $10.00     | 1.08100 | 1.08110 | listed as Stopped: "Risk limit of $10 reached"                              |
      | EURUSD     | 1.08500 | 1.08510 | $10.01     | 1.08100 | 1.08110 | under Active Strategies with a P&L of -$10.00, 2 trades and a win rate of 0% |
      | EURUSD     | 1.08500 | 1.08510 | $10.00     | 1.08900 | 1.08910 | listed as Stopped: "Risk limit of $10 reached"                              |
      | EURUSD     | 1.08500 | 1.08510 | $10.01     | 1.08900 | 1.08910 | under Active Strategies with a P&L of -$10.00, 2 trades and a win rate of 0% |
      | USDJPY     | 151.950 | 151.962 | $7.92      | 151.450 | 151.462 | listed as Stopped: "Risk limit of $7.92 reached"                            |
      | USDJPY     | 151.950 | 151.962 | $7.93      | 151.450 | 151.462 | under Active Strategies with a P&L of -$7.92, 2 trades and a win rate of 0%  |

  Scenario Outline: A strategy at the edge of every rule is accepted
    Given the trader has the Strategies screen open
    When the trader fills in a new strategy with <field> "<value>"
    And the trader validates the strategy
    Then the trader sees the validation pass every rule: Strategy name, Strategy type, Instruments, Timeframe, Risk limit, Max position size

    Examples:
      | field             | value                                                            |
      | Strategy name     | Abc                                                              |
      | Strategy name     | Sixty-four characters long: a name that just fits the rule xxxxx |
      | Risk limit        | $0.01                                                            |
      | Risk limit        | $5,000                                                           |
      | Max position size | 1                                                                |
      | Max position size | 100,000                                                          |

  Scenario Outline: A strategy is held to the account's limits as the risk manager last set them
    Given the account's max position size is 50,000
    And the account's daily loss limit is $2,000
    And the trader has the Strategies screen open
    When the trader fills in a new strategy with <field> "<value>"
    And the trader saves the strategy
    Then <outcome>

    Examples:
      | field             | value     | outcome                                                                                                                   |
      | Max position size | 50,000    | the trader sees the strategies summed up as "1 strategy, 0 running."                                                      |
      | Max position size | 50,001    | the trader's strategy is refused with "Max position size must not exceed the account's max position size of 50,000 units" |
      | Risk limit        | $2,000    | the trader sees the strategies summed up as "1 strategy, 0 running."                                                      |
      | Risk limit        | $2,000.01 | the trader's strategy is refused with "Risk limit must not exceed the account's daily loss limit of $2,000"               |

  Scenario Outline: A strategy that breaks a rule is refused with the reason and nothing is saved
    Given the trader has saved a strategy named "Euro Mean Reversion"
    And the trader has the Strategies screen open
    When the trader fills in a new strategy with <field> "<value>"
    And the trader saves the strategy
    Then the trader's strategy is refused with "<field> <reason>"
    When the trader reloads the Strategies screen
    Then the trader sees "Euro Mean Reversion" as the account's only strategy

    Examples:
      | field             | value                                                             | reason                                                            |
      | Strategy name     | UI                                                                | must be 3 to 64 characters long                                   |
      | Strategy name     | Sixty-five characters long: a name that is one over the rule xxxx | must be 3 to 64 characters long                                   |
      | Strategy name     | euro MEAN reversion                                               | is already used by another strategy of this account               |
      | Instruments       | none                                                              | must include at least one instrument                              |
      | Risk limit        | $0                                                                | must be greater than $0                                           |
      | Risk limit        | $5,000.01                                                         | must not exceed the account's daily loss limit of $5,000          |
      | Max position size | 0                                                                 | must be greater than 0 units                                      |
      | Max position size | 100,001                                                           | must not exceed the account's max position size of 100,000 units |

  Scenario: A refused strategy stays in the form as the trader typed it, to be corrected
    Given the trader has saved a strategy named "Euro Mean Reversion"
    And the trader has the Strategies screen open
    When the trader fills in a new strategy:
      | Strategy name     | Euro Mean Reversion |
      | Strategy type     | Arbitrage           |
      | Instruments       | EURUSD, USDJPY      |
      | Timeframe         | 4H                  |
      | Risk limit        | $1,250.50           |
      | Max position size | 40,000              |
    And the trader saves the strategy
    Then the trader's strategy is refused with "Strategy name is already used by another strategy of this account"
    And the trader sees the new strategy form still filled in as:
      | Strategy name     | Euro Mean Reversion |
      | Strategy type     | Arbitrage           |
      | Instruments       | EURUSD, USDJPY      |
      | Timeframe         | 4H                  |
      | Risk limit        | $1,250.50           |
      | Max position size | 40,000              |

  Scenario: A saved strategy that the account's lowered limits no longer allow is not deployed, and the lists say why
    Given the trader has saved a new strategy:
      | Strategy name     | Cable Momentum |
      | Max position size | 25,000         |
    And the account's max position size is 20,000
    And the trader has the Strategies screen open
    When the trader deploys "Cable Momentum" from All Strategies
    Then the trader sees the strategy list refuse it with "The strategy was not deployed: Max position size: must not exceed the account's max position size of 20,000 units"
    And the trader sees "Cable Momentum" under All Strategies as:
      | Max position size | 25,000 |
      | Status            | Saved  |
    And the trader sees the strategies summed up as "1 strategy, 0 running."

  Scenario: A strategy name containing markup is shown as text
    Given the trader has the Strategies screen open
    When the trader fills in a new strategy with Strategy name "<b>Cable</b> Breakout"
    And the trader saves the strategy
    Then the trader sees "<b>Cable</b> Breakout" under All Strategies as:
      | Strategy type     | Momentum |
      | Instruments       | GBPUSD   |
      | Timeframe         | 15M      |
      | Risk limit        | $500     |
      | Max position size | 5,000    |
      | Status            | Saved    |

  @console_restart
  Scenario: A saved strategy survives a reload and a restart of the console
    Given the trader has saved a new strategy:
      | Strategy name     | Cable Momentum |
      | Strategy type     | Momentum       |
      | Instruments       | GBPUSD         |
      | Timeframe         | 4H             |
      | Risk limit        | $2,500         |
      | Max position size | 25,000         |
    And the trader has the Strategies screen open
    When the console restarts
    And the trader reloads the Strategies screen
    Then the trader sees "Cable Momentum" under All Strategies as:
      | Strategy type     | Momentum |
      | Instruments       | GBPUSD   |
      | Timeframe         | 4H       |
      | Risk limit        | $2,500   |
      | Max position size | 25,000   |
      | Status            | Saved    |

  @console_restart
  Scenario: A running strategy keeps trading after a restart of the console
    Given the trader has a running strategy named "Overnight Reversion"
    And the trader has the Strategies screen open
    When the console restarts
    Then the trader sees the Strategies screen live again, without a reload
    And the trader sees "Overnight Reversion" Running under Active Strategies
    And the trader sees the performance metrics of "Overnight Reversion" keep updating

  Scenario: Stopping a running strategy takes it out of the simulation, for good
    Given the trader has a running strategy named "London Session Reversion"
    And the trader has the Strategies screen open
    When the trader stops "London Session Reversion"
    Then the trader sees "London Session Reversion" no longer under Active Strategies
    And the trader sees "London Session Reversion" listed as Stopped: "Stopped by the trader"
    And the trader sees the strategies summed up as "1 strategy, 0 running."
    When the trader reloads the Strategies screen
    Then the trader sees "London Session Reversion" listed as Stopped: "Stopped by the trader"

  Scenario: A stopped strategy can be deployed again
    Given the trader has a stopped strategy named "Tokyo Breakout"
    And the trader has the Strategies screen open
    When the trader deploys "Tokyo Breakout" again from All Strategies
    Then the trader sees "Tokyo Breakout" Running under Active Strategies
    And the trader sees the performance metrics of "Tokyo Breakout" keep updating
