"""Modal dialogs over the reader's screens: export a view to a file, and help."""
