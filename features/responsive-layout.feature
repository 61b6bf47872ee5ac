@responsive_layout
Feature: Responsive layout and touch on phones and tablets
  The test plan's mobile checklist (responsive layout, touch interactions): a trader on a phone or a tablet works with
  the same console as at a desk. On every screen the page fits the width of the screen, so nothing has to be scrolled
  sideways (a wide table scrolls inside itself), the navigation bar and Sign out are within reach, and the controls a
  trader taps are at least 44 by 44 CSS pixels (WCAG 2.5.5, and Apple's and Google's guidance) and answer a tap. Phones
  and tablets are profiles of Playwright's device registry: viewport, user agent, pixel ratio and a touch screen.
  Firefox has no mobile emulation: there a profile has its viewport, user agent, pixel ratio and touch screen, without
  the mobile flag.

  Rule: Every screen fits a phone and a tablet, with the navigation within reach

    Scenario Outline: A screen fits the width of a phone or a tablet, with the navigation and Sign out within reach
      Given a trader is signed in on <device>
      And the trader has bought 10,000 EURUSD at the market
      When the trader opens the <screen> screen
      Then the trader sees the screen fit its width, with nothing to scroll sideways
      And the trader sees every section of the navigation bar and Sign out within reach

      Examples:
        | device          | screen          |
        | an iPhone 13    | System Status   |
        | an iPhone 13    | Strategies      |
        | an iPhone 13    | Trading         |
        | an iPhone 13    | Risk Management |
        | an iPhone 13    | Portfolio       |
        | an iPhone 13    | Market Data     |
        | a Pixel 7       | System Status   |
        | a Pixel 7       | Strategies      |
        | a Pixel 7       | Trading         |
        | a Pixel 7       | Risk Management |
        | a Pixel 7       | Portfolio       |
        | a Pixel 7       | Market Data     |
        | an iPad (gen 7) | System Status   |
        | an iPad (gen 7) | Strategies      |
        | an iPad (gen 7) | Trading         |
        | an iPad (gen 7) | Risk Management |
        | an iPad (gen 7) | Portfolio       |
        | an iPad (gen 7) | Market Data     |

    Scenario Outline: The sign-in screen fits a phone, and Sign in is there to tap
      Given a trader is on the sign-in screen on <device>
      Then the trader sees the screen fit its width, with nothing to scroll sideways
      And the trader sees the Sign in button at least 44 by 44 pixels
      When the trader signs in with their password
      Then the trader sees the System Status screen

      Examples:
        | device       |
        | an iPhone 13 |
        | a Pixel 7    |

    Scenario Outline: On a phone every quote keeps its price, spread, change, age and live flag in view
      Given a trader is signed in on <device>
      When the trader opens the Market Data screen
      Then the trader sees EURUSD, GBPUSD, USDJPY and AUDUSD quoted with bid, ask, spread, change and a live last update
      And the trader sees the screen fit its width, with nothing to scroll sideways

      Examples:
        | device       |
        | an iPhone 13 |
        | a Pixel 7    |

  Rule: The controls a trader taps are big enough for a finger, and answer a tap

    Scenario Outline: A key control is at least 44 by 44 pixels and opens what it offers at a tap, within the screen
      Given a <actor> is signed in on <device>
      And the <actor> has the <screen> screen open
      Then the <actor> sees the <control> at least 44 by 44 pixels
      When the <actor> taps the <control>
      Then the <actor> sees the <opened> open
      And the <actor> sees the screen fit its width, with nothing to scroll sideways

      Examples:
        | actor        | device          | screen          | control                    | opened                      |
        | trader       | an iPhone 13    | Trading         | New Order button           | order ticket                |
        | trader       | a Pixel 7       | Strategies      | Create New Strategy button | New Strategy form           |
        | risk manager | an iPhone 13    | Risk Management | Edit Limits button         | Edit Limits form            |
        | trader       | an iPad (gen 7) | Risk Management | Emergency Stop button      | Emergency Stop confirmation |

    Scenario Outline: A trader on a phone or a tablet buys 10,000 EURUSD at the market by tapping
      Given a trader is signed in on <device>
      And the trader has the Trading screen open
      When the trader taps the New Order button and enters a quantity of 10,000
      Then the trader sees the Submit Order button at least 44 by 44 pixels
      When the trader taps the Submit Order button
      Then the trader's last order shows "Filled"

      Examples:
        | device          |
        | a Pixel 7       |
        | an iPad (gen 7) |

    Scenario Outline: A trader on a phone or a tablet places a LIMIT or a STOP order with its price
      Given a trader is signed in on <device>
      And the trader has the Trading screen open
      When the trader submits a <type> ticket to <side> "10,000" EURUSD with the price "<price>"
      Then the trader sees the order for 10,000 EURUSD Working among the open orders

      Examples:
        | device          | type  | side | price   |
        | an iPhone 13    | LIMIT | BUY  | 1.00000 |
        | an iPad (gen 7) | LIMIT | BUY  | 1.00000 |
        | a Pixel 7       | STOP  | SELL | 1.00000 |
        | an iPhone 13    | STOP  | BUY  | 2.00000 |

    Scenario: A trader on a phone filters the market data by currency with a tap
      Given a trader is signed in on an iPhone 13
      And the trader has the Market Data screen open
      Then the trader sees the Currency filter at least 44 by 44 pixels
      When the trader taps the Currency filter and chooses GBP
      Then the trader sees the board list only the pairs that trade GBP

    Scenario: A trader on a phone sorts the market data by a column with a tap
      Given a trader is signed in on a Pixel 7
      And the trader has the Market Data screen open
      Then the trader sees the Spread sort button at least 44 by 44 pixels
      When the trader taps the Spread sort button
      Then the trader sees the board in ascending order of Spread, and only that column sorted

    Scenario Outline: A position's own buttons are there to tap on a phone or a tablet
      Given a trader is signed in on <device>
      And the trader has bought 10,000 EURUSD at the market
      And the trader has the Portfolio screen open
      Then the trader sees the <control> at least 44 by 44 pixels
      When the trader taps the <control>
      Then the trader sees the <opened> open

      Examples:
        | device          | control                 | opened                      |
        | a Pixel 7       | Close position button   | Close position dialog       |
        | an iPad (gen 7) | Modify position button  | Change position size dialog |
        | an iPhone 13    | Position details button | Position details            |

  Rule: The Emergency Stop triggered by touch halts trading as it does at a desk

    Scenario Outline: A trader on a phone stops all trading with two taps, and the halt records who and when
      Given a trader is signed in on <device>
      And the trader has a working LIMIT order to BUY 10,000 EURUSD at 1.00000
      And the trader has the Risk Management screen open
      Then the trader sees the Emergency Stop button at least 44 by 44 pixels
      When the trader taps the Emergency Stop button
      Then the trader sees the Confirm Emergency Stop button at least 44 by 44 pixels
      When the trader taps the Confirm Emergency Stop button
      Then the trader sees trading halted: "Emergency Stop by the trader at HH:MM:SS UTC."
      And the trader sees the risk alert "Emergency Stop by the trader at HH:MM:SS UTC. Trading halted: 1 open order cancelled, 0 strategies stopped, positions kept."

      Examples:
        | device       |
        | an iPhone 13 |
        | a Pixel 7    |
