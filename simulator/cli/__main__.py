"""``python -m simulator.cli`` is the ``salesim`` command, as ``python -m simulator`` is."""

import sys

from . import main

sys.exit(main())
