@access_control
Feature: Access control and sessions
  The console protects each desk's accounts: guessing a password gets an account locked for a while, a session
  ends when its user signs out or when it expires, another website cannot act for a signed-in user, and text a
  user typed is never run as code. A viewer follows the desk but cannot trade, deploy, edit limits or stop trading,
  and a trader cannot edit limits: the screens do not offer them, and the API refuses them. No desk sees another
  desk's orders, positions or strategies. A session token, a password or its hash never reach the page. (That
  nothing is lost in a restart of the console is shown where it matters: strategies in strategy-management, the
  halt, limits, positions and working orders in risk-management.)

  Rule: Ten wrong passwords in a row lock that email's sign-in for the lockout window

    @console_control
    Scenario Outline: Wrong passwords up to the limit leave the password working, one more locks it
      Given sign-in lockouts on the console last 4 seconds
      And a trader is on the sign-in screen
      When the trader signs in with a wrong password <wrong> times
      And the trader signs in with their password
      Then <outcome>

      Examples:
        | wrong | outcome                                                                              |
        | 9     | the trader sees the System Status screen                                             |
        | 10    | the trader's sign-in is refused as too many attempts, saying to wait out the lockout |

    @console_control
    Scenario: Wrong passwords count towards one lockout however the email is written
      Given sign-in lockouts on the console last 4 seconds
      And a trader is on the sign-in screen
      When the trader signs in with a wrong password 5 times
      And the trader signs in with their email written in capitals and a wrong password 5 times
      And the trader signs in with their password
      Then the trader's sign-in is refused as too many attempts, saying to wait out the lockout

    Scenario: Signing in with the right password starts the count of wrong ones again
      Given a trader is on the sign-in screen
      When the trader signs in with a wrong password 9 times
      And the trader signs in with their password
      And the trader signs out
      And the trader signs in with a wrong password 9 times
      And the trader signs in with their password
      Then the trader sees the System Status screen

    @console_control
    Scenario: A locked-out email does not lock the rest of the desk, and the lockout ends
      Given sign-in lockouts on the console last 4 seconds
      And a risk manager is on the sign-in screen
      And a trader is locked out of signing in after 10 wrong passwords
      When the risk manager signs in with their password
      Then the risk manager sees the System Status screen
      When the trader's lockout is over
      And the trader signs in with their password
      Then the trader sees the System Status screen

  Rule: A session is its user's alone: it ends on sign-out and on expiry, and no other site or page can use it

    Scenario: Signing out ends the session on the server
      Given a trader is signed in
      And the trader has the System Status screen open
      When the trader signs out, keeping a copy of the session cookie
      And the trader goes back to the System Status screen with the copied cookie
      Then the trader sees the sign-in screen

    @console_control
    Scenario Outline: An expired session sends the user to sign in at their next action
      Given a trader is signed in
      And the trader has the <screen> screen open
      When the trader's session expires
      And the trader <next action>
      Then the trader sees the sign-in screen confirm "Your session has expired"

      Examples:
        | screen        | next action                                          |
        | System Status | follows the navigation bar to the Market Data screen |
        | Trading       | submits a MARKET order to BUY 10,000 EURUSD          |

    Scenario: The session and the password stay out of reach of the page
      Given a trader is on the sign-in screen
      When the trader signs in with their password
      Then the trader's session cookie cannot be read by the page's scripts
      And the console's details of the signed-in trader hold no password, password hash or session token

    Scenario: Another website cannot act for a signed-in user
      Given a trader is signed in
      When a page on another website asks the console to sign the trader out
      Then the console answers 403 "Cross-origin request refused"
      When the trader opens the System Status screen
      Then the trader sees their name in the navigation bar

    @console_control
    Scenario: Markup in a user's name is shown as text and never runs
      Given the trader's display name is "<img src=x onerror=alert(document.domain)> O'Brien & Co"
      And a trader is signed in
      When the trader opens the System Status screen
      Then the trader sees the name "<img src=x onerror=alert(document.domain)> O'Brien & Co" in the navigation bar, as text

  Rule: Each role is offered exactly the controls it may use, and the API agrees with the screens

    Scenario Outline: A role is offered no control it may not use, and the API refuses it
      Given a <role> is signed in
      And the <role>'s desk has <record>
      When the <role> opens the <screen> screen
      Then the <role> sees no "<control>" button offered
      When the <role> asks the console's API to <action>
      Then the console answers 403

      Examples:
        | role   | record             | screen          | control                    | action                            |
        | viewer | nothing yet        | Trading         | New Order                  | place an order                    |
        | viewer | a working order    | Trading         | Cancel order               | cancel the working order          |
        | viewer | nothing yet        | Strategies      | Create New Strategy        | create a strategy                 |
        | viewer | a saved strategy   | Strategies      | Deploy                     | deploy the saved strategy         |
        | viewer | a running strategy | Strategies      | Stop                       | stop the running strategy         |
        | viewer | a EURUSD position  | Portfolio       | Close the EURUSD position  | close the EURUSD position         |
        | viewer | a EURUSD position  | Portfolio       | Modify the EURUSD position | change the EURUSD position's size |
        | viewer | nothing yet        | Portfolio       | Add Position               | add a position                    |
        | viewer | nothing yet        | Risk Management | Edit Limits                | edit the limits                   |
        | viewer | nothing yet        | Risk Management | Emergency Stop             | trigger the Emergency Stop        |
        | viewer | a halt             | Risk Management | Resume Trading             | resume trading                    |
        | trader | nothing yet        | Risk Management | Edit Limits                | edit the limits                   |
        | trader | a halt             | Risk Management | Resume Trading             | resume trading                    |

    Scenario Outline: A role is offered every control it may use, and the API accepts it
      Given a <role> is signed in
      And the <role>'s desk has <record>
      When the <role> opens the <screen> screen
      Then the <role> sees the "<control>" button offered
      When the <role> asks the console's API to <action>
      Then the console accepts it

      Examples:
        | role         | record             | screen          | control                    | action                            |
        | trader       | nothing yet        | Trading         | New Order                  | place an order                    |
        | trader       | a working order    | Trading         | Cancel order               | cancel the working order          |
        | trader       | nothing yet        | Strategies      | Create New Strategy        | create a strategy                 |
        | trader       | a saved strategy   | Strategies      | Deploy                     | deploy the saved strategy         |
        | trader       | a running strategy | Strategies      | Stop                       | stop the running strategy         |
        | trader       | a EURUSD position  | Portfolio       | Close the EURUSD position  | close the EURUSD position         |
        | trader       | a EURUSD position  | Portfolio       | Modify the EURUSD position | change the EURUSD position's size |
        | trader       | nothing yet        | Portfolio       | Add Position               | add a position                    |
        | trader       | nothing yet        | Risk Management | Emergency Stop             | trigger the Emergency Stop        |
        | risk manager | nothing yet        | Trading         | New Order                  | place an order                    |
        | risk manager | a working order    | Trading         | Cancel order               | cancel the working order          |
        | risk manager | nothing yet        | Strategies      | Create New Strategy        | create a strategy                 |
        | risk manager | a saved strategy   | Strategies      | Deploy                     | deploy the saved strategy         |
        | risk manager | a running strategy | Strategies      | Stop                       | stop the running strategy         |
        | risk manager | a EURUSD position  | Portfolio       | Close the EURUSD position  | close the EURUSD position         |
        | risk manager | a EURUSD position  | Portfolio       | Modify the EURUSD position | change the EURUSD position's size |
        | risk manager | nothing yet        | Portfolio       | Add Position               | add a position                    |
        | risk manager | nothing yet        | Risk Management | Edit Limits                | edit the limits                   |
        | risk manager | nothing yet        | Risk Management | Emergency Stop             | trigger the Emergency Stop        |
        | risk manager | a halt             | Risk Management | Resume Trading             | resume trading                    |

  Rule: A desk sees and touches only its own records

    @console_control
    Scenario: A desk sees none of another desk's orders, positions or strategies
      Given a trader is signed in
      And the trader has bought 10,000 EURUSD at the market
      And the trader has a working LIMIT order to BUY 10,000 EURUSD at 1.00000
      And the trader has a running strategy named "Asia Session Momentum"
      And a trader of another desk is signed in
      When the trader of another desk opens the Trading screen
      Then the trader of another desk sees no order and no position
      And the console's API shows the trader of another desk neither that order nor that strategy

    @console_control
    Scenario Outline: Another desk cannot act on this desk's records, even knowing their numbers
      Given a trader is signed in
      And the trader's desk has <record>
      And the trader has the <screen> screen open
      And a trader of another desk is signed in
      When the trader of another desk asks the console's API to <action>
      Then the console answers 404
      And <record still there>

      Examples:
        | record             | screen     | action                    | record still there                                                        |
        | a working order    | Trading    | cancel the working order  | the trader sees the order for 10,000 EURUSD Working among the open orders |
        | a saved strategy   | Strategies | deploy the saved strategy | the trader sees the strategies summed up as "1 strategy, 0 running."      |
        | a running strategy | Strategies | stop the running strategy | the trader sees the strategies summed up as "1 strategy, 1 running."      |
