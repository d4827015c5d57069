"""``python -m simulator`` is the ``salesim`` command."""

import sys

try:
    from .cli import main
except KeyboardInterrupt:  # Ctrl-C while the command was still starting
    sys.exit(130)

sys.exit(main())
