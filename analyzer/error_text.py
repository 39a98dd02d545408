"""The words of the errors people meet most, in English and German (part of ``i18n.CATALOGUE``).

Kept apart from ``i18n`` so that ``errors`` can build the English message from it without importing the
catalogue (which would pull the platforms into every low-level module). The CLI says them in the user's
language; every other error is said in English.
"""

STRINGS: dict[str, tuple[str, str]] = {
    "err.no_such_file": (
        "{path}: no such file or folder. Check the path to your LinkedIn export.",
        "{path}: Datei oder Ordner nicht gefunden. Prüfen Sie den Pfad zu Ihrem LinkedIn-Export.",
    ),
    "err.permission": (
        "{path}: permission denied. You need read access to the export.",
        "{path}: Zugriff verweigert. Sie brauchen Leserechte für den Export.",
    ),
    "err.not_zip": (
        "{path}: is not a ZIP file. Point the tool at the .zip LinkedIn sent you, or at the folder you extracted it to.",
        "{path}: ist keine ZIP-Datei. Geben Sie die .zip-Datei an, die LinkedIn Ihnen geschickt hat, oder den Ordner, in den Sie sie entpackt haben.",
    ),
    "err.not_an_export": (
        "{path}: does not look like a LinkedIn data export ({files} files, none of them known). Point the tool at the ZIP LinkedIn sent you (Complete_… or Basic_LinkedInDataExport_….zip) or its extracted folder.",
        "{path}: sieht nicht wie ein LinkedIn-Datenexport aus ({files} Dateien, keine davon bekannt). Geben Sie die ZIP-Datei an, die LinkedIn Ihnen geschickt hat (Complete_… oder Basic_LinkedInDataExport_….zip), oder ihren entpackten Ordner.",
    ),
    "err.empty_export": (
        "{path}: does not look like a LinkedIn data export (no files, so nothing known). Point the tool at the ZIP LinkedIn sent you (Complete_… or Basic_LinkedInDataExport_….zip) or its extracted folder.",
        "{path}: sieht nicht wie ein LinkedIn-Datenexport aus (keine Dateien, also nichts Bekanntes). Geben Sie die ZIP-Datei an, die LinkedIn Ihnen geschickt hat (Complete_… oder Basic_LinkedInDataExport_….zip), oder ihren entpackten Ordner.",
    ),
    "err.too_many_files": (
        "{path}: holds more than {limit} files; this is not what a LinkedIn export looks like.",
        "{path}: enthält mehr als {limit} Dateien; so sieht kein LinkedIn-Export aus.",
    ),
    "err.nested_too_large": (
        "{path}: holds a ZIP ({nested}) of {size}, more than the limit of {limit} (--max-member-size).",
        "{path}: enthält eine ZIP-Datei ({nested}) von {size}, mehr als die Grenze von {limit} (--max-member-size).",
    ),
    "err.nested_compressed": (
        "{path}: holds a compressed ZIP ({nested}) of {size}; extract {nested} from it once and point the tool at that file (it is the export).",
        "{path}: enthält eine komprimierte ZIP-Datei ({nested}) von {size}; entpacken Sie {nested} einmal daraus und geben Sie diese Datei an (sie ist der Export).",
    ),
    "err.letter_archive": (
        "give the export (a .zip or its folder), or --list-reasons",
        "Geben Sie den Export an (eine .zip-Datei oder ihren Ordner) oder --list-reasons",
    ),
    "err.region": (
        "{value} is neither a region ({regions}) nor a country's name or ISO code (e.g. germany, IN, 'United States').",
        "{value} ist weder eine Region ({regions}) noch der Name oder ISO-Code eines Landes (z. B. germany, IN, 'United States').",
    ),
    "err.mapping_not_regular": (
        "{path}: is not a regular file; give the path of a .toml mapping file",
        "{path}: ist keine gewöhnliche Datei; geben Sie den Pfad einer .toml-Zuordnungsdatei an",
    ),
    "err.mapping_not_found": ("{path}: mapping file not found", "{path}: Zuordnungsdatei nicht gefunden"),
    "err.mapping_permission": (
        "{path}: permission denied; you need read access to the mapping file",
        "{path}: Zugriff verweigert; Sie brauchen Leserechte für die Zuordnungsdatei",
    ),
    "err.mapping_unreadable": (
        "{path}: mapping file cannot be read ({reason})",
        "{path}: Zuordnungsdatei kann nicht gelesen werden ({reason})",
    ),
    "err.mapping_too_large": (
        "{path}: is larger than {limit} MiB; not a mapping file",
        "{path}: ist größer als {limit} MiB; keine Zuordnungsdatei",
    ),
    "err.exists": (
        "{path}: already exists; add --force to overwrite it",
        "{path}: existiert bereits; mit --force wird sie überschrieben",
    ),
    "err.is_folder": (
        "{path}: is a folder; give a file name, e.g. {example}",
        "{path}: ist ein Ordner; geben Sie einen Dateinamen an, z. B. {example}",
    ),
    "err.no_folder": (
        "{path}: folder does not exist; create it or choose another place",
        "{path}: Ordner existiert nicht; legen Sie ihn an oder wählen Sie einen anderen Ort",
    ),
    "err.not_writable": (
        "{path}: folder is not writable (read-only or no permission)",
        "{path}: In diesen Ordner kann nicht geschrieben werden (schreibgeschützt oder keine Berechtigung)",
    ),
    "err.is_input": (
        "{path}: is the export being read ({source}); choose another name, the export is never overwritten",
        "{path}: ist der Export, der gelesen wird ({source}); wählen Sie einen anderen Namen, der Export wird nie überschrieben",
    ),
    "err.inside_input": (
        "{path}: lies inside the export folder {source}; save it outside the export, which is never changed",
        "{path}: liegt im Exportordner {source}; speichern Sie außerhalb des Exports, er wird nie verändert",
    ),
    "err.not_regular": (
        "{path}: is not a regular file (a device, pipe or socket); write to a file instead",
        "{path}: ist keine gewöhnliche Datei (ein Gerät, eine Pipe oder ein Socket); schreiben Sie in eine Datei",
    ),
    "err.suffix": (
        "{option} {path}: the name must end in {suffix}, e.g. {example}",
        "{option} {path}: Der Name muss auf {suffix} enden, z. B. {example}",
    ),
    "err.disk_full": (
        "{path}: the disk is full; nothing was written",
        "{path}: Der Datenträger ist voll; es wurde nichts geschrieben",
    ),
    "err.day": (
        "{option} {value}: give the date as YYYY-MM-DD or D.M.YYYY, e.g. 2025-11-03 or 3.11.2025",
        "{option} {value}: Geben Sie das Datum als JJJJ-MM-TT oder T.M.JJJJ an, z. B. 2025-11-03 oder 3.11.2025",
    ),
    "err.limit": (
        "{option} {value}: a limit must be at least 1",
        "{option} {value}: Eine Grenze muss mindestens 1 sein",
    ),
    "err.interrupted": (
        "Interrupted; no output file was left behind.",
        "Abgebrochen; es wurde keine unvollständige Ausgabedatei hinterlassen.",
    ),
    "err.memory": (
        "Not enough memory to finish; nothing was written. Close other programs, or lower the limits (--max-member-size, --max-total-size) if this export is not a real one.",
        "Nicht genug Arbeitsspeicher, um fertig zu werden; es wurde nichts geschrieben. Schließen Sie andere Programme oder senken Sie die Grenzen (--max-member-size, --max-total-size), falls dies kein echter Export ist.",
    ),
    "err.holder": (
        "The process that compares the two exports ended unexpectedly (exit code {code}); nothing was written. If the computer ran out of memory, close other programs and try again.",
        "Der Prozess, der die beiden Exporte vergleicht, wurde unerwartet beendet (Exit-Code {code}); es wurde nichts geschrieben. Falls der Arbeitsspeicher nicht gereicht hat, schließen Sie andere Programme und versuchen Sie es erneut.",
    ),
    "err.app.bundle": (
        "The browser app is not built in {path}: run make web in the project's folder, or name the built folder with --dist.",
        "Die Browser-App ist in {path} nicht gebaut: Führen Sie make web im Ordner des Projekts aus oder nennen Sie den gebauten Ordner mit --dist.",
    ),
}
