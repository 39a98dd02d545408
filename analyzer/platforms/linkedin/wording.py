"""LinkedIn's own wording: the opt-out guide and sentences that name LinkedIn's files (the letter's: ``letter_text.py``).

Same shape as ``i18n.STRINGS``, of which it becomes part (``i18n.CATALOGUE``).
"""

STRINGS: dict[str, tuple[str, str]] = {
    "headline.basic": (
        "This is a Basic export, LinkedIn's fast first batch: posts, comments and most other content come in the Complete archive, so these figures are a lower bound.",
        "Dies ist ein Basis-Export, LinkedIns schnelle erste Lieferung: Beiträge, Kommentare und die meisten anderen Inhalte kommen erst mit dem vollständigen Archiv, die Zahlen sind also eine Untergrenze.",
    ),
    "headline.cut_off": (
        "This ZIP file is incomplete (the download broke off): the figures cover only the files that arrived whole. Download the export again for a complete report.",
        "Diese ZIP-Datei ist unvollständig (der Download brach ab): Die Zahlen umfassen nur die Dateien, die vollständig ankamen. Laden Sie den Export erneut herunter, um einen vollständigen Bericht zu erhalten.",
    ),
    "verdict.minor": (
        "Your birth date in Profile.csv makes you under 18: {platform} states it does not use data of members under 18.",
        "Laut Geburtsdatum in Profile.csv sind Sie unter 18: {platform} erklärt, Daten von Mitgliedern unter 18 nicht zu nutzen.",
    ),
    "verdict.region.unknown": (
        "Region: unknown (Profile.csv names no country). Use --region to get the start date for your region.",
        "Region: unbekannt (Profile.csv nennt kein Land). Mit --region erhalten Sie das Startdatum für Ihre Region.",
    ),
    "verdict.region.unknown.no_profile": (
        "Region: unknown (the export has no Profile.csv, which names where you live). Use --region with your region or country (e.g. --region germany) to get the start date for your region.",
        "Region: unbekannt (der Export enthält keine Profile.csv, die Ihren Wohnort nennt). Mit --region und Ihrer Region oder Ihrem Land (z. B. --region germany) erhalten Sie das Startdatum für Ihre Region.",
    ),
    "verdict.region.unknown.no_location": (
        "Region: unknown (Profile.csv names no location). Use --region with your region or country (e.g. --region germany) to get the start date for your region.",
        "Region: unbekannt (Profile.csv nennt keinen Ort). Mit --region und Ihrer Region oder Ihrem Land (z. B. --region germany) erhalten Sie das Startdatum für Ihre Region.",
    ),
    "verdict.region.unknown.unrecognised": (
        "Region: unknown ({how} names no country or place this tool knows). Use --region with your region or country (e.g. --region germany) to get the start date for your region.",
        "Region: unbekannt ({how} nennt kein Land und keinen Ort, den dieses Programm kennt). Mit --region und Ihrer Region oder Ihrem Land (z. B. --region germany) erhalten Sie das Startdatum für Ihre Region.",
    ),
    "verdict.region.assumption": (
        "“{place}” in Profile.csv was read as {read_as}, since “{because}” lies there; if you mean {instead}, use --region {flag}.",
        "„{place}“ in Profile.csv wurde als {read_as} gelesen, da „{because}“ dort liegt; ist {instead} gemeint, verwenden Sie --region {flag}.",
    ),
    "verdict.region.assumption.default": (
        "“{place}” in Profile.csv was read as {read_as}, since nothing else in the location says otherwise; if you mean {instead}, use --region {flag}.",
        "„{place}“ in Profile.csv wurde als {read_as} gelesen, da nichts anderes im Ort dagegen spricht; ist {instead} gemeint, verwenden Sie --region {flag}.",
    ),
    "verdict.region.as.country": ("the country", "das Land"),
    "verdict.region.as.us_state": ("the US state", "der US-Bundesstaat"),
    "verdict.region.as.ca_province": ("the Canadian province", "die kanadische Provinz"),
    "verdict.region.as.uk_nation": ("the part of the United Kingdom", "der Landesteil des Vereinigten Königreichs"),
    "verdict.region.as.de_state": ("the German state", "das deutsche Bundesland"),
    "verdict.region.as.city": ("the city", "die Stadt"),
    "guide.title": (
        "How to stop LinkedIn from training AI on your data",
        "So verhindern Sie, dass LinkedIn KI mit Ihren Daten trainiert",
    ),
    "guide.steps": ("Steps", "Schritte"),
    "guide.effects": ("What switching off does, and what it does not do", "Was das Abschalten bewirkt und was nicht"),
    "guide.sources": ("Sources", "Quellen"),
    "guide.effect.1": (
        "It stops LinkedIn from using your data to train content-generating AI from the moment you switch it off.",
        "Es verhindert ab dem Moment des Abschaltens, dass LinkedIn Ihre Daten zum Training inhaltsgenerierender KI verwendet.",
    ),
    "guide.effect.2": (
        "It does not undo training that already happened: models trained before keep what they learned.",
        "Es macht bereits erfolgtes Training nicht rückgängig: Vorher trainierte Modelle behalten, was sie gelernt haben.",
    ),
    "guide.effect.3": (
        "It does not cover other AI models LinkedIn runs (safety, spam, personalisation, ads). For those, object with the Data Processing Objection form (GDPR Art. 21); `linkedin-ai-exposure letter EXPORT.zip` writes the text from your own export.",
        "Es erfasst keine anderen KI-Modelle von LinkedIn (Sicherheit, Spam, Personalisierung, Werbung). Dafür widersprechen Sie mit dem Formular „Widerspruch gegen die Datenverarbeitung“ (Art. 21 DSGVO); `linkedin-ai-exposure letter EXPORT.zip` schreibt den Text aus Ihrem eigenen Export.",
    ),
    "guide.effect.4": (
        "In the EU, EEA, Switzerland, the UK, Canada and Hong Kong the training started on {europe}; in the US and most other regions on {global_}.",
        "In EU, EWR, Schweiz, Vereinigtem Königreich, Kanada und Hongkong begann das Training am {europe}, in den USA und den meisten anderen Regionen am {global_}.",
    ),
    "guide.effect.5": (
        "LinkedIn says it does not use the data of members it believes are under 18.",
        "LinkedIn erklärt, Daten von Mitgliedern, die es für minderjährig hält, nicht zu nutzen.",
    ),
    "guide.effect.6": (
        "Private messages, login data, payment data and concrete job applications are said to be excluded either way.",
        "Private Nachrichten, Anmelde- und Zahlungsdaten sowie konkrete Bewerbungen sind laut LinkedIn ohnehin ausgeschlossen.",
    ),
    "guide.footer": (
        "Mapping {version}, reviewed {reviewed}. Check the current wording on LinkedIn's pages; it changes.",
        "Zuordnung {version}, geprüft am {reviewed}. Prüfen Sie den aktuellen Wortlaut auf LinkedIns Seiten; er ändert sich.",
    ),
}
