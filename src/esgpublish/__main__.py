"""``python -m esgpublish`` → the CLI."""
from .cli import main

raise SystemExit(main())
