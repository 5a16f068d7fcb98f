"""The subcommands of `treatytui`, one module each (imported only when run)."""
