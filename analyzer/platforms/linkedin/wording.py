"""LinkedIn's own wording: the opt-out guide, the objection letter, and sentences that name LinkedIn's files.

Same shape as ``i18n.STRINGS``, of which it becomes part (``i18n.CATALOGUE``).
"""

STRINGS: dict[str, tuple[str, str]] = {
    "letter.cut_off": (
        "Filled from an incomplete export (the download broke off): the list above may miss data; download the export again before sending.",
        "Aus einem unvollständigen Export erstellt (der Download brach ab): Der Liste oben können Daten fehlen; laden Sie den Export vor dem Absenden erneut herunter.",
    ),
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
    "letter.subject": (
        "Objection under Art. 21 GDPR to the use of my personal data for training generative AI; request for restriction (Art. 18 GDPR) and for information (Art. 15 GDPR)",
        "Widerspruch gemäß Art. 21 DSGVO gegen die Verwendung meiner personenbezogenen Daten zum Training generativer KI; Antrag auf Einschränkung (Art. 18 DSGVO) und Auskunft (Art. 15 DSGVO)",
    ),
    "letter.subject.other": (
        "Objection to the use of my personal data for training generative AI; request for information",
        "Widerspruch gegen die Verwendung meiner personenbezogenen Daten zum Training generativer KI; Bitte um Auskunft",
    ),
    "letter.name": (
        "[YOUR NAME – not found in the export, please fill in]",
        "[IHR NAME – nicht im Export gefunden, bitte ergänzen]",
    ),
    "letter.email": (
        "[YOUR E-MAIL ADDRESS – not found in the export, please fill in]",
        "[IHRE E-MAIL-ADRESSE – nicht im Export gefunden, bitte ergänzen]",
    ),
    "letter.url": (
        "[YOUR PROFILE URL – optional, not found in the export]",
        "[IHRE PROFIL-URL – optional, nicht im Export gefunden]",
    ),
    "letter.situation": (
        "[OPTIONAL: a sentence on your particular situation, e.g. your professional role, clients or confidentiality duties that make this use of your data a problem for you]",
        "[OPTIONAL: ein Satz zu Ihrer besonderen Situation, z. B. Ihre berufliche Rolle, Mandanten oder Verschwiegenheitspflichten, die diese Nutzung Ihrer Daten für Sie problematisch machen]",
    ),
    "letter.region_unknown": (
        "[CHECK: LinkedIn Ireland is the controller for members in the EU, EEA and Switzerland; for members elsewhere it is LinkedIn Corporation]",
        "[PRÜFEN: Für Mitglieder in EU, EWR und Schweiz ist LinkedIn Ireland verantwortlich, für Mitglieder anderswo die LinkedIn Corporation]",
    ),
    "letter.greeting": ("Dear Sir or Madam,", "Sehr geehrte Damen und Herren,"),
    "letter.intro": (
        "I am a LinkedIn member ({who}). According to your privacy notice, LinkedIn processes members' personal data to train content-generating AI models on the basis of its legitimate interests (Art. 6(1)(f) GDPR).",
        "ich bin Mitglied bei LinkedIn ({who}). Laut Ihren Datenschutzhinweisen verarbeitet LinkedIn personenbezogene Daten seiner Mitglieder auf Grundlage berechtigter Interessen (Art. 6 Abs. 1 lit. f DSGVO), um inhaltsgenerierende KI-Modelle zu trainieren.",
    ),
    "letter.intro.other": (
        "I am a LinkedIn member ({who}). According to your privacy policy, LinkedIn uses members' personal data to develop and train artificial intelligence models.",
        "ich bin Mitglied bei LinkedIn ({who}). Laut Ihrer Datenschutzrichtlinie verwendet LinkedIn personenbezogene Daten seiner Mitglieder, um KI-Modelle zu entwickeln und zu trainieren.",
    ),
    "letter.h1": ("1. Objection", "1. Widerspruch"),
    "letter.objection": (
        "On grounds relating to my particular situation, I object under Art. 21(1) GDPR to the processing of my personal data for developing, training and improving generative AI models, by LinkedIn and by its affiliates. {situation}",
        "Aus Gründen, die sich aus meiner besonderen Situation ergeben, widerspreche ich gemäß Art. 21 Abs. 1 DSGVO der Verarbeitung meiner personenbezogenen Daten zur Entwicklung, zum Training und zur Verbesserung generativer KI-Modelle durch LinkedIn und mit LinkedIn verbundene Unternehmen. {situation}",
    ),
    "letter.objection.other": (
        "I object to the use of my personal data for developing, training and improving generative AI models, by LinkedIn and by its affiliates.",
        "Ich widerspreche der Verwendung meiner personenbezogenen Daten zur Entwicklung, zum Training und zur Verbesserung generativer KI-Modelle durch LinkedIn und mit LinkedIn verbundene Unternehmen.",
    ),
    "letter.found": (
        "My data export of {date} shows that this concerns at least the following data of mine:",
        "Mein Datenexport vom {date} zeigt, dass davon mindestens folgende meiner Daten betroffen sind:",
    ),
    "letter.found.nodate": (
        "My data export shows that this concerns at least the following data of mine:",
        "Mein Datenexport zeigt, dass davon mindestens folgende meiner Daten betroffen sind:",
    ),
    "letter.none": (
        "(The export contained no records of the kinds LinkedIn names as training data.)",
        "(Der Export enthielt keine Einträge der Arten, die LinkedIn als Trainingsdaten nennt.)",
    ),
    "letter.h2": ("2. Restriction", "2. Einschränkung der Verarbeitung"),
    "letter.restriction": (
        "Until it has been verified whether LinkedIn's legitimate grounds override mine, I ask you to restrict the processing of my data for these purposes (Art. 18(1)(d) GDPR).",
        "Bis geklärt ist, ob die berechtigten Gründe von LinkedIn gegenüber meinen überwiegen, beantrage ich, die Verarbeitung meiner Daten zu diesen Zwecken einzuschränken (Art. 18 Abs. 1 lit. d DSGVO).",
    ),
    "letter.h3": ("3. Information", "3. Auskunft"),
    "letter.information": (
        "Under Art. 15 GDPR, please tell me whether my personal data have already been used to train AI models, and if so: which data, since when, for which models or purposes, whether they were disclosed to affiliates (such as Microsoft) for that purpose, and for how long they will be kept.",
        "Gemäß Art. 15 DSGVO bitte ich um Auskunft, ob meine personenbezogenen Daten bereits zum Training von KI-Modellen verwendet wurden, und falls ja: welche Daten, seit wann, für welche Modelle oder Zwecke, ob sie dazu an verbundene Unternehmen (etwa Microsoft) weitergegeben wurden und wie lange sie gespeichert bleiben.",
    ),
    "letter.information.other": (
        "Please tell me whether my personal data have already been used to train AI models, and if so: which data, since when, and for which models or purposes.",
        "Bitte teilen Sie mir mit, ob meine personenbezogenen Daten bereits zum Training von KI-Modellen verwendet wurden, und falls ja: welche Daten, seit wann und für welche Modelle oder Zwecke.",
    ),
    "letter.deadline": (
        "Please confirm receipt of this objection and tell me what you have done about it within one month (Art. 12(3) GDPR).",
        "Bitte bestätigen Sie mir den Eingang dieses Widerspruchs und teilen Sie mir innerhalb eines Monats mit, welche Maßnahmen Sie ergriffen haben (Art. 12 Abs. 3 DSGVO).",
    ),
    "letter.deadline.other": (
        "Please confirm receipt of this objection and tell me what you have done about it.",
        "Bitte bestätigen Sie mir den Eingang dieses Widerspruchs und teilen Sie mir mit, welche Maßnahmen Sie ergriffen haben.",
    ),
    "letter.closing": ("Kind regards,", "Mit freundlichen Grüßen"),
    "letter.form": (
        "Send this text through LinkedIn's Data Processing Objection form: {url}",
        "Senden Sie diesen Text über LinkedIns Formular „Widerspruch gegen die Datenverarbeitung“: {url}",
    ),
    "letter.setting": (
        "Also switch off the setting “Data for Generative AI Improvement”: {url}",
        "Schalten Sie außerdem die Einstellung „Daten zur Verbesserung generativer KI“ aus: {url}",
    ),
    "letter.controller_source": (
        "Controller as named in LinkedIn's privacy notice: {url}",
        "Verantwortlicher laut LinkedIns Datenschutzhinweisen: {url}",
    ),
    "letter.date": ("Date: {date}", "Datum: {date}"),
    "letter.to": ("To:", "An:"),
    "letter.from": ("From:", "Von:"),
    "letter.re": ("Subject:", "Betreff:"),
    "letter.generated": (
        "Prepared offline with linkedin-ai-exposure from the member's own data export; review it before sending.",
        "Offline mit linkedin-ai-exposure aus dem eigenen Datenexport erstellt; bitte vor dem Absenden prüfen.",
    ),
}
