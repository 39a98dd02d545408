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
        "It stops LinkedIn from using your data, old records included, to train content-generating AI from the moment you switch it off.",
        "Es verhindert ab dem Moment des Abschaltens, dass LinkedIn Ihre Daten, auch ältere, zum Training inhaltsgenerierender KI verwendet.",
    ),
    "guide.effect.2": (
        "It does not undo training that already happened: models trained before keep what they learned.",
        "Es macht bereits erfolgtes Training nicht rückgängig: Vorher trainierte Modelle behalten, was sie gelernt haben.",
    ),
    "guide.effect.3": (
        "It does not cover LinkedIn's other AI models (safety, spam, personalisation, ads), nor the feedback you give on AI features. In the EU, the EEA, Switzerland and the UK you can object to those uses (GDPR Art. 21), as step 2 says.",
        "Es erfasst weder LinkedIns andere KI-Modelle (Sicherheit, Spam-Abwehr, Personalisierung, Werbung) noch Ihr Feedback zu KI-Funktionen. In der EU, im EWR, in der Schweiz und im Vereinigten Königreich können Sie diesen Nutzungen widersprechen (Art. 21 DSGVO), wie Schritt 2 beschreibt.",
    ),
    "guide.effect.3.elsewhere": (
        "It does not cover LinkedIn's other AI models (safety, spam, personalisation, ads), nor the feedback you give on AI features. To ask LinkedIn about those uses, write to its Data Protection Officer, as step 2 says.",
        "Es erfasst weder LinkedIns andere KI-Modelle (Sicherheit, Spam-Abwehr, Personalisierung, Werbung) noch Ihr Feedback zu KI-Funktionen. Um LinkedIn zu diesen Nutzungen zu befragen, schreiben Sie an seinen Datenschutzbeauftragten, wie Schritt 2 beschreibt.",
    ),
    "guide.effect.4": (
        "LinkedIn says it does not use the data of members it believes are under 18 for content-generating training, even if their setting appears switched on.",
        "LinkedIn erklärt, Daten von Mitgliedern, die es für unter 18 hält, nicht für das Training inhaltsgenerierender KI zu nutzen, auch wenn deren Einstellung eingeschaltet erscheint.",
    ),
    "guide.effect.5": (
        "Private messages, login credentials, payment and salary data and job applications are said to be excluded from content-generating training either way; private messages are still used to train LinkedIn's safety AI.",
        "Private Nachrichten, Zugangsdaten (etwa Passwörter), Zahlungs- und Gehaltsdaten sowie Bewerbungen sind laut LinkedIn ohnehin vom Training inhaltsgenerierender KI ausgeschlossen; private Nachrichten werden jedoch weiterhin zum Training von LinkedIns Sicherheits-KI genutzt.",
    ),
    "guide.title.region": (
        "How to stop LinkedIn from training AI on your data ({region})",
        "So verhindern Sie, dass LinkedIn KI mit Ihren Daten trainiert ({region})",
    ),
    "guide.all_regions": (
        "For members in every region; --region shows the steps for yours (e.g. --region germany).",
        "Für Mitglieder aller Regionen; --region zeigt die Schritte für Ihre (z. B. --region germany).",
    ),
    "guide.when": ("When LinkedIn trains on whose data", "Seit wann LinkedIn mit wessen Daten trainiert"),
    "guide.footer": (
        "Mapping {version}, reviewed {reviewed}. Check the current wording on LinkedIn's pages; it changes.",
        "Zuordnung {version}, geprüft am {reviewed}. Prüfen Sie den aktuellen Wortlaut auf LinkedIns Seiten; er ändert sich.",
    ),
}
