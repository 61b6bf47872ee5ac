@access_control
Feature: Access control and sessions
  The console protects each desk's accounts: guessing a password gets an account locked for a while, a session
  ends when its user signs out or when it expires, another website cannot act for a signed-in user, and text a
  user typed is never run as code. A viewer follows the desk but cannot trade, deploy, edit limits or stop trading,
  and a trader cannot edit limits: the screens do not offer them, and the API refuses them. No desk sees another
  desk's orders, positions or strategies. A session token, a password or its hash never reach the page. (That
  nothing is lost in a restart of the console is shown where it matters: strategies in strategy-management, the
  halt, limits, positions and working orders in risk-management.)

  @console_control
  Scenario: Ten wrong passwords lock that account's sign-in until the lockout ends
    Given sign-in lockouts on the console last 4 seconds
    And a trader is on the sign-in page
    When the trader signs in with a wrong password 10 times
    Then the next attempt is refused as too many attempts, saying when to try again
    And a risk manager of the same desk still signs in
    When the trader's lockout is over
    And the trader signs in with their password
    Then the System Status dashboard is shown

  Scenario: Signing out ends the session on the server
    Given a trader is signed in
    And the trader has the System Status dashboard open
    When the trader signs out, keeping a copy of the session cookie
    Then the copied session cookie no longer opens the console

  @console_control
  Scenario Outline: An expired session sends the user to sign in at their next action
    Given a trader is signed in
    And the trader has the <screen> open
    When the trader's session expires
    And the trader <next action>
    Then the sign-in page says the session has expired

    Examples:
      | screen                  | next action                                 |
      | System Status dashboard | goes to the Market Data section             |
      | Trading screen          | submits a MARKET order to BUY 10,000 EURUSD |

  Scenario: The session and the password stay out of reach of the page
    Given a trader is on the sign-in page
    When the trader signs in with their password
    Then the page's scripts cannot read the trader's session
    And the console's details of the signed-in trader hold no password, password hash or session token

  Scenario: Another website cannot act for a signed-in user
    Given a trader is signed in
    When a page on another website asks the console to sign the trader out
    Then the console refuses it as a cross-origin request
    And the trader is still signed in

  @console_control
  Scenario: Markup in a user's name is shown as text and never runs
    Given the trader's display name is "<img src=x onerror=alert(document.domain)> O'Brien & Co"
    And a trader is signed in
    When the trader opens the System Status dashboard
    Then the navigation bar shows the name "<img src=x onerror=alert(document.domain)> O'Brien & Co" as text

  Scenario Outline: A role without the right is offered no control for it, and the API refuses it
    Given a <role> is signed in
    When the <role> opens the <screen> screen to <action>
    Then the <screen> screen offers the <role> no "<control>" button
    And the console's API refuses to let the <role> <action>

    Examples:
      | role   | screen          | action                     | control             |
      | viewer | Trading         | place an order             | New Order           |
      | viewer | Strategies      | create a strategy          | Create New Strategy |
      | viewer | Risk Management | edit the limits            | Edit Limits         |
      | viewer | Risk Management | trigger the Emergency Stop | Emergency Stop      |
      | viewer | Portfolio       | add a position             | Add Position        |
      | trader | Risk Management | edit the limits            | Edit Limits         |

  @console_control
  Scenario: A desk sees none of another desk's orders, positions or strategies
    Given a trader is signed in
    And the trader has bought 10,000 EURUSD at the market
    And the trader has a working LIMIT order to BUY 10,000 EURUSD at 1.00000
    And the trader has a running strategy named "Asia Session Momentum"
    And a trader of another desk is signed in
    When the trader of another desk opens the Trading screen
    Then the Trading screen shows no order and no position
    And the trader of another desk finds neither that order nor that strategy through the API
