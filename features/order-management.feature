@order_management
Feature: Order management
  A trader enters orders on the Trading screen and follows each one live, from Pending to Filled, into the Order
  History and the position it opens (test plan, scenario 3). Where fills and P&L must be exact, test control
  sets and freezes the price. A new account may hold at most 100,000 units of an instrument.

  Background:
    Given a trader is signed in

  @controlled_market
  Scenario: A market order moves through every status in real time
    Given EURUSD is quoted at 1.08500 / 1.08510
    And the trader has the Trading screen open
    When the trader submits a MARKET order to BUY 10,000 EURUSD
    Then the order's status showed, one after the other and without a reload:
      | Pending | Risk Check | Approved | Submitted | Filled |
    And the order's timeline gives the time of each of those statuses
    And the Order History lists the order for 10,000 EURUSD as Filled at 1.08510

  @controlled_market
  Scenario Outline: A filled order opens a position whose P&L follows the market
    Given EURUSD is quoted at 1.08500 / 1.08510
    And the trader has the Trading screen open
    When the trader submits a MARKET order to <side> 10,000 EURUSD
    Then the trader holds <position> EURUSD at an average price of <fill price>
    When EURUSD moves to <bid> / <ask>
    Then the unrealized P&L of the EURUSD position is <unrealized P&L>

    Examples:
      | side | fill price | position | bid     | ask     | unrealized P&L |
      | BUY  | 1.08510    | +10,000  | 1.08650 | 1.08660 | $14.00         |
      | SELL | 1.08500    | -10,000  | 1.08650 | 1.08660 | -$16.00        |

  Scenario Outline: A bad ticket is refused with its reason and no order is created
    Given the trader has the Trading screen open
    When the trader submits a <type> ticket to BUY "<quantity>" EURUSD with the price "<price>"
    Then the ticket is refused with "<reason>"
    And no order has been created

    Examples: Malformed tickets
      | type   | quantity     | price | reason                             |
      | MARKET | 0            |       | Quantity must be greater than zero |
      | MARKET | -5,000       |       | Quantity must be greater than zero |
      | MARKET | ten thousand |       | Quantity must be a number          |
      | LIMIT  | 10,000       |       | A LIMIT order needs a price        |

    @controlled_market
    Examples: Above the max position size of a new account
      | type   | quantity | price | reason                            |
      | MARKET | 150,000  |       | exceeds max position size 100,000 |

  Scenario: A double click on Submit Order creates exactly one order
    Given the trader has the Trading screen open
    When the trader double-clicks Submit Order on a MARKET order to BUY 10,000 EURUSD
    Then the order's status shows "Filled"
    And the Order History lists exactly one new order

  @controlled_market
  Scenario: A working LIMIT order fills when the price reaches it, and a cancelled one does not
    Given EURUSD is quoted at 1.08500 / 1.08510
    And the trader has the Trading screen open
    And the trader has placed a LIMIT order to BUY 10,000 EURUSD at 1.08400
    And the trader has placed a LIMIT order to BUY 5,000 EURUSD at 1.08450
    When the trader cancels the working order for 5,000 EURUSD
    And EURUSD moves to 1.08380 / 1.08390
    Then the trader holds +10,000 EURUSD at an average price of 1.08390
    And the Order History, filtered by Cancelled, lists only the order for 5,000 EURUSD
