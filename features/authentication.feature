@authentication
Feature: Signing in and out
  Only signed-in members of a desk reach the console. An email is recognised however its letters are cased (as a
  phone's keyboard may capitalise it). A wrong password gets a clear answer and keeps the email that was typed, never
  the password, which is masked as it is typed; signing out ends the session. A sign-in link may say where to go once
  signed in, but only to a screen of the console: never on to another site (OWASP, unvalidated redirects), however the
  address is disguised. An email locked out after too many wrong passwords is told how long to wait: in seconds under
  a minute, then in whole minutes rounded up, never less than it is.

  Scenario: Signing in lands on the System Status screen
    Given a trader is on the sign-in screen
    When the trader signs in with their password
    Then the trader sees the System Status screen
    And the trader sees their name in the navigation bar

  Scenario Outline: The console's own address leads <who> to the <screen> screen
    Given <arrival>
    When the <actor> goes to the console's address
    Then the <actor> sees the <screen> screen

    Examples:
      | who                | arrival                        | actor   | screen        |
      | a signed-in trader | a trader is signed in          | trader  | System Status |
      | a visitor          | a visitor who is not signed in | visitor | sign-in       |

  Scenario Outline: The email is recognised however its letters are cased, and with spaces around it
    Given a trader is on the sign-in screen
    When the trader signs in with their email written <written> and their password
    Then the trader sees the System Status screen

    Examples:
      | written                  |
      | in capitals              |
      | with a capital initial   |
      | between spaces           |

  Scenario Outline: A wrong password is refused with a clear message
    Given a trader is on the sign-in screen
    When the trader signs in with the password "<password>"
    Then the trader's sign-in is refused with "<message>"
    And the trader sees the sign-in screen with their email filled in
    And the trader sees the password field empty, masking what is typed

    Examples:
      | password         | message                                |
      | not-the-password | Invalid email or password.             |
      |                  | Enter your email address and password. |

  @console_control
  Scenario Outline: A lockout of over a minute states its wait in whole minutes, rounded up
    Given sign-in lockouts on the console last <lockout> seconds
    And a trader is on the sign-in screen
    When the trader signs in with a wrong password 10 times
    And the trader signs in with their password
    Then the trader's sign-in is refused as too many attempts: "Too many sign-in attempts for this account. Try again in <wait>."

    Examples:
      | lockout | wait      |
      | 90      | 2 minutes |
      | 150     | 3 minutes |

  Scenario: An email without an account gets the same answer as a wrong password
    Given a visitor is on the sign-in screen
    When the visitor signs in as "nobody.at.this.desk@example.com" with the password "Whatever-123!"
    Then the visitor's sign-in is refused with "Invalid email or password."

  Scenario: Signing out ends the session
    Given a trader is signed in
    And the trader has the System Status screen open
    When the trader signs out
    Then the trader sees the sign-in screen confirm "You have signed out"
    When the trader goes to the System Status screen by its address
    Then the trader sees the sign-in screen

  Scenario: A protected screen without a session leads to the sign-in screen
    Given a visitor who is not signed in
    When the visitor goes to the System Status screen by its address
    Then the visitor sees the sign-in screen

  Scenario Outline: Signing in never sends the user on to another site
    Given a trader follows a sign-in link that sends them on to "<target>"
    When the trader signs in with their password
    Then the trader sees the System Status screen

    Examples:
      | target                      |
      | //other-site.example/       |
      | /\\other-site.example/      |
      | https://other-site.example/ |
