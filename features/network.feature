@network
Feature: Network monitoring: live connections and page resources
  What the test plan asks a tester to watch in the browser's developer tools: failed requests and WebSocket
  connections. Each screen opens one live connection and keeps it for as long as it is open (no silent reconnection
  loop); the frames and bytes it receives are attached to the report. Every resource of the screen loads: a
  stylesheet, script, icon or call that fails to load fails the scenario. A connection the console drops is replaced
  within seconds of the console taking connections again, however long it was away, and the new connection brings
  everything the old one did: the halt of the account, and each risk alert once. Each scenario has an account of its
  own.

  Scenario Outline: The <screen> screen keeps one live connection and loads every resource
    Given a trader is signed in
    When the trader opens the <screen> screen and keeps it open for 6 seconds
    Then the trader saw the <screen> screen open one live connection, keep it and receive frames on it
    And the trader saw every resource of the <screen> screen load

    Examples:
      | screen          |
      | System Status   |
      | Strategies      |
      | Trading         |
      | Risk Management |
      | Portfolio       |
      | Market Data     |

  @controlled_market
  Scenario: A connection the console drops is replaced by exactly one new connection
    Given a trader is signed in
    When the trader opens the Market Data screen and keeps it open for 2 seconds
    And the console drops the trader's connection, then 4 seconds pass
    Then the trader saw the Market Data screen replace its dropped connection with exactly one new one

  @controlled_market
  Scenario: A screen is live again within seconds of the console coming back from half a minute away
    Given a trader is signed in
    And the trader has the Market Data screen open
    When the console turns the trader's connection away for 30 seconds
    Then the trader sees the Market Data screen live again by itself, without a reload

  @controlled_market
  Scenario: After a dropped connection, a screen still shows an Emergency Stop triggered elsewhere within a second
    Given a trader is signed in
    And the trader has the System Status screen open
    And a risk manager is signed in
    And the risk manager has the Risk Management screen open
    When the console drops the trader's connection, then 4 seconds pass
    And the risk manager triggers the Emergency Stop and confirms it
    Then the trader's screen shows trading halted within a second, without a reload

  @controlled_market
  Scenario: After a dropped connection, the Risk Management screen lists each risk alert once
    Given a trader is signed in
    And the trader has triggered the Emergency Stop
    And the trader has the Risk Management screen open
    When the console drops the trader's connection, then 4 seconds pass
    Then the trader sees the risk alerts, newest first:
      | Emergency Stop by the trader at HH:MM:SS UTC. Trading halted: 0 open orders cancelled, 0 strategies stopped, positions kept. |
