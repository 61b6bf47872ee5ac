@offline
Feature: Losing the network connection
  A trader's laptop drops off the network (test plan, "Mobile testing": offline functionality). Every open screen says
  so within a second and stops presenting anything as live; back online, it is live again by itself, without a
  reload. An order submitted without a connection is neither lost nor placed twice: the ticket keeps it, with its
  client order id, says that it is not confirmed, and once the connection is back asks the console whether it
  arrived. If it did, the ticket follows it; if not, it says so and the trader decides whether to submit it again
  (nothing is sent behind the trader's back into a market that has moved). What changed meanwhile shows once the
  connection is back: an order cancelled or a strategy stopped while the trader was offline shows so, and an Emergency
  Stop triggered meanwhile shows as a halt. Each scenario has an account of its own.

  Scenario Outline: The <screen> screen says it is offline, and is live again once the connection is back
    Given a trader is signed in
    And the trader has the <screen> screen open
    When the trader's browser loses its network connection
    Then the trader sees the <screen> screen offline within a second, presenting nothing as live
    When the trader's browser is back online
    Then the trader sees the <screen> screen live again by itself, without a reload

    Examples:
      | screen          |
      | System Status   |
      | Strategies      |
      | Trading         |
      | Risk Management |
      | Portfolio       |
      | Market Data     |

  @fresh_account
  Scenario: An order cancelled while the trader was offline shows as cancelled once the connection is back
    Given a trader is signed in
    And the trader has a working LIMIT order to BUY 10,000 EURUSD at 1.00000
    When the trader's browser loses its network connection
    And the trader cancels the working order from another device
    And the trader's browser is back online
    Then the trader sees no open orders
    And the trader sees the order for 10,000 EURUSD in the Order History as Cancelled: "cancelled by the trader"

  @fresh_account
  Scenario: A strategy stopped while the trader was offline shows as stopped once the connection is back
    Given a trader is signed in
    And the trader has a running strategy named "Asia Session Momentum"
    And the trader has the Strategies screen open
    When the trader's browser loses its network connection
    And the trader stops the running strategy from another device
    And the trader's browser is back online
    Then the trader sees "Asia Session Momentum" listed as Stopped: "Stopped by the trader"
    And the trader sees the strategies summed up as "1 strategy, 0 running."

  Scenario: An Emergency Stop triggered while the trader was offline shows once the connection is back
    Given a trader is signed in
    And the trader has the Trading screen open
    When the trader's browser loses its network connection
    And the trader triggers the Emergency Stop from another device
    And the trader's browser is back online
    Then the trader sees trading halted: "Emergency Stop by the trader at HH:MM:SS UTC."
    And the trader sees no "New Order" button offered

  @fresh_account
  Scenario: A halt while the trader was offline is listed among the risk alerts once the connection is back
    Given a trader is signed in
    And the trader has the Risk Management screen open
    When the trader's browser loses its network connection
    And the trader triggers the Emergency Stop from another device
    And the trader's browser is back online
    Then the trader sees trading halted: "Emergency Stop by the trader at HH:MM:SS UTC."
    And the trader sees the risk alerts, newest first:
      | Emergency Stop by the trader at HH:MM:SS UTC. Trading halted: 0 open orders cancelled, 0 strategies stopped, positions kept. |

  Scenario: Offline, no price is shown as live, and the prices move again once the connection is back
    Given a trader is signed in
    And the trader has the Market Data screen open
    When the trader's browser loses its network connection
    Then the trader sees every quote flagged stale and the data source "Offline"
    When the trader's browser is back online
    Then the trader sees the prices of EURUSD, GBPUSD, USDJPY and AUDUSD move again, without a reload

  @fresh_account
  Scenario: An order submitted offline is not lost, and is placed once when the trader submits it again
    Given a trader is signed in
    And the trader has the Trading screen open
    When the trader's browser loses its network connection
    And the trader submits a MARKET order to BUY 10,000 EURUSD
    Then the trader sees the ticket say "Not confirmed: the connection was lost before the console answered. Once it is back, this ticket checks whether the order was placed."
    When the trader's browser is back online
    Then the trader sees the ticket say "Not placed: the console never received this order. Submit it again to place it; it will not be placed twice."
    When the trader submits the ticket again
    Then the trader sees one order in the Order History, Filled

  @fresh_account
  Scenario: An order whose answer was lost on the way back is found once the connection is back, not placed again
    Given a trader is signed in
    And the trader has the Trading screen open
    And the trader's connection will drop while the console takes their next order
    When the trader submits a MARKET order to BUY 10,000 EURUSD
    Then the trader sees the ticket say "Not confirmed: the connection was lost before the console answered. Once it is back, this ticket checks whether the order was placed."
    When the trader's browser is back online
    Then the trader sees the order ticket closed
    And the trader's last order shows "Filled"
    And the trader sees one order in the Order History, Filled
