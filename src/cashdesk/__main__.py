"""`python -m cashdesk` is the `cashdesk` command."""

import sys

from cashdesk.cli import main

sys.exit(main())
