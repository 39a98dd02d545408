"""LinkedIn as the scan and the CLI see it: the names below are what a second platform would provide too.

The interface is pulled out of this module when that platform arrives (see docs/ARCHITECTURE.md).
"""

from __future__ import annotations

from analyzer.platforms.linkedin import actions, facts, policy
from analyzer.platforms.linkedin.export import OWN_FOLDERS, kind_and_date, not_an_export, repacked
from analyzer.platforms.linkedin.repairs import REPAIRS

NAME = "LinkedIn"

__all__ = ["NAME", "OWN_FOLDERS", "REPAIRS", "actions", "facts", "kind_and_date", "not_an_export", "policy", "repacked"]
