"""The browser app's own words (``web.`` keys: the page around the report, and the ``app`` command), merged into
the catalogue (``i18n.CATALOGUE``); web/build.py writes the page's keys into the bundle for both languages."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "web.title": (
        "What of your data LinkedIn likely uses for AI training",
        "Was LinkedIn von Ihren Daten wohl für KI-Training nutzt",
    ),
    "web.promise": (
        "The page loaded once; your file is read only inside this browser; it works with the network switched off.",
        "Die Seite wurde einmal geladen; Ihre Datei wird nur in diesem Browser gelesen; sie funktioniert auch bei ausgeschaltetem Netzwerk.",
    ),
    "web.pick": ("Choose your LinkedIn export (the .zip file)", "LinkedIn-Export wählen (die .zip-Datei)"),
    "web.drop": ("or drop it on this box.", "oder ziehen Sie ihn auf dieses Feld."),
    "web.starting": (
        "Starting Python inside your browser (a few seconds, once per visit) …",
        "Python wird in Ihrem Browser gestartet (einige Sekunden, einmal pro Besuch) …",
    ),
    "web.ready": ("Ready: choose your export.", "Bereit: Wählen Sie Ihren Export."),
    "web.reading": ("Reading {name} …", "{name} wird gelesen …"),
    "web.progress": ("{percent}% read · {file}", "{percent}\u00a0% gelesen · {file}"),
    "web.failed": ("The export could not be read.", "Der Export konnte nicht gelesen werden."),
    "web.broken": (
        "The app could not start in this browser: {reason}",
        "Die App konnte in diesem Browser nicht starten: {reason}",
    ),
    "web.done": ("Your report on {name}:", "Ihr Bericht zu {name}:"),
    "web.save": ("Save", "Speichern"),
    "web.save.xlsx": ("Excel workbook", "Excel-Arbeitsmappe"),
    "web.save.html": ("This report (HTML)", "Diesen Bericht (HTML)"),
    "web.save.letter": ("Objection letter (Art. 21 GDPR)", "Widerspruchsschreiben (Art. 21 DSGVO)"),
    "web.report": ("Your report", "Ihr Bericht"),
    "web.other_lang": ("Deutsch", "English"),
    "web.file.title": (
        "This page does not work when opened straight from a file.",
        "Diese Seite funktioniert nicht, wenn sie direkt als Datei geöffnet wird.",
    ),
    "web.file.how": (
        "Browsers do not run its program from a file:// address. Open it with the command linkedin-ai-exposure app, "
        "or from the project's web page.",
        "Browser führen ihr Programm unter einer file://-Adresse nicht aus. Öffnen Sie sie mit dem Befehl "
        "linkedin-ai-exposure app oder über die Webseite des Projekts.",
    ),
    "web.app.open": (
        "The app is at {url} (your browser should have opened it). Only this computer can reach it. Ctrl-C ends it.",
        "Die App ist unter {url} erreichbar (Ihr Browser sollte sie geöffnet haben). Nur dieser Computer erreicht "
        "sie. Strg-C beendet sie.",
    ),
    "web.app.idle": (
        "Stopped after {minutes} minutes without a request; the open page keeps working.",
        "Nach {minutes} Minuten ohne Anfrage beendet; die geöffnete Seite funktioniert weiter.",
    ),
}
