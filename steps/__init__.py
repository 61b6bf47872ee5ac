"""Step definitions: thin glue from the Gherkin of `features/` to the page objects of `pages/`."""
