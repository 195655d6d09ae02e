"""`python -m cashdesk.cli` is the `cashdesk` command, as `python -m cashdesk` is."""

import sys

from cashdesk.cli import main

sys.exit(main())
