"""The bundle's entry point: the `cashdesk` command (packaging/cashdesk.spec).

freeze_support first: `cashdesk demo-data` builds large cities in worker processes, which a
frozen program starts as itself.
"""

import multiprocessing
import sys

from cashdesk.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
