"""`python -m treatytui`."""

from treatytui.cli import main

raise SystemExit(main())
