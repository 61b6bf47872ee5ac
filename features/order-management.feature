@order_management
Feature: Order management
  A trader enters orders on the Trading screen and follows each one live, from Pending to Filled, into the Order
  History and the position it opens (test plan, scenario 3). A MARKET order buys at the ask and sells at the bid; a
  LIMIT order rests as Working until the market reaches its price, a STOP order until the market passes it, and
  either may be cancelled meanwhile. Where fills and P&L must be exact, the scenario sets the price. A new account
  may hold at most 100,000 units of an instrument, counting its open orders on the same side.

  Background:
    Given a trader is signed in

  @console_control
  Scenario Outline: A server error on submitting is reported as an order not placed
    Given the trader has the Trading screen open
    And the console answers /api/orders with a <status> server error
    When the trader submits a MARKET order to BUY 10,000 EURUSD
    Then the trader sees the ticket say "The order was not placed: the console answered <status>."
    And the trader sees no new order in the Order History

    Examples:
      | status |
      | 500    |
      | 503    |

  @console_control
  Scenario Outline: A server error on cancelling is reported as an order not cancelled, and the order still works
    Given the trader has a working LIMIT order to BUY 10,000 EURUSD at 1.00000
    And the console answers the Cancel of that order with a <status> server error
    When the trader cancels the working order for 10,000 EURUSD
    Then the trader sees the open orders say "The order was not cancelled: the console answered <status>."
    And the trader sees the order for 10,000 EURUSD Working among the open orders
    When the trader reloads the Trading screen
    Then the trader sees the order for 10,000 EURUSD Working among the open orders

    Examples:
      | status |
      | 500    |
      | 503    |

  @controlled_market
  Scenario Outline: The ticket quotes the chosen instrument's bid and ask
    Given <instrument> is quoted at <bid> / <ask>
    And <other> is quoted at <other bid> / <other ask>
    And the trader has the Trading screen open
    When the trader starts a new order for <instrument>
    Then the trader sees the ticket quote <bid> / <ask>
    When <instrument> moves to <new bid> / <new ask>
    Then the trader sees the ticket quote <new bid> / <new ask>
    When the trader changes the ticket's instrument to <other>
    Then the trader sees the ticket quote <other bid> / <other ask>

    Examples:
      | instrument | bid     | ask     | new bid | new ask | other  | other bid | other ask |
      | EURUSD     | 1.08500 | 1.08510 | 1.08520 | 1.08531 | USDJPY | 151.950   | 151.962   |
      | USDJPY     | 151.950 | 151.962 | 151.890 | 151.899 | GBPUSD | 1.27000   | 1.27015   |
      | GBPUSD     | 1.27000 | 1.27015 | 1.26990 | 1.27004 | AUDUSD | 0.65500   | 0.65512   |
      | AUDUSD     | 0.65500 | 0.65512 | 0.65510 | 0.65521 | EURUSD | 1.08500   | 1.08510   |

  @controlled_market
  Scenario Outline: A market order moves through every status in real time
    Given EURUSD is quoted at 1.08500 / 1.08510
    And the trader has the Trading screen open
    When the trader submits a MARKET order to <side> 10,000 EURUSD
    Then the trader saw the order's status go, one after the other and without a reload:
      | Pending | Risk Check | Approved | Submitted | Filled |
    And the trader sees the time of each of those statuses in the order's timeline
    And the trader sees the Order History list, newest first:
      | instrument | side   | type   | quantity | price | status | fill price   | reason |
      | EURUSD     | <side> | MARKET | 10,000   | —     | Filled | <fill price> |        |
    And the trader sees no open orders

    Examples:
      | side | fill price |
      | BUY  | 1.08510    |
      | SELL | 1.08500    |

  @controlled_market
  Scenario Outline: A filled order opens a position whose P&L follows the market
    Given EURUSD is quoted at 1.08500 / 1.08510
    And the trader has the Trading screen open
    When the trader submits a MARKET order to <side> 10,000 EURUSD
    Then the trader sees the position <position> EURUSD at an average price of <fill price>
    When EURUSD moves to <bid> / <ask>
    Then the trader sees the EURUSD position marked at <mark> with an unrealized P&L of <unrealized P&L>

    Examples:
      | side | fill price | position | bid     | ask     | mark    | unrealized P&L |
      | BUY  | 1.08510    | +10,000  | 1.08650 | 1.08660 | 1.08650 | $14.00         |
      | BUY  | 1.08510    | +10,000  | 1.08300 | 1.08310 | 1.08300 | -$21.00        |
      | SELL | 1.08500    | -10,000  | 1.08650 | 1.08660 | 1.08660 | -$16.00        |
      | SELL | 1.08500    | -10,000  | 1.08300 | 1.08310 | 1.08310 | $19.00         |

  Scenario Outline: A bad ticket is refused with its reason and no order is created
    Given the trader has the Trading screen open
    When the trader submits a <type> ticket to BUY "<quantity>" EURUSD with the price "<price>"
    Then the trader's order is refused with "<reason>"
    When the trader reloads the Trading screen
    Then the trader sees no new order in the Order History

    Examples: Malformed tickets
      | type   | quantity     | price | reason                             |
      | MARKET | 0            |       | Quantity must be greater than zero |
      | MARKET | -5,000       |       | Quantity must be greater than zero |
      | MARKET | ten thousand |       | Quantity must be a number          |
      | MARKET | 10,000.5     |       | Quantity must be a whole number    |
      | LIMIT  | 10,000       |       | A LIMIT order needs a price        |
      | STOP   | 10,000       |       | A STOP order needs a price         |

    @controlled_market
    Examples: Above the max position size of a new account
      | type   | quantity | price | reason                                  |
      | MARKET | 100,001  |       | Order exceeds max position size 100,000 |

  @controlled_market
  Scenario Outline: The max position size counts the position and the open orders on the same side
    Given EURUSD is quoted at 1.08500 / 1.08510
    And the trader has <traded> 60,000 EURUSD at the market
    And the trader has a working LIMIT order to <resting side> 10,000 EURUSD at <far price>
    And the trader has the Trading screen open
    When the trader submits a MARKET order to <side> <quantity> EURUSD
    Then <outcome>

    Examples:
      | traded | resting side | far price | side | quantity | outcome                                                                |
      | bought | BUY          | 1.00000   | BUY  | 30,000   | the trader's last order shows "Filled"                                 |
      | bought | BUY          | 1.00000   | BUY  | 30,001   | the trader's order is refused with "exceeds max position size 100,000" |
      | sold   | SELL         | 2.00000   | SELL | 30,000   | the trader's last order shows "Filled"                                 |
      | sold   | SELL         | 2.00000   | SELL | 30,001   | the trader's order is refused with "exceeds max position size 100,000" |
      | bought | SELL         | 2.00000   | BUY  | 40,000   | the trader's last order shows "Filled"                                 |
      | bought | BUY          | 1.00000   | SELL | 100,000  | the trader's last order shows "Filled"                                 |
      | sold   | SELL         | 2.00000   | BUY  | 100,000  | the trader's last order shows "Filled"                                 |

  Scenario Outline: The smallest order and one of the full position size are accepted
    Given the trader has the Trading screen open
    When the trader submits a MARKET order to <side> <quantity> EURUSD
    Then the trader's last order shows "Filled"
    And the trader's last order is described as "Order #N: <side> <quantity> EURUSD MARKET ·"

    Examples:
      | side | quantity |
      | BUY  | 1        |
      | SELL | 100,000  |

  Scenario: A double click on Submit Order creates exactly one order
    Given the trader has the Trading screen open
    When the trader double-clicks Submit Order on a MARKET order to BUY 10,000 EURUSD
    Then the trader's last order shows "Filled"
    And the trader sees exactly one new order in the Order History

  Scenario Outline: Of two working orders, Cancel cancels the order of its own row and leaves the other working
    Given the trader has a working LIMIT order to BUY 10,000 EURUSD at 1.00000
    And the trader has a working LIMIT order to BUY 5,000 GBPUSD at 1.00000
    When the trader cancels the working order for <cancelled>
    Then the trader sees the order for <cancelled> in the Order History as Cancelled: "cancelled by the trader"
    And the trader sees the order for <kept> Working among the open orders

    Examples:
      | cancelled     | kept          |
      | 10,000 EURUSD | 5,000 GBPUSD  |
      | 5,000 GBPUSD  | 10,000 EURUSD |

  @controlled_market
  Scenario: The last order shows why its order ended, and no reason while it works
    Given EURUSD is quoted at 1.08500 / 1.08510
    And the trader has the Trading screen open
    When the trader submits a LIMIT ticket to BUY "10,000" EURUSD with the price "1.08400"
    Then the trader's last order shows "Working"
    When the trader cancels the working order for 10,000 EURUSD
    Then the trader's last order shows "Cancelled" because "cancelled by the trader"

  @controlled_market
  Scenario Outline: A resting order fills exactly when the market reaches its price
    Given EURUSD is quoted at 1.08500 / 1.08510
    And the trader has a working <type> order to <side> 10,000 EURUSD at <price>
    When EURUSD moves to <just short>
    Then the trader sees the order for 10,000 EURUSD Working among the open orders
    When EURUSD moves to <reached>
    Then the trader sees the Order History list, newest first:
      | instrument | side   | type   | quantity | price   | status | fill price | reason |
      | EURUSD     | <side> | <type> | 10,000   | <price> | Filled | <price>    |        |

    Examples:
      | type  | side | price   | just short        | reached           |
      | LIMIT | BUY  | 1.08400 | 1.08391 / 1.08401 | 1.08390 / 1.08400 |
      | LIMIT | SELL | 1.08600 | 1.08599 / 1.08609 | 1.08600 / 1.08610 |
      | STOP  | BUY  | 1.08600 | 1.08589 / 1.08599 | 1.08590 / 1.08600 |
      | STOP  | SELL | 1.08400 | 1.08401 / 1.08411 | 1.08400 / 1.08410 |

  @fresh_account
  Scenario Outline: The Order History lists the orders of the status chosen, and counts them
    Given the trader has bought 10,000 EURUSD at the market
    And the trader has a working LIMIT order to BUY 5,000 EURUSD at 1.00000
    And the trader has a working LIMIT order to SELL 2,000 GBPUSD at 9.00000
    And the trader has the Trading screen open
    When the trader cancels the working order for 2,000 GBPUSD
    And the trader filters the Order History by <status>
    Then the trader sees the Order History list <listed>, counted as "<count>"

    Examples:
      | status       | listed                                                              | count     |
      | All statuses | 2,000 GBPUSD Cancelled, 5,000 EURUSD Working, 10,000 EURUSD Filled | 3 orders  |
      | Working      | 5,000 EURUSD Working                                                | 1 order   |
      | Filled       | 10,000 EURUSD Filled                                                | 1 order   |
      | Cancelled    | 2,000 GBPUSD Cancelled                                              | 1 order   |
      | Rejected     | no order                                                            | No orders |

  Scenario: The Order History keeps to the status chosen as new orders arrive
    Given the trader has a working LIMIT order to BUY 5,000 EURUSD at 1.00000
    And the trader has the Trading screen open
    When the trader filters the Order History by Working
    And the trader submits a MARKET order to BUY 10,000 EURUSD
    Then the trader's last order shows "Filled"
    And the trader sees the Order History list 5,000 EURUSD Working, counted as "1 order"
    When the trader submits a LIMIT ticket to SELL "2,000" GBPUSD with the price "9.00000"
    Then the trader's last order shows "Working"
    And the trader sees the Order History list 2,000 GBPUSD Working, 5,000 EURUSD Working, counted as "2 orders"

  Scenario: Open orders are listed newest first, each as it was placed; a new one goes on top, a cancelled one leaves
    Given the trader has a working LIMIT order to BUY 10,000 EURUSD at 1.00000
    And the trader has a working STOP order to SELL 5,000 GBPUSD at 0.90000
    When the trader opens the Trading screen
    Then the trader sees the open orders, newest first:
      | instrument | side | type  | quantity | price   | status  |
      | GBPUSD     | SELL | STOP  | 5,000    | 0.90000 | Working |
      | EURUSD     | BUY  | LIMIT | 10,000   | 1.00000 | Working |
    When the trader submits a LIMIT ticket to SELL "1,000" USDJPY with the price "199.500"
    Then the trader sees the open orders, newest first:
      | instrument | side | type  | quantity | price   | status  |
      | USDJPY     | SELL | LIMIT | 1,000    | 199.500 | Working |
      | GBPUSD     | SELL | STOP  | 5,000    | 0.90000 | Working |
      | EURUSD     | BUY  | LIMIT | 10,000   | 1.00000 | Working |
    When the trader cancels the working order for 5,000 GBPUSD
    Then the trader sees the open orders, newest first:
      | instrument | side | type  | quantity | price   | status  |
      | USDJPY     | SELL | LIMIT | 1,000    | 199.500 | Working |
      | EURUSD     | BUY  | LIMIT | 10,000   | 1.00000 | Working |

  @controlled_market
  Scenario: An order placed in one session shows in the account's other open sessions
    Given EURUSD is quoted at 1.08500 / 1.08510
    And the trader has the Trading screen open
    And a risk manager is signed in
    And the risk manager has the Trading screen open
    When the trader submits a MARKET order to BUY 10,000 EURUSD
    Then the risk manager sees the Order History list, newest first:
      | instrument | side | type   | quantity | price | status | fill price | reason |
      | EURUSD     | BUY  | MARKET | 10,000   | —     | Filled | 1.08510    |        |
    And the risk manager sees the position +10,000 EURUSD at an average price of 1.08510

  @controlled_market
  Scenario: A cancelled working order never fills, and the history says so
    Given EURUSD is quoted at 1.08500 / 1.08510
    And the trader has a working LIMIT order to BUY 10,000 EURUSD at 1.08400
    And the trader has a working LIMIT order to BUY 5,000 EURUSD at 1.08450
    When the trader cancels the working order for 5,000 EURUSD
    And EURUSD moves to 1.08380 / 1.08390
    Then the trader sees the position +10,000 EURUSD at an average price of 1.08390
    And the trader sees the Order History list, newest first:
      | instrument | side | type  | quantity | price   | status    | fill price | reason                  |
      | EURUSD     | BUY  | LIMIT | 5,000    | 1.08450 | Cancelled | —          | cancelled by the trader |
      | EURUSD     | BUY  | LIMIT | 10,000   | 1.08400 | Filled    | 1.08390    |                         |
    When the trader filters the Order History by Cancelled
    Then the trader sees the Order History list, newest first:
      | instrument | side | type  | quantity | price   | status    | fill price | reason                  |
      | EURUSD     | BUY  | LIMIT | 5,000    | 1.08450 | Cancelled | —          | cancelled by the trader |
