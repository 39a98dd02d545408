"""The words of the problems and notes a scan finds in an export, in English and German (part of
``i18n.CATALOGUE``; made by ``said.Said``, said in the reader's language by ``said.localized``).

``{path}`` and ``{name}`` are files of the export, ``{count}``, ``{limit}`` and ``{ratio}`` numbers; a
``{reason}`` is the system's own words (an OS or parser error), which stay as the system says them.
"""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "at": ("{path}: {text}", "{path}: {text}"),
    "size": ("{amount} {unit}", "{amount} {unit}"),
    "size.bytes": ("{count} bytes", "{count} Bytes"),
    # Opening the export: a ZIP, a cut-off ZIP, a folder.
    "problem.encrypted": (
        "{name}: is encrypted (password-protected) and cannot be read",
        "{name}: ist verschlüsselt (kennwortgeschützt) und kann nicht gelesen werden",
    ),
    "problem.unrecoverable": (
        "{name}: cannot be recovered from the incomplete ZIP",
        "{name}: lässt sich aus der unvollständigen ZIP-Datei nicht wiederherstellen",
    ),
    "problem.cut_or_limits": (
        "{name}: was cut off when the download broke off, or inflates beyond the limits; not read",
        "{name}: wurde beim Abbruch des Downloads abgeschnitten oder überschreitet entpackt die Grenzen; nicht gelesen",
    ),
    "problem.cut": (
        "{name}: was cut off when the download broke off; not read",
        "{name}: wurde beim Abbruch des Downloads abgeschnitten; nicht gelesen",
    ),
    "problem.method": (
        "{name}: uses a compression method this tool cannot read (method {method})",
        "{name}: ist mit einem Verfahren komprimiert, das dieses Programm nicht lesen kann (Methode {method})",
    ),
    "problem.duplicate": (
        "{name}: the ZIP holds this name more than once; only the first copy was read",
        "{name}: Die ZIP-Datei enthält diesen Namen mehrfach; nur die erste Kopie wurde gelesen",
    ),
    "problem.declared_too_large": (
        "{name}: declares {size} uncompressed, more than the limit of {limit}; not read (raise it with --max-member-size)",
        "{name}: gibt entpackt {size} an, mehr als die Grenze von {limit}; nicht gelesen (anheben mit --max-member-size)",
    ),
    "problem.ratio": (
        "{name}: compresses {ratio}:1, beyond the limit of {limit}:1 (a zip bomb?); not read",
        "{name}: ist im Verhältnis {ratio}:1 komprimiert, über der Grenze von {limit}:1 (eine ZIP-Bombe?); nicht gelesen",
    ),
    "problem.zip_total": (
        "{name}: the archive inflates beyond {limit} in total; this and the remaining files were not read (raise it with --max-total-size)",
        "{name}: Das Archiv ergibt entpackt insgesamt mehr als {limit}; diese und die übrigen Dateien wurden nicht gelesen (anheben mit --max-total-size)",
    ),
    "problem.too_large": (
        "{name}: is {size}, more than the limit of {limit}; not read",
        "{name}: ist {size} groß, mehr als die Grenze von {limit}; nicht gelesen",
    ),
    "problem.folder_total": (
        "{name}: the folder holds more than {limit} in total; this and the remaining files were not read (raise it with --max-total-size)",
        "{name}: Der Ordner enthält insgesamt mehr als {limit}; diese und die übrigen Dateien wurden nicht gelesen (anheben mit --max-total-size)",
    ),
    "problem.symlink": (
        "{name}: is a symbolic link; not followed",
        "{name}: ist eine symbolische Verknüpfung; ihr wurde nicht gefolgt",
    ),
    "problem.not_regular": (
        "{name}: is not a regular file (a pipe, socket or device); not read",
        "{name}: ist keine gewöhnliche Datei (eine Pipe, ein Socket oder ein Gerät); nicht gelesen",
    ),
    "problem.folder_permission": (
        "{name}: permission denied; this folder was not read",
        "{name}: Zugriff verweigert; dieser Ordner wurde nicht gelesen",
    ),
    "problem.folder_unlisted": (
        "{name}: cannot be listed ({reason})",
        "{name}: Inhalt kann nicht aufgelistet werden ({reason})",
    ),
    # Reading a file within the limits.
    "problem.inflates_total": (
        "{name}: the archive inflates beyond {limit} in total; not read further (raise it with --max-total-size)",
        "{name}: Das Archiv ergibt entpackt insgesamt mehr als {limit}; nicht weiter gelesen (anheben mit --max-total-size)",
    ),
    "problem.inflates_ratio": (
        "{name}: the archive inflates to more than {ratio} times its own size (a zip bomb?); not read further (raise it with --max-ratio if this is a real export)",
        "{name}: Das Archiv ergibt entpackt mehr als das {ratio}-Fache seiner Größe (eine ZIP-Bombe?); nicht weiter gelesen (anheben mit --max-ratio, wenn es ein echter Export ist)",
    ),
    "problem.damaged": (
        "{name}: is damaged inside the ZIP ({reason}); read up to the damage",
        "{name}: ist in der ZIP-Datei beschädigt ({reason}); bis zur beschädigten Stelle gelesen",
    ),
    "problem.cannot_read": ("{name}: cannot be read ({reason})", "{name}: kann nicht gelesen werden ({reason})"),
    "problem.member_limit": (
        "{name} inflates beyond {limit}; it was not read further (raise the limit with --max-member-size if this is a real export)",
        "{name} ergibt entpackt mehr als {limit}; nicht weiter gelesen (anheben mit --max-member-size, wenn es ein echter Export ist)",
    ),
    "problem.member_ratio": (
        "{name}: inflates to more than {ratio} times its compressed size (a zip bomb?); not read further (raise it with --max-ratio)",
        "{name}: ergibt entpackt mehr als das {ratio}-Fache seiner komprimierten Größe (eine ZIP-Bombe?); nicht weiter gelesen (anheben mit --max-ratio)",
    ),
    # The readers.
    "problem.unreadable": ("{path}: could not be read ({reason})", "{path}: konnte nicht gelesen werden ({reason})"),
    "problem.too_many_columns": (
        "{path}: has {count} columns, more than the limit of {limit} (--max-columns); not read",
        "{path}: hat {count} Spalten, mehr als die Grenze von {limit} (--max-columns); nicht gelesen",
    ),
    "problem.no_column_names": (
        "{path}: has no column names (the first line holds only separators); not read",
        "{path}: hat keine Spaltennamen (die erste Zeile enthält nur Trennzeichen); nicht gelesen",
    ),
    "problem.unnamed_first_column": (
        "{path}: its first column has no name, like the index column pandas writes: was the file saved again by a program? (The column is shown as “(unnamed column)”.)",
        "{path}: Die erste Spalte hat keinen Namen, wie die Indexspalte, die pandas schreibt: Wurde die Datei von einem Programm neu gespeichert? (Die Spalte erscheint als „(Spalte ohne Namen)“.)",
    ),
    "problem.long_line": (
        "{path}: a line is longer than {limit} MiB characters; reading stopped there",
        "{path}: Eine Zeile ist länger als {limit} MiB Text; dort endete das Lesen",
    ),
    "problem.long_field": (
        "a field is longer than {limit} MiB characters",
        "ein Feld ist länger als {limit} MiB Text",
    ),
    "problem.stopped": (
        "{path}: stopped reading after record {count}: {reason}",
        "{path}: Lesen nach Eintrag {count} beendet: {reason}",
    ),
    "problem.stopped_after": (
        "{problem}; stopped after record {count}",
        "{problem}; Lesen nach Eintrag {count} beendet",
    ),
    "problem.placeholder_and_more": (
        "{path}: starts with “{text}” but has more text after it; not read",
        "{path}: beginnt mit „{text}“, enthält danach aber weiteren Text; nicht gelesen",
    ),
    "problem.short_records.one": (
        "{path}: {count} record had fewer columns than the header (missing cells left empty)",
        "{path}: {count} Eintrag hatte weniger Spalten als die Kopfzeile (fehlende Zellen bleiben leer)",
    ),
    "problem.short_records": (
        "{path}: {count} records had fewer columns than the header (missing cells left empty)",
        "{path}: {count} Einträge hatten weniger Spalten als die Kopfzeile (fehlende Zellen bleiben leer)",
    ),
    "problem.long_records.one": (
        "{path}: {count} record had more columns than the header (extra cells joined into the last column)",
        "{path}: {count} Eintrag hatte mehr Spalten als die Kopfzeile (überzählige Zellen in der letzten Spalte zusammengefasst)",
    ),
    "problem.long_records": (
        "{path}: {count} records had more columns than the header (extra cells joined into the last column)",
        "{path}: {count} Einträge hatten mehr Spalten als die Kopfzeile (überzählige Zellen in der letzten Spalte zusammengefasst)",
    ),
    "problem.replaced_bytes.one": (
        "{path}: {count} byte could not be decoded as {encoding} and was replaced with �",
        "{path}: {count} Byte ließ sich nicht als {encoding} lesen und wurde durch � ersetzt",
    ),
    "problem.replaced_bytes": (
        "{path}: {count} bytes could not be decoded as {encoding} and were replaced with �",
        "{path}: {count} Bytes ließen sich nicht als {encoding} lesen und wurden durch � ersetzt",
    ),
    "problem.utf32_no_bom": (
        "is UTF-32 without a byte-order mark; read as {codec}",
        "ist UTF-32 ohne Byte-Order-Mark; als {codec} gelesen",
    ),
    "problem.utf16_no_bom": (
        "is UTF-16 without a byte-order mark; read as {codec}",
        "ist UTF-16 ohne Byte-Order-Mark; als {codec} gelesen",
    ),
    "problem.xls": (
        "is an old Excel workbook (.xls), not LinkedIn's CSV: was it saved again by a spreadsheet program? Not read",
        "ist eine alte Excel-Arbeitsmappe (.xls), nicht LinkedIns CSV-Datei: Wurde sie von einer Tabellenkalkulation neu gespeichert? Nicht gelesen",
    ),
    "problem.binary": (
        "is not a text file (binary data); not read",
        "ist keine Textdatei (Binärdaten); nicht gelesen",
    ),
    "problem.cp1252": (
        "is not UTF-8; read as Windows-1252 (cp1252), check accented letters",
        "ist nicht UTF-8; als Windows-1252 (cp1252) gelesen, prüfen Sie Umlaute und Akzente",
    ),
    "problem.latin1": (
        "is not UTF-8; read as Latin-1 (ISO 8859-1), check accented letters",
        "ist nicht UTF-8; als Latin-1 (ISO 8859-1) gelesen, prüfen Sie Umlaute und Akzente",
    ),
    "problem.article_too_large": (
        "{path}: larger than {limit} MiB; not read as an article",
        "{path}: größer als {limit} MiB; nicht als Artikel gelesen",
    ),
    "problem.html_unparsable": (
        "{path}: the HTML could not be parsed ({reason})",
        "{path}: Das HTML ließ sich nicht auswerten ({reason})",
    ),
    "note.preamble": (
        "skipped LinkedIn's 'Notes:' preamble before the header",
        "LinkedIns Vorspann „Notes:“ vor der Kopfzeile übersprungen",
    ),
    "note.empty": ("the file is empty", "die Datei ist leer"),
    "note.placeholder": (
        "LinkedIn wrote “{text}” instead of a table: no records",
        "LinkedIn hat „{text}“ statt einer Tabelle geschrieben: keine Einträge",
    ),
    "note.empty_rows": ("{count} empty rows skipped", "{count} leere Zeilen übersprungen"),
    "note.empty_rows.one": ("{count} empty row skipped", "{count} leere Zeile übersprungen"),
    "note.comments_repairs": (
        "read with the Comments.csv repairs (unquoted line breaks)",
        "mit den Reparaturen für Comments.csv gelesen (Zeilenumbrüche ohne Anführungszeichen)",
    ),
    "note.comments_repairs.escapes": (
        'read with the Comments.csv repairs (unquoted line breaks, \\" escapes)',
        'mit den Reparaturen für Comments.csv gelesen (Zeilenumbrüche ohne Anführungszeichen, \\"-Maskierungen)',
    ),
    # Counting.
    "problem.header_differs": (
        "{path}: its header differs from {header}; not counted with the other parts",
        "{path}: Die Kopfzeile weicht von {header} ab; nicht mit den anderen Teilen gezählt",
    ),
    "problem.header_differs.frame": (
        "{path}: its header differs from {header}; left out of the frame",
        "{path}: Die Kopfzeile weicht von {header} ab; nicht in die Tabelle übernommen",
    ),
    "problem.bad_dates.one": (
        "{name}: {count} date could not be read (not guessed; left out of the timeline)",
        "{name}: {count} Datumsangabe war nicht lesbar (nicht geraten; nicht im Zeitverlauf)",
    ),
    "problem.bad_dates": (
        "{name}: {count} dates could not be read (not guessed; left out of the timeline)",
        "{name}: {count} Datumsangaben waren nicht lesbar (nicht geraten; nicht im Zeitverlauf)",
    ),
    "problem.bad_dates.spreadsheet.one": (
        "{name}: {count} date could not be read (not guessed; left out of the timeline); it looks like a spreadsheet's date ({sample}): was the file re-saved?",
        "{name}: {count} Datumsangabe war nicht lesbar (nicht geraten; nicht im Zeitverlauf); sie sieht aus wie ein Datum einer Tabellenkalkulation ({sample}): Wurde die Datei neu gespeichert?",
    ),
    "problem.bad_dates.spreadsheet": (
        "{name}: {count} dates could not be read (not guessed; left out of the timeline); they look like a spreadsheet's dates ({sample}): was the file re-saved?",
        "{name}: {count} Datumsangaben waren nicht lesbar (nicht geraten; nicht im Zeitverlauf); sie sehen aus wie Datumsangaben einer Tabellenkalkulation ({sample}): Wurde die Datei neu gespeichert?",
    ),
    "note.repacked": (
        "the export was re-packed: {files} sit at the top level, where LinkedIn puts them into Articles/, Jobs/ or Verifications/; they are read as the same files",
        "Der Export wurde neu gepackt: {files} liegen auf der obersten Ebene, wo LinkedIn sie in Articles/, Jobs/ oder Verifications/ ablegt; sie werden als dieselben Dateien gelesen",
    ),
    "note.repacked.more": (
        "the export was re-packed: {files} and {more} more sit at the top level, where LinkedIn puts them into Articles/, Jobs/ or Verifications/; they are read as the same files",
        "Der Export wurde neu gepackt: {files} und {more} weitere liegen auf der obersten Ebene, wo LinkedIn sie in Articles/, Jobs/ oder Verifications/ ablegt; sie werden als dieselben Dateien gelesen",
    ),
    "region.how": ('{file} "{column}": {value}', "{file} „{column}“: {value}"),
    "note.unnamed": (
        "your name is not in the export, so the words you wrote here could not be told apart",
        "Ihr Name steht nicht im Export, daher ließen sich die Wörter, die Sie hier geschrieben haben, nicht von denen anderer unterscheiden",
    ),
    "note.unnamed.profile": (
        "your name is not in {file}, so the words you wrote here could not be told apart; none were counted",
        "Ihr Name steht nicht in {file}, daher ließen sich die Wörter, die Sie hier geschrieben haben, nicht von denen anderer unterscheiden; keine wurden gezählt",
    ),
}
