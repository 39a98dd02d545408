"""The documents' own words (the HTML report's ``html.`` keys, the workbook's additions), merged into the catalogue
(``i18n.CATALOGUE``): English and German with the same placeholders, like every other key."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "html.nav": ("Contents", "Inhalt"),
    "html.made": (
        "Report made on {date} by linkedin-ai-exposure {version}",
        "Bericht erstellt am {date} mit linkedin-ai-exposure {version}",
    ),
    "html.summary": ("In short", "Kurz gesagt"),
    "html.verdict": ("Your region and the policy", "Ihre Region und die Richtlinie"),
    "html.totals": ("Your data by status", "Ihre Daten nach Status"),
    "html.totals.chart": (
        "Data points by status: {parts}.",
        "Datenpunkte nach Status: {parts}.",
    ),
    "html.actions": ("What you can do", "Was Sie tun können"),
    "html.actions.where": ("Where: {url}", "Wo: {url}"),
    "html.categories": ("By category", "Nach Kategorie"),
    "html.datasets": ("By file", "Nach Datei"),
    "html.datasets.note": (
        "Every file of the export, under its category. “!” counts problems or a changed format (see “Problems and unmapped files”).",
        "Jede Datei des Exports unter ihrer Kategorie. „!“ zählt Probleme oder ein geändertes Format (siehe „Probleme und nicht zugeordnete Dateien“).",
    ),
    "html.timeline": ("Likely used records per year", "Wahrscheinlich genutzte Einträge pro Jahr"),
    "html.timeline.before": ("created before {start}", "vor dem {start} entstanden"),
    "html.timeline.since": ("created since {start}", "seit dem {start} entstanden"),
    "html.timeline.records": ("records", "Einträge"),
    "html.timeline.start": ("Training start for your region: {start}", "Trainingsbeginn für Ihre Region: {start}"),
    "html.timeline.chart": (
        "Bar chart of likely used records per year, {first} to {last}; the peak is {peak} records in {peak_year}. The table below gives every figure.",
        "Säulendiagramm der wahrscheinlich genutzten Einträge pro Jahr, {first} bis {last}; am meisten sind es {peak} Einträge im Jahr {peak_year}. Die Tabelle darunter nennt jede Zahl.",
    ),
    "html.timeline.table": ("The chart's figures", "Die Zahlen des Diagramms"),
    "html.unclear": ("Why some data is unclear", "Warum manche Daten unklar sind"),
    "html.contacts": ("Contact details inside likely used text", "Kontaktdaten in wahrscheinlich genutzten Texten"),
    "html.issues": ("Problems and unmapped files", "Probleme und nicht zugeordnete Dateien"),
    "html.sources": ("Sources", "Quellen"),
    "html.sources.seen": ("seen {date}", "abgerufen am {date}"),
    "html.about": ("About this report", "Über diesen Bericht"),
    "html.warnings": ("Problems or a changed format", "Probleme oder ein geändertes Format"),
    "html.scroll": ("Table (scrolls sideways)", "Tabelle (seitlich verschiebbar)"),
    "html.total": ("Total", "Gesamt"),
    "wb.page": ("Page &P of &N", "Seite &P von &N"),
    "wb.exported": ("Export of {date}", "Export vom {date}"),
    "wb.source_n": ("Source {n}", "Quelle {n}"),
    "wb.content.warning": (
        "This workbook contains your own posts, comments and messages (the Content sheets): it is for you, not for sharing.",
        "Diese Arbeitsmappe enthält Ihre eigenen Beiträge, Kommentare und Nachrichten (Blätter „Inhalte“): Sie ist für Sie bestimmt, nicht zum Weitergeben.",
    ),
    "wb.timeline.used": ("Likely used records per year", "Wahrscheinlich genutzte Einträge pro Jahr"),
    "wb.timeline.chart": (
        "Likely used records per year (training start for your region: {start})",
        "Wahrscheinlich genutzte Einträge pro Jahr (Trainingsbeginn für Ihre Region: {start})",
    ),
    "wb.timeline.before": ("Before {start}", "Vor dem {start}"),
    "wb.timeline.since": ("Since {start}", "Seit dem {start}"),
    "wb.timeline.all": (
        "All records per year, by category and status",
        "Alle Einträge pro Jahr, nach Kategorie und Status",
    ),
    "wb.role.date": ("date", "Datum"),
    "wb.role.authored_text": ("text the member wrote", "vom Mitglied geschriebener Text"),
    "wb.role.person_name": ("a person's name", "Name einer Person"),
    "wb.role.contact": ("contact detail", "Kontaktangabe"),
    "wb.role.url": ("link", "Link"),
    "wb.role.location": ("place", "Ort"),
    "wb.role.identifier": ("identifier", "Kennung"),
    "wb.role.other": ("other", "Sonstiges"),
    "wb.role.unknown": ("not known to the mapping", "der Zuordnung unbekannt"),
    "verdict.optout.hint.doc": (
        "Whether you have switched AI training off is not part of this report; with the date you did so, it shows which records were created before and after.",
        "Ob Sie das KI-Training abgeschaltet haben, ist in diesem Bericht nicht berücksichtigt; mit dem Datum, an dem Sie es taten, zeigt er, was davor und danach entstand.",
    ),
}
