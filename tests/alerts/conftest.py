"""The workflow tests' office (`people`) and helpers, for the notification tests."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "workflows"))

from tests.workflows.conftest import people  # noqa: E402, F401
