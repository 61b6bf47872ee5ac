@access_control
Feature: Access control and sessions
  The console protects each desk's accounts: guessing a password gets an account locked for a while, a session
  ends when its user signs out or when it expires, another website cannot act for a signed-in user, and text a
  user typed is never run as code.

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
  Scenario: An expired session sends the user to sign in at their next action
    Given a trader is signed in
    And the trader has the System Status dashboard open
    When the trader's session expires
    And the trader goes to the Market Data section
    Then the sign-in page says the session has expired

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
