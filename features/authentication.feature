@authentication
Feature: Signing in and out
  Only signed-in members of a desk reach the console. A wrong password gets a clear answer and keeps the email
  that was typed, never the password, which is masked as it is typed; signing out ends the session.

  Scenario: Signing in lands on the System Status dashboard
    Given a trader is on the sign-in page
    When the trader signs in with their password
    Then the System Status dashboard is shown
    And the navigation bar names the trader

  Scenario Outline: A wrong password is refused with a clear message
    Given a trader is on the sign-in page
    When the trader signs in with the password "<password>"
    Then the sign-in page says "<message>"
    And the trader is still on the sign-in page with their email filled in
    And the password field is empty and masks what is typed

    Examples:
      | password         | message                                |
      | not-the-password | Invalid email or password.             |
      |                  | Enter your email address and password. |

  Scenario: Signing out ends the session
    Given a trader is signed in
    And the trader has the System Status dashboard open
    When the trader signs out
    Then the sign-in page confirms that the trader has signed out
    And the System Status dashboard now leads to the sign-in page

  Scenario: A protected page without a session leads to the sign-in page
    Given a visitor who is not signed in
    When the visitor goes to the System Status dashboard
    Then the sign-in page is shown
