"""The words of a mapping file's problems (``mapping check``, a bad ``--mapping``), in English and German (part
of ``i18n.CATALOGUE``; made by ``said.Said``, said in the reader's language by ``said.localized``).

``{where}`` is the place in the file (``linkedin.toml: datasets[24] 'Shares.csv'``), and the mapping's keys,
values and the TOML snippets stay as they are written in the file (``status 'maybe'``, ``where_empty =
"column"``): they are code the reader types. Only the sentence around them is said in German.
"""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    # The headlines.
    "mapping.invalid_toml": ("{where}: not valid TOML", "{where}: kein gültiges TOML"),
    "mapping.invalid": ("{where}: not a valid mapping", "{where}: keine gültige Zuordnung"),
    "mapping.invalid.count": (
        "{where}: not a valid mapping ({count} problems)",
        "{where}: keine gültige Zuordnung ({count} Probleme)",
    ),
    "mapping.invalid.count.one": (
        "{where}: not a valid mapping ({count} problem)",
        "{where}: keine gültige Zuordnung ({count} Problem)",
    ),
    "mapping.invalid.unsafe": (
        "{where}: not a valid mapping (control characters in {places} places)",
        "{where}: keine gültige Zuordnung (Steuerzeichen an {places} Stellen)",
    ),
    "mapping.invalid.policy": (
        "{where}: not a valid mapping for {platform}'s policy",
        "{where}: keine gültige Zuordnung für die Richtlinie von {platform}",
    ),
    "mapping.extending": ("{name} (extending the built-in mapping)", "{name} (erweitert die mitgelieferte Zuordnung)"),
    # Reading the file.
    "mapping.too_deep": (
        "{name}: tables or lists nested too deeply",
        "{name}: Tabellen oder Listen zu tief verschachtelt",
    ),
    "mapping.control": (
        "{name}: {at}: holds {char}, a control or bidi character",
        "{name}: {at}: enthält {char}, ein Steuer- oder Bidi-Zeichen",
    ),
    "mapping.extends": (
        '{where}: extends = {value}: only "{builtin}" can be extended',
        '{where}: extends = {value}: nur "{builtin}" lässt sich erweitern',
    ),
    # Any entry.
    "mapping.unknown_key": (
        "{where}: unknown key {item} (allowed: {allowed})",
        "{where}: unbekannter Schlüssel {item} (erlaubt: {allowed})",
    ),
    "mapping.missing": ("{where}: missing {item}", "{where}: {item} fehlt"),
    "mapping.not_a_table": ("{where}: must be a table", "{where}: muss eine Tabelle sein"),
    "mapping.part_not_a_table": ("{where} must be a table", "{where} muss eine Tabelle sein"),
    "mapping.section_empty": (
        "{where}: [{section}] must define at least one entry",
        "{where}: [{section}] muss mindestens einen Eintrag enthalten",
    ),
    "mapping.not_one_of": (
        "{where}: {what} {value} is not one of {allowed}",
        "{where}: {what} {value} ist keiner der Werte {allowed}",
    ),
    "mapping.not_a_date": (
        "{where}: {what} must be a date like 2025-11-03",
        "{where}: {what} muss ein Datum wie 2025-11-03 sein",
    ),
    "mapping.text_not_a_table": (
        "{where}: {what} must be a table with 'en' and 'de' text",
        "{where}: {what} muss eine Tabelle mit Text unter 'en' und 'de' sein",
    ),
    "mapping.unknown_language": (
        "{where}: {what}: unknown language {extra} (allowed: en, de)",
        "{where}: {what}: unbekannte Sprache {extra} (erlaubt: en, de)",
    ),
    "mapping.missing_en": (
        "{where}: {what}: missing English text ({field})",
        "{where}: {what}: englischer Text fehlt ({field})",
    ),
    "mapping.missing_de": (
        "{where}: {what}: missing German text ({field})",
        "{where}: {what}: deutscher Text fehlt ({field})",
    ),
    "mapping.sources_not_a_list": (
        "{where}: sources must be a non-empty list of source keys",
        "{where}: sources muss eine nicht leere Liste von Quellenschlüsseln sein",
    ),
    "mapping.unknown_source": ("{where}: unknown source key {item}", "{where}: unbekannter Quellenschlüssel {item}"),
    "mapping.reason_needed": (
        "reason (needed when status overrides the category)",
        "reason (nötig, wenn status vom Status der Kategorie abweicht)",
    ),
    # The top level and the sources.
    "mapping.policy_effective": (
        "{where}: policy_effective is no longer read: when training started in each region is part of the platform's "
        "policy (shown in every report); remove the line",
        "{where}: policy_effective wird nicht mehr gelesen: Wann das Training in jeder Region begann, gehört zur "
        "Richtlinie der Plattform (in jedem Bericht gezeigt); entfernen Sie die Zeile",
    ),
    "mapping.no_url": (
        "{where}: source without URL (url must start with https://)",
        "{where}: Quelle ohne URL (url muss mit https:// beginnen)",
    ),
    "mapping.title_de": ("{where}: title_de must be a text", "{where}: title_de muss ein Text sein"),
    "mapping.seen": (
        "{where}: seen must be a date like 2026-11-29",
        "{where}: seen muss ein Datum wie 2026-11-29 sein",
    ),
    "mapping.seen_and_known": (
        "{where}: give either seen (the day it was read) or known (how it is known), not both",
        "{where}: Geben Sie entweder seen (den Tag, an dem sie gelesen wurde) oder known (woher sie bekannt ist) an, nicht beides",
    ),
    # The datasets.
    "mapping.no_datasets": (
        "{where}: [[datasets]] must define at least one dataset",
        "{where}: [[datasets]] muss mindestens einen Eintrag enthalten",
    ),
    "mapping.duplicate_name": (
        "{where}: another dataset already has the name {name}",
        "{where}: Ein anderer Eintrag in datasets hat bereits den Namen {name}",
    ),
    "mapping.same_records_unknown": (
        "{where}: datasets {name}: same_records_as {other} is no dataset",
        "{where}: datasets {name}: same_records_as {other} ist kein Eintrag in datasets",
    ),
    "mapping.same_records_no_column": (
        "{where}: datasets {name}: same_records_as {other}, but no column is in both",
        "{where}: datasets {name}: same_records_as {other}, aber keine Spalte steht in beiden",
    ),
    "mapping.same_records_other": (
        "{where}: same_records_as must name another dataset",
        "{where}: same_records_as muss einen anderen Eintrag in datasets nennen",
    ),
    "mapping.name_not_text": (
        "{where}: name must be the file's name as text",
        "{where}: name muss der Name der Datei als Text sein",
    ),
    "mapping.patterns": (
        "{where}: patterns must be a non-empty list of file paths",
        "{where}: patterns muss eine nicht leere Liste von Dateipfaden sein",
    ),
    "mapping.pattern_backtracks": (
        "{where}: pattern {pattern}: at most one '**/' and one '*' or '<n>' per name",
        "{where}: Muster {pattern}: höchstens ein '**/' und ein '*' oder '<n>' je Name",
    ),
    "mapping.pattern_invalid": (
        "{where}: pattern {pattern} is not valid ({reason})",
        "{where}: Muster {pattern} ist ungültig ({reason})",
    ),
    "mapping.pattern_nothing": (
        "{where}: pattern {pattern} matches no file in any known export layout",
        "{where}: Muster {pattern} passt auf keine Datei eines bekannten Export-Layouts",
    ),
    "mapping.overlap": (
        "{where}: datasets {names} overlap: both match {path}",
        "{where}: datasets {names} überschneiden sich: beide passen auf {path}",
    ),
    "mapping.unknown_category": ("{where}: unknown category {value}", "{where}: unbekannte Kategorie {value}"),
    "mapping.layouts": (
        "{where}: layouts must be a list of headers (lists of column names)",
        "{where}: layouts muss eine Liste von Kopfzeilen sein (Listen von Spaltennamen)",
    ),
    "mapping.layout": (
        "{where}: layouts[{index}] must be a non-empty list of column names",
        "{where}: layouts[{index}] muss eine nicht leere Liste von Spaltennamen sein",
    ),
    "mapping.columns": (
        "{where}: columns must be a table of column name = role",
        "{where}: columns muss eine Tabelle aus Spaltenname = Rolle sein",
    ),
    "mapping.unknown_role": (
        "{where}: column {column}: role {role} is not one of {allowed}",
        "{where}: Spalte {column}: Rolle {role} ist keiner der Werte {allowed}",
    ),
    "mapping.column_twice": (
        "{where}: column {column} is listed twice (also as {other})",
        "{where}: Spalte {column} ist zweimal aufgeführt (auch als {other})",
    ),
    "mapping.column_no_role": (
        "{where}: column {column} of a known layout has no role in 'columns'",
        "{where}: Spalte {column} eines bekannten Layouts hat keine Rolle in 'columns'",
    ),
    "mapping.column_no_layout": (
        "{where}: column {column} has a role but appears in no layout",
        "{where}: Spalte {column} hat eine Rolle, steht aber in keinem Layout",
    ),
    "mapping.authored_when": (
        '{where}: authored_when must be a list of {{ column = "…", equals = "…" }}',
        '{where}: authored_when muss eine Liste aus {{ column = "…", equals = "…" }} sein',
    ),
    "mapping.authored_when.entry": (
        '{where}: authored_when[{index}] must be {{ column = "…", equals = "…" }}',
        '{where}: authored_when[{index}] muss {{ column = "…", equals = "…" }} sein',
    ),
    "mapping.authored_when.column": (
        "{where}: authored_when[{index}]: column {column} is not in 'columns'",
        "{where}: authored_when[{index}]: Spalte {column} steht nicht in 'columns'",
    ),
    "mapping.identity": (
        "{where}: identity must be a non-empty list of column names",
        "{where}: identity muss eine nicht leere Liste von Spaltennamen sein",
    ),
    "mapping.identity.column": (
        "{where}: identity: column {column} is not in 'columns'",
        "{where}: identity: Spalte {column} steht nicht in 'columns'",
    ),
    "mapping.placeholders": (
        "{where}: placeholders must be a list of values or a table of column = [values]",
        "{where}: placeholders muss eine Liste von Werten oder eine Tabelle aus Spalte = [Werte] sein",
    ),
    "mapping.placeholders.column": (
        "{where}: placeholders: column {column} is not in 'columns'",
        "{where}: placeholders: Spalte {column} steht nicht in 'columns'",
    ),
    "mapping.placeholders.values": (
        "{where}: placeholders: {column} must be a non-empty list of values",
        "{where}: placeholders: {column} muss eine nicht leere Liste von Werten sein",
    ),
    # A split and a region's label.
    "mapping.name_de": (
        "{where}: missing 'name_de' (the name in German)",
        "{where}: 'name_de' fehlt (der Name auf Deutsch)",
    ),
    "mapping.split.column": (
        "{where}: {column} is not a column of {parent}",
        "{where}: {column} ist keine Spalte von {parent}",
    ),
    "mapping.split.rule": (
        '{where}: give one of where_empty = "column" or where = {{ column = …, equals = […] }}',
        '{where}: Geben Sie entweder where_empty = "column" oder where = {{ column = …, equals = […] }} an',
    ),
    "mapping.split.where_empty": (
        "{where}: where_empty must name a column",
        "{where}: where_empty muss eine Spalte nennen",
    ),
    "mapping.split.where": (
        '{where}: where must be {{ column = "…", equals = ["…", …] }}',
        '{where}: where muss {{ column = "…", equals = ["…", …] }} sein',
    ),
    "mapping.regions": (
        "{where}: regions must be a table of region = {{ status, confidence, reason, sources }}",
        "{where}: regions muss eine Tabelle aus Region = {{ status, confidence, reason, sources }} sein",
    ),
    # What the platform's policy cites.
    "mapping.cites": (
        "{what} cites the source {source}, which the mapping does not define",
        "{what} nennt die Quelle {source}, die in der Zuordnung fehlt",
    ),
    "mapping.cites.action": ("action {item}", "Schritt {item}"),
    "mapping.cites.region": ("region {item}", "Region {item}"),
    "mapping.cites.letter": ("the objection letter", "der Widerspruchsbrief"),
    "mapping.unknown_region": (
        "datasets {name}: regions: unknown region {region} (known: {known})",
        "datasets {name}: regions: unbekannte Region {region} (bekannt: {known})",
    ),
}
