"""Page objects: one class per screen of the console; the only place where selectors live."""
