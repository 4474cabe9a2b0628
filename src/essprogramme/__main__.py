"""``python -m essprogramme``: the command line."""

from .cli import main

raise SystemExit(main())
