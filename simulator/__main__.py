"""``python -m simulator`` is the ``salesim`` command."""

import sys

from .cli import main

sys.exit(main())
