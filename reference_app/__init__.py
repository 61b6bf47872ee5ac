"""Reference trading console: the application the acceptance specs run against out of the box."""
