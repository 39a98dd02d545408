"""The words of ``compare`` (terminal, workbook, HTML), in English and German; merged into ``i18n.CATALOGUE``."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "cmp.title": ("What changed between your two exports", "Was sich zwischen Ihren beiden Exporten geändert hat"),
    "cmp.progress": ("Reading both exports", "Beide Exporte werden gelesen"),
    "cmp.old": ("Old: {source}", "Alt: {source}"),
    "cmp.new": ("New: {source}", "Neu: {source}"),
    "cmp.same": (
        "These are the same export (both files have the SHA-256 {sha256}): nothing changed between them.",
        "Das ist derselbe Export (beide Dateien haben die SHA-256 {sha256}): Zwischen ihnen hat sich nichts geändert.",
    ),
    "cmp.swapped": (
        "The first export you named is the newer one ({first}); they are compared the other way round.",
        "Der zuerst genannte Export ist der neuere ({first}); sie werden umgekehrt verglichen.",
    ),
    "cmp.headline": (
        "Since your export of {date}: {new} ({words} of your own words) in likely used data; {gone} no longer in the export.",
        "Seit Ihrem Export vom {date}: {new} ({words} Ihrer eigenen Wörter) in wahrscheinlich genutzten Daten; {gone} nicht mehr im Export.",
    ),
    "cmp.headline.one": (
        "Since your export of {date}: 1 new {thing} ({words} of your own words) in likely used data; {gone} no longer in the export.",
        "Seit Ihrem Export vom {date}: 1 neuer Eintrag ({thing}, {words} Ihrer eigenen Wörter) in wahrscheinlich genutzten Daten; {gone} nicht mehr im Export.",
    ),
    "cmp.headline.nothing": (
        "Since your export of {date}: nothing new in likely used data; {gone} no longer in the export.",
        "Seit Ihrem Export vom {date}: nichts Neues in wahrscheinlich genutzten Daten; {gone} nicht mehr im Export.",
    ),
    "cmp.new_items": ("{count} new {things}", "{count} neue {things}"),
    "cmp.records": ("records", "Einträge"),
    "cmp.and": ("and", "und"),
    "cmp.more": ("and other records", "und weitere Einträge"),
    "cmp.gone": ("{count} records", "{count} Einträge"),
    "cmp.gone.one": ("1 record", "1 Eintrag"),
    "cmp.opt_out": (
        "Of the new ones, {after} were created on or after {date}, when you switched AI training off (they are no "
        "longer used for training), and {before} before (they may already have been used).",
        "Von den neuen sind {after} am {date} oder später entstanden, nachdem Sie das KI-Training abgeschaltet hatten "
        "(sie werden nicht mehr für Training genutzt), und {before} davor (sie können bereits genutzt worden sein).",
    ),
    "cmp.basic": (
        "One of the two is a Basic export, which lacks most content: {count} records of files only the "
        "Complete export has are left out of these figures, not counted as added or deleted.",
        "Einer der beiden ist ein Basis-Export, dem die meisten Inhalte fehlen: {count} Einträge aus Dateien, "
        "die nur der vollständige Export hat, sind in diesen Zahlen nicht enthalten und gelten weder als neu noch als gelöscht.",
    ),
    "cmp.region": (
        "Your region changed: {old} in the old export, {new} in the new one, where LinkedIn's AI training began on {start}.",
        "Ihre Region hat sich geändert: {old} im alten Export, {new} im neuen; dort begann LinkedIns KI-Training am {start}.",
    ),
    "cmp.region.nostart": (
        "Your region changed: {old} in the old export, {new} in the new one.",
        "Ihre Region hat sich geändert: {old} im alten Export, {new} im neuen.",
    ),
    "cmp.region.unknown": ("unknown", "unbekannt"),
    "cmp.categories.title": ("Per category", "Nach Kategorie"),
    "cmp.datasets.title": ("Per file (only those that changed)", "Nach Datei (nur die geänderten)"),
    "cmp.col.old": ("only old", "nur alt"),
    "cmp.col.new": ("only new", "nur neu"),
    "cmp.col.both": ("in both", "in beiden"),
    "cmp.col.words": ("own words, new", "eigene Wörter, neu"),
    "cmp.col.after": ("new since switch-off", "neu seit Abschalten"),
    "cmp.col.file": ("File", "Datei"),
    "cmp.col.note": ("Note", "Hinweis"),
    "cmp.nothing_changed": ("No file changed.", "Keine Datei hat sich geändert."),
    "cmp.not_in_basic": ("not in the Basic export", "nicht im Basis-Export"),
    "cmp.format.title": ("Files and columns that came or went", "Dateien und Spalten, die hinzukamen oder fehlen"),
    "cmp.file_added": ("{name}: new file {files}", "{name}: neue Datei {files}"),
    "cmp.file_removed": ("{name}: file no longer there: {files}", "{name}: Datei nicht mehr vorhanden: {files}"),
    "cmp.column_added": ("{name}: new column {columns}", "{name}: neue Spalte {columns}"),
    "cmp.column_removed": (
        "{name}: column no longer there: {columns}",
        "{name}: Spalte nicht mehr vorhanden: {columns}",
    ),
    "cmp.unmapped_added": ("Not in the mapping, new: {files}", "Nicht zugeordnet, neu: {files}"),
    "cmp.unmapped_removed": (
        "Not in the mapping, no longer there: {files}",
        "Nicht zugeordnet, nicht mehr vorhanden: {files}",
    ),
    "cmp.how": (
        "Records are matched by the columns the mapping names for each file (date and link for posts, "
        "conversation, date and sender for messages …), or else by every column both exports have; white space, "
        "line endings and case in text and the separators in dates do not count. Both exports were read with mapping {version}, so a "
        "file's label is the same in both.",
        "Einträge werden über die Spalten abgeglichen, die die Zuordnung je Datei nennt (Datum und Link bei "
        "Beiträgen, Unterhaltung, Datum und Absender bei Nachrichten …), sonst über alle Spalten, die beide Exporte "
        "haben; Leerraum, Zeilenenden und Groß- und Kleinschreibung im Text sowie die Trennzeichen in Datumsangaben zählen nicht. Beide Exporte wurden "
        "mit der Zuordnung {version} gelesen, eine Datei hat also in beiden dieselbe Einstufung.",
    ),
    "cmp.problems": (
        "{old} problems in the old export, {new} in the new one: scan each for the details.",
        "{old} Probleme im alten Export, {new} im neuen: Einzelheiten zeigt der Scan jedes Exports.",
    ),
    "cmp.sheet": ("Comparison", "Vergleich"),
    "cmp.sheet.files": ("Files", "Dateien"),
    "cmp.html.old": ("Old export (file, SHA-256)", "Alter Export (Datei, SHA-256)"),
    "cmp.html.new": ("New export (file, SHA-256)", "Neuer Export (Datei, SHA-256)"),
}
