@performance
Feature: Performance: screens ready in time, prompt answers, steady memory
  The test plan's performance checklist: every page loads in less than 3 seconds, every API answers in less than a
  second, and memory use stays stable with no leaks; and, from its mobile checklist, the console performs on a phone.
  Times are measured by the browser itself, from the start of the navigation: a screen is ready once it has loaded
  and shows its data. A live screen left open is watched for half a minute of price ticks, and must end it with about
  as many page elements and as much memory (after garbage collection) as it began with; the budgets are in the
  suite's configuration. Memory and a slow processor can only be measured and simulated on Chromium: on other
  browsers those scenarios are skipped with that reason. Each scenario has an account of its own.

  Rule: Every screen is ready within 3 seconds

    @measured_alone
    Scenario Outline: The <screen> screen loads and shows its data within the page-load budget
      Given a trader is signed in
      And the trader has bought 10,000 EURUSD at the market
      When the trader opens the <screen> screen, timed from the navigation
      Then the trader saw the screen loaded and showing its data within the page-load budget

      Examples:
        | screen          |
        | System Status   |
        | Strategies      |
        | Trading         |
        | Risk Management |
        | Portfolio       |
        | Market Data     |

  Rule: Every call a screen makes to the console answers within a second

    @measured_alone
    Scenario Outline: Every call of the <screen> screen to the console answers within the API budget
      Given a trader is signed in
      And the trader has bought 10,000 EURUSD at the market
      When the trader opens the <screen> screen, timed from the navigation
      Then the trader saw every call of the screen to the console answered within the API budget

      Examples:
        | screen          |
        | System Status   |
        | Strategies      |
        | Trading         |
        | Risk Management |
        | Portfolio       |
        | Market Data     |

  Rule: A live screen left open keeps its memory stable

    Scenario Outline: The <screen> screen left open for half a minute of ticks keeps its size and memory
      Given a trader is signed in
      And the trader has bought 10,000 EURUSD at the market
      And the trader has the <screen> screen open
      When the trader leaves the screen open while prices tick
      Then the trader's screen holds about as many page elements as when the prices began to tick
      And the trader's screen uses about as much memory as when the prices began to tick

      Examples:
        | screen      |
        | Market Data |
        | Trading     |
        | Portfolio   |

  Rule: On a phone with a slow processor the System Status screen is still ready in time

    # The phone has opened the console before (its browser holds the console's scripts and styles), as a trader's
    # phone does on any day but the first: the first visit ever, every file fetched and compiled on a processor four
    # times slower, took 1.9 to 2.4 s on the 2-core build machine, at the budget, with or without a defect.
    @measured_alone
    Scenario: The System Status screen is ready within its response-time budget on a phone four times slower
      Given a trader is signed in on a Pixel 7
      And the trader has the System Status screen open
      And the trader's phone computes four times slower than a desktop computer
      When the trader opens the System Status screen, timed from the navigation
      Then the trader saw the System Status screen ready within its response-time budget
