@accessibility
Feature: Accessibility: WCAG 2.2 A and AA, and the Emergency Stop with the keyboard alone
  A trader who uses a screen reader, the keyboard alone or needs strong contrast works with the same console. axe-core
  (4.12.1, injected into the page) checks each screen against its WCAG 2.0, 2.1 and 2.2 rules of levels A and AA, with
  the account's data on it: a position, a working order, a running strategy and a risk alert. A violation of any
  impact fails the scenario (a moderate one such as a page that forbids zooming fails WCAG AA as surely as a critical
  one), and every violation is attached to the report with the elements it concerns. On every screen, Tab reaches
  every link, button and field shown, in the order of the screen, and each shows that it has the focus. The Emergency Stop and the
  confirmations of the Portfolio screen work with the keyboard alone: Tab reaches the control, the control with the
  focus shows it (an outline or a shadow), Enter or Space opens its dialog, the focus moves into the dialog and stays
  there while Tab cycles through it, and Escape cancels it and gives the focus back to the control that opened it.
  The quotes board sorts from the keyboard as it does with the mouse.

  Rule: No screen violates a WCAG 2.2 A or AA rule

    Scenario Outline: A screen with the account's data has no accessibility violation
      Given a trader is signed in
      And the trader has bought 10,000 EURUSD at the market
      And the trader has a working LIMIT order to BUY 10,000 EURUSD at 1.00000
      And the trader has a running strategy named "Asia Session Momentum"
      And the account's daily loss limit is $4,000
      When the trader opens the <screen> screen
      Then the trader's screen shows no violation of the WCAG 2.2 A and AA rules

      Examples:
        | screen          |
        | System Status   |
        | Strategies      |
        | Trading         |
        | Risk Management |
        | Portfolio       |
        | Market Data     |

    Scenario: The sign-in screen has no accessibility violation
      Given a visitor is on the sign-in screen
      Then the visitor's screen shows no violation of the WCAG 2.2 A and AA rules

    Scenario Outline: A form, a panel or a dialog shown on request has no accessibility violation
      Given a risk manager is signed in
      And the risk manager has bought 10,000 EURUSD at the market
      And the risk manager has the <screen> screen open
      When <request>
      Then the risk manager's screen shows no violation of the WCAG 2.2 A and AA rules

      Examples:
        | screen          | request                                                                  |
        | Strategies      | the risk manager opens the new strategy form                             |
        | Trading         | the risk manager opens the order ticket                                  |
        | Trading         | the risk manager opens the order ticket for a LIMIT order                |
        | Risk Management | the risk manager opens the limits editor                                 |
        | Risk Management | the risk manager triggers the Emergency Stop and is asked to confirm it |
        | Portfolio       | the risk manager opens the details of the EURUSD position                |
        | Portfolio       | the risk manager asks to close the EURUSD position                       |
        | Portfolio       | the risk manager enters a new size of 5,000 for the EURUSD position      |

  Rule: Tab reaches every control in the order of the screen, and the control with the focus shows it

    Scenario Outline: Tab reaches every link, button and field of the <screen> screen, each showing the focus
      Given a trader is signed in
      And the trader has bought 10,000 EURUSD at the market
      And the trader has a working LIMIT order to BUY 10,000 EURUSD at 1.00000
      And the trader has a running strategy named "Asia Session Momentum"
      And the trader has the <screen> screen open
      When the trader tabs once round the whole screen
      Then the trader saw Tab reach every link, button and field shown
      And the trader saw Tab go through them in the order of the screen
      And the trader saw each of them show that it had the focus

      Examples:
        | screen          |
        | System Status   |
        | Strategies      |
        | Trading         |
        | Risk Management |
        | Portfolio       |
        | Market Data     |

    Scenario: Tab reaches every field and button of the sign-in screen, each showing the focus
      Given a visitor is on the sign-in screen
      When the visitor tabs once round the whole screen
      Then the visitor saw Tab reach every link, button and field shown
      And the visitor saw Tab go through them in the order of the screen
      And the visitor saw each of them show that it had the focus

  Rule: The Emergency Stop works with the keyboard alone

    Scenario: The Emergency Stop is found, triggered and confirmed with the keyboard alone
      Given a trader is signed in
      And the trader has the Risk Management screen open
      When the trader tabs to the "Emergency Stop" button and presses Enter
      Then the trader sees the focus on the "Cancel" button of the "Confirm Emergency Stop" dialog
      When the trader presses Tab 5 times
      Then the trader saw the focus stay inside the "Confirm Emergency Stop" dialog
      When the trader tabs to the "Confirm Emergency Stop" button and presses Enter
      Then the trader sees trading halted: "Emergency Stop by the trader at HH:MM:SS UTC."

    @fresh_account
    Scenario: Escape cancels the Emergency Stop and gives the focus back to its button
      Given a trader is signed in
      And the trader has the Risk Management screen open
      When the trader tabs to the "Emergency Stop" button and presses Space
      And the trader presses Escape
      Then the trader sees the "Confirm Emergency Stop" dialog closed and the focus back on the "Emergency Stop" button
      And the trader sees trading active, with no risk alert

  Rule: The confirmations of the Portfolio screen work with the keyboard alone

    Scenario: The Close position confirmation opens with the focus on Cancel, so Enter alone flattens nothing
      Given a trader is signed in
      And the trader has bought 10,000 EURUSD at the market
      And the trader has the Portfolio screen open
      When the trader tabs to the "Close the EURUSD position" button and presses Enter
      Then the trader sees the focus on the "Cancel" button of the "Close position" dialog

    Scenario Outline: A position's confirmation keeps the focus inside while Tab cycles, and Escape closes it
      Given a trader is signed in
      And the trader has bought 10,000 EURUSD at the market
      And the trader has the Portfolio screen open
      When the trader tabs to the "<control>" button and presses Enter
      And the trader presses Tab 5 times
      Then the trader saw the focus stay inside the "<dialog>" dialog
      When the trader presses Escape
      Then the trader sees the "<dialog>" dialog closed and the focus back on the "<control>" button

      Examples:
        | control                    | dialog               |
        | Close the EURUSD position  | Close position       |
        | Modify the EURUSD position | Change position size |

  Rule: The quotes board sorts with the keyboard alone

    Scenario Outline: Enter or Space on a column's sort button sorts the board by it, then the other way
      Given a trader is signed in
      And the trader has the Market Data screen open
      When the trader tabs to the "<column>" button and presses <key>
      Then the trader sees the board in ascending order of <column>, and only that column sorted
      When the trader presses <key>
      Then the trader sees the board in descending order of <column>, and only that column sorted

      Examples:
        | column      | key   |
        | Instrument  | Enter |
        | Instrument  | Space |
        | Bid         | Enter |
        | Ask         | Space |
        | Spread      | Enter |
        | Change      | Space |
        | Last update | Enter |
