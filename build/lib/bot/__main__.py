"""`python -m bot` is the `trackit` command."""

import sys

from bot.cli import main

sys.exit(main())
