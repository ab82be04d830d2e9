"""Entry point of `python -m tpt_model`."""

import sys

from tpt_model.cli.main import main

sys.exit(main())
