@risk_management @fresh_account
Feature: Risk management and the Emergency Stop
  The Risk Management screen shows what the account is worth and what it risks: Portfolio Value, Daily P&L, Max
  Drawdown, VaR 95% and gross exposure, live. A risk manager sets the account's limits, and the next order is checked
  against them. The Emergency Stop, which a trader or a risk manager may trigger, halts all trading of the account at
  once and everywhere: working orders are cancelled, running strategies are stopped, every new order is rejected, and
  every open screen of the account says so, until a risk manager resumes trading (test plan, scenario 4). Each
  scenario has an account of its own, with $1,000,000 of starting cash, a max position size of 100,000 units and a
  daily loss limit of $5,000.

  @controlled_market
  Scenario: The risk metrics agree with the account's positions at the current prices
    Given a trader is signed in
    And EURUSD is quoted at 1.08500 / 1.08510
    And the trader has bought 10,000 EURUSD at the market
    When EURUSD moves to 1.07500 / 1.07510
    And the trader opens the Risk Management screen
    Then the risk metrics read:
      | Portfolio Value | $999,899.00 |
      | Daily P&L       | -$101.00    |
      | Max Drawdown    | -0.01%      |
      | Gross Exposure  | $10,750.00  |
    And the Portfolio Value and the Gross Exposure are those of the account's positions

  @console_control
  Scenario: Max drawdown and VaR 95% follow the account's recorded equity
    Given a risk manager is signed in
    And the risk engine has recorded the account's equity once a second as:
      | $1,000,000 | $1,003,000 | $1,001,000 | $996,000 | $998,000 | $1,002,000 | $997,000 | $999,000 | $1,000,500 | $998,500 | $1,000,000 |
    When the risk manager opens the Risk Management screen
    Then the risk metrics read:
      | Max Drawdown | -0.70%    |
      | VaR (95%)    | $5,352.47 |

  Scenario: The seed's limits are saved and enforced on the next order
    Given a risk manager is signed in
    And the risk manager has the Risk Management screen open
    When the risk manager sets the limits to a Max Position Size of 50,000 and a Daily Loss Limit of $2,000
    Then the limits read 50,000 and $2,000, also after a reload
    When the risk manager opens the Trading screen
    And the risk manager submits a MARKET order to BUY 60,000 EURUSD
    Then the ticket is refused with "exceeds max position size 50,000"
    When the risk manager submits a MARKET order to BUY 40,000 EURUSD
    Then the order's status shows "Filled"

  Scenario Outline: Limits that make no sense are refused with the reason, and nothing changes
    Given a risk manager is signed in
    And the risk manager has the Risk Management screen open
    When the risk manager sets the <limit> to "<value>"
    Then the limits editor refuses the <limit> because it "<reason>"
    And the limits read 100,000 and $5,000, also after a reload

    Examples:
      | limit             | value          | reason                                                     |
      | Max Position Size | 0              | must be greater than 0 units                               |
      | Max Position Size | fifty thousand | must be a number                                           |
      | Daily Loss Limit  | $1,500,000     | must not exceed the account's starting cash of $1,000,000  |

  @controlled_market
  Scenario: A loss beyond the daily loss limit halts trading with an alert
    Given a risk manager is signed in
    And the account's daily loss limit is $2,000
    And EURUSD is quoted at 1.08500 / 1.08510
    And the risk manager has bought 50,000 EURUSD at the market
    And the risk manager has the Risk Management screen open
    When EURUSD moves to 1.04400 / 1.04410
    Then the Risk Management screen shows trading halted
    And the Risk alerts record "Daily loss limit of $2,000 reached"

  Scenario: An Emergency Stop cancelled in its dialog changes nothing
    Given a trader is signed in
    And the trader has the Risk Management screen open
    When the trader triggers the Emergency Stop but cancels it in the dialog
    Then the Risk Management screen still shows trading active, with no alert
    And the trader can still open a new order on the Trading screen

  Scenario: A confirmed Emergency Stop halts all trading of the account
    Given a trader is signed in
    And the trader has a working LIMIT order to BUY 10,000 EURUSD at 1.00000
    And the trader has a running strategy named "Asia Session Momentum"
    And the trader has the Risk Management screen open
    When the trader triggers the Emergency Stop and confirms it
    Then every section of the console shows trading halted
    And the trader can place no order, neither on the Trading screen nor through the API
    And the working order is cancelled and "Asia Session Momentum" is stopped
    And the Risk alerts record the Emergency Stop by the trader, with its time

  Scenario: Another open session of the account shows the halt within a second, without a reload
    Given a trader is signed in
    And the trader has the System Status dashboard open
    And a risk manager is signed in
    And the risk manager has the Risk Management screen open
    When the risk manager triggers the Emergency Stop and confirms it
    Then the trader's screen shows trading halted within a second, without a reload

  @cross_engine
  Scenario: A halt triggered in one browser engine shows at once in the other
    Given a trader is signed in on the other browser engine
    And the trader has the System Status dashboard open
    And a risk manager is signed in
    And the risk manager has the Risk Management screen open
    When the risk manager triggers the Emergency Stop and confirms it
    Then the trader's screen shows trading halted within a second, without a reload

  @console_restart
  Scenario: The halt survives a restart; only a risk manager resumes trading, and nothing comes back
    Given a trader is signed in
    And a risk manager is signed in
    And the trader has a working LIMIT order to BUY 10,000 EURUSD at 1.00000
    And the trader has triggered the Emergency Stop
    When the console restarts
    Then the trader's Risk Management screen still shows trading halted
    And the trader cannot resume trading
    When the risk manager resumes trading
    Then the trader's order for 10,000 EURUSD is still Cancelled

  @console_restart
  Scenario: Limits, positions and working orders survive a restart of the console
    Given a risk manager is signed in
    And the account's daily loss limit is $2,000
    And the risk manager has bought 10,000 EURUSD at the market
    And the risk manager has a working LIMIT order to BUY 10,000 EURUSD at 1.00000
    When the console restarts
    Then the risk manager's Trading screen still shows +10,000 EURUSD and the working order for 10,000 EURUSD
    And the risk manager's Risk Management screen still shows the limits 100,000 and $2,000
