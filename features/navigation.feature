@navigation
Feature: Navigating the console, and screens that meet a server error
  The test plan's checklist: navigation between sections, and error handling. The navigation bar on every screen
  reaches every screen and marks the one shown as current (for a screen reader too: aria-current); the browser's back
  and forward buttons go through the screens visited; a link to a screen followed while signed out lands on that
  screen once signed in. A screen whose call for its data meets a server error says so plainly, presents nothing as
  live, and recovers by itself, without a reload, once the console answers again. Each scenario has an account of
  its own.

  Rule: The navigation bar reaches every screen from every screen

    Scenario Outline: Every link of the navigation bar works from the <screen> screen
      Given a trader is signed in
      And the trader has the <screen> screen open
      When the trader follows each link of the navigation bar from the <screen> screen, coming back each time
      Then the trader saw each link reach its screen, marked as the current one and no other

      Examples:
        | screen          |
        | System Status   |
        | Strategies      |
        | Trading         |
        | Risk Management |
        | Portfolio       |
        | Market Data     |

    Scenario: Back and forward go through the screens visited
      Given a trader is signed in
      And the trader has followed the navigation bar from the System Status screen to Trading, then Portfolio
      When the trader goes back
      Then the trader sees the Trading screen, live and marked current
      When the trader goes back
      Then the trader sees the System Status screen, live and marked current
      When the trader goes forward
      Then the trader sees the Trading screen, live and marked current

    Scenario: A link to a screen followed while signed out lands on that screen after signing in
      Given a trader is on the sign-in screen
      When the trader goes to the Portfolio screen by its address
      Then the trader sees the sign-in screen
      When the trader signs in with their password
      Then the trader sees the Portfolio screen, live and marked current

    Scenario: A mistyped password on the way does not lose the link followed while signed out
      Given a trader is on the sign-in screen
      When the trader goes to the Portfolio screen by its address
      And the trader signs in with a wrong password once
      Then the trader sees the sign-in screen
      When the trader signs in with their password
      Then the trader sees the Portfolio screen, live and marked current

    @console_control
    Scenario: A screen whose session expired lands there again after signing in
      Given a trader is signed in
      And the trader has the Trading screen open
      When the trader's session expires
      And the trader submits a MARKET order to BUY 10,000 EURUSD
      Then the trader sees the sign-in screen confirm "Your session has expired"
      When the trader signs in with their password
      Then the trader sees the Trading screen, live and marked current

  Rule: A screen whose data the console cannot give says so, and recovers by itself

    @console_control
    Scenario Outline: The <screen> screen says it could not load <data>, and recovers once the console answers
      Given a trader is signed in
      And the console answers <route> with a <status> server error
      When the trader goes to the <screen> screen by its address
      Then the trader sees the <screen> screen say "The console could not load <data>: it answered <status>.", presenting nothing as live
      When the console answers <route> again
      Then the trader sees the <screen> screen live again by itself, without a reload

      Examples:
        | screen          | route            | status | data                         |
        | System Status   | /api/status      | 503    | the status of the components |
        | Strategies      | /api/strategies  | 500    | the strategies               |
        | Trading         | /api/orders      | 502    | the orders                   |
        | Risk Management | /api/risk        | 504    | the risk figures             |
        | Portfolio       | /api/positions   | 503    | the positions                |
        | Market Data     | /api/market-data | 500    | the quotes                   |
