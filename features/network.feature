@network
Feature: Network monitoring: live connections and page resources
  What the test plan asks a tester to watch in the browser's developer tools: failed requests and WebSocket
  connections. Each screen opens one live connection and keeps it for as long as it is open (no silent reconnection
  loop); the frames and bytes it receives are attached to the report. Every resource of the screen loads: a
  stylesheet, script or call that fails to load fails the scenario. Each scenario has an account of its own.

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
