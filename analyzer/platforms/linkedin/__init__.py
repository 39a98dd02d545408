"""Everything LinkedIn-specific: export names and folders, CSV repairs, member facts, policy, wording.

What the scan and the CLI use of it is gathered in ``platform.py`` (``platforms.platform_for`` returns
that module). This file imports nothing, so that the catalogue can take ``wording`` and ``letter_text``
without loading the rest.
"""
