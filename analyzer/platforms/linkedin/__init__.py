"""Everything LinkedIn-specific: export names and folders, CSV repairs, member facts, policy, wording.

The scan reaches it through ``platforms.platform_for(mapping.platform)``; what it uses of this package
(the names below) is what a second platform would provide too. The interface is pulled out of it when
that platform arrives.
"""

from __future__ import annotations

from analyzer.platforms.linkedin import facts, policy
from analyzer.platforms.linkedin.export import OWN_FOLDERS, kind_and_date, not_an_export
from analyzer.platforms.linkedin.repairs import REPAIRS

NAME = "LinkedIn"

__all__ = ["NAME", "OWN_FOLDERS", "REPAIRS", "facts", "kind_and_date", "not_an_export", "policy"]
