"""The objection letter's wording, in English and German: every ``letter.*`` key of the catalogue.

Same shape as ``i18n.STRINGS``, of which it becomes part (``i18n.CATALOGUE``). How each part is used, and
which law it is written under, is ``render/letter.py``'s business; the legal points are those of
``shared/reference/linkedin_ai_policy.md`` ("What a sound objection letter contains"). ``{gdpr}`` is "GDPR"
or "UK GDPR" (``letter.law.*``). A text in square brackets that starts with capitals ("[CHECK: …]") is a gap
the member must fill in or delete: the ``letter`` command lists those left on stderr.

The default grounds for Art. 21(1) are the keys ``letter.reason.KEY`` (``--reason KEY``), in this order.
"""

STRINGS: dict[str, tuple[str, str]] = {
    # --- the head --------------------------------------------------------------------------------------------
    "letter.from": ("From:", "Von:"),
    "letter.to": ("To:", "An:"),
    "letter.attn": ("Attn: Data Protection Officer", "z. Hd. des Datenschutzbeauftragten (Data Protection Officer)"),
    "letter.date": ("Date: {date}", "Datum: {date}"),
    "letter.re": ("Subject:", "Betreff:"),
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
    "letter.region_unknown": (
        "[CHECK: this letter is written for a member in the EU or EEA; in Switzerland, the UK and elsewhere the law or the addressee differ: write it again with --region]",
        "[PRÜFEN: Dieses Schreiben ist für Mitglieder in der EU und im EWR verfasst; in der Schweiz, im Vereinigten Königreich und anderswo gelten anderes Recht oder ein anderer Empfänger: Erstellen Sie es mit --region neu]",
    ),
    "letter.law.gdpr": ("GDPR", "DSGVO"),
    "letter.law.uk": ("UK GDPR", "UK-DSGVO"),
    "letter.subject.gdpr": (
        "Objection under Art. 21(1) {gdpr} to the use of my personal data for AI training; requests under Art. 17, 18 and 15 {gdpr} (erasure, restriction, access)",
        "Widerspruch gemäß Art. 21 Abs. 1 {gdpr} gegen die Verwendung meiner personenbezogenen Daten für KI-Training; Anträge nach Art. 17, 18 und 15 {gdpr} (Löschung, Einschränkung, Auskunft)",
    ),
    "letter.subject.ch": (
        "Objection under Art. 21(1) GDPR and Art. 30(2)(b) FADP to the use of my personal data for AI training; requests under Art. 17, 18 and 15 GDPR and Art. 25 and 32 FADP (erasure, restriction, access)",
        "Widerspruch gemäß Art. 21 Abs. 1 DSGVO und Art. 30 Abs. 2 Bst. b DSG gegen die Verwendung meiner personenbezogenen Daten für KI-Training; Anträge nach Art. 17, 18 und 15 DSGVO sowie Art. 25 und 32 DSG (Löschung, Einschränkung, Auskunft)",
    ),
    "letter.subject.ca": (
        "Withdrawal of consent to the use of my personal data for AI training; deletion and access",
        "Widerruf meiner Einwilligung in die Verwendung meiner personenbezogenen Daten für KI-Training; Löschung und Auskunft",
    ),
    "letter.subject.other": (
        "Objection to the use of my personal data for AI training; erasure and access",
        "Widerspruch gegen die Verwendung meiner personenbezogenen Daten für KI-Training; Löschung und Auskunft",
    ),
    "letter.greeting": ("Dear Sir or Madam,", "Sehr geehrte Damen und Herren,"),
    "letter.intro.gdpr": (
        "I am a LinkedIn member ({who}). According to your European Regional Privacy Notice, LinkedIn processes members' personal data on the basis of its legitimate interests (Art. 6(1)(f) {gdpr}) to train its content-generating AI models and to improve its products and services generally.",
        "ich bin Mitglied bei LinkedIn ({who}). Nach Ihrem Datenschutzhinweis für die europäische Region (European Regional Privacy Notice) verarbeitet LinkedIn personenbezogene Daten seiner Mitglieder auf der Grundlage berechtigter Interessen (Art. 6 Abs. 1 lit. f {gdpr}), um seine inhaltsgenerierenden KI-Modelle zu trainieren und seine Produkte und Dienste allgemein zu verbessern.",
    ),
    "letter.intro.uk": (
        "For members in the United Kingdom, the notice adds that their data are shared with Microsoft for Microsoft's own AI training.",
        "Für Mitglieder im Vereinigten Königreich ergänzt der Hinweis, dass ihre Daten an Microsoft für dessen eigenes KI-Training weitergegeben werden.",
    ),
    "letter.intro.other": (
        "I am a LinkedIn member ({who}). According to your Privacy Policy, LinkedIn uses members' personal data to develop and train artificial intelligence models.",
        "ich bin Mitglied bei LinkedIn ({who}). Nach Ihrer Datenschutzrichtlinie verwendet LinkedIn personenbezogene Daten seiner Mitglieder, um KI-Modelle zu entwickeln und zu trainieren.",
    ),
    # --- the sections (numbered in the order they appear) -----------------------------------------------------
    "letter.h.objection": ("Objection", "Widerspruch"),
    "letter.h.withdrawal": ("Withdrawal of consent", "Widerruf der Einwilligung"),
    "letter.h.erasure": ("Erasure", "Löschung"),
    "letter.h.restriction": ("Restriction of processing", "Einschränkung der Verarbeitung"),
    "letter.h.access": ("Access", "Auskunft"),
    "letter.objection.gdpr": (
        "On grounds relating to my particular situation, I object under Art. 21(1) {gdpr} to the processing of my personal data for the training, fine-tuning and evaluation of AI models of any kind, whether content-generating, for improving your products and services or for personalisation, by LinkedIn or its affiliates, and to the disclosure of my personal data to Microsoft or other affiliates for their own AI training.",
        "Aus Gründen, die sich aus meiner besonderen Situation ergeben, widerspreche ich gemäß Art. 21 Abs. 1 {gdpr} der Verarbeitung meiner personenbezogenen Daten zum Training, zum Fine-Tuning und zur Evaluierung von KI-Modellen jeder Art – ob inhaltsgenerierend, zur Verbesserung Ihrer Produkte und Dienste oder zur Personalisierung – durch LinkedIn oder mit LinkedIn verbundene Unternehmen sowie der Offenlegung meiner personenbezogenen Daten gegenüber Microsoft oder anderen verbundenen Unternehmen für deren eigenes KI-Training.",
    ),
    "letter.objection.ch": (
        "Under Swiss law, this is also my express declaration of will within the meaning of Art. 30(2)(b) of the Federal Act on Data Protection (FADP): processing my data for these purposes against it infringes my personality.",
        "Nach Schweizer Recht ist dies zugleich meine ausdrückliche Willenserklärung im Sinne von Art. 30 Abs. 2 Bst. b des Bundesgesetzes über den Datenschutz (DSG): Eine Bearbeitung meiner Daten zu diesen Zwecken entgegen dieser Erklärung verletzt meine Persönlichkeit.",
    ),
    "letter.objection.ca": (
        "I withdraw my consent to the use of my personal data for the training, fine-tuning and evaluation of AI models of any kind by LinkedIn or its affiliates, and to their disclosure to Microsoft or other affiliates for their own AI training (PIPEDA, Schedule 1, principle 4.3.8) [CHECK: legal reference not verified by this tool].",
        "Ich widerrufe meine Einwilligung in die Verwendung meiner personenbezogenen Daten zum Training, zum Fine-Tuning und zur Evaluierung von KI-Modellen jeder Art durch LinkedIn oder mit LinkedIn verbundene Unternehmen sowie in ihre Weitergabe an Microsoft oder andere verbundene Unternehmen für deren eigenes KI-Training (PIPEDA, Anhang 1, Grundsatz 4.3.8) [PRÜFEN: Rechtsgrundlage von diesem Programm nicht überprüft].",
    ),
    "letter.objection.hk": (
        "Using my personal data to train AI models is a new purpose, for which you need my prescribed consent (Data Protection Principle 3, Personal Data (Privacy) Ordinance) [CHECK: legal reference not verified by this tool]. I do not give it: I object to the use of my personal data for the training, fine-tuning and evaluation of AI models of any kind by LinkedIn or its affiliates, and to their disclosure to Microsoft or other affiliates for their own AI training.",
        "Die Verwendung meiner personenbezogenen Daten zum Training von KI-Modellen ist ein neuer Zweck, für den Sie meine ausdrückliche Einwilligung benötigen (Datenschutzgrundsatz 3, Personal Data (Privacy) Ordinance) [PRÜFEN: Rechtsgrundlage von diesem Programm nicht überprüft]. Ich erteile sie nicht: Ich widerspreche der Verwendung meiner personenbezogenen Daten zum Training, zum Fine-Tuning und zur Evaluierung von KI-Modellen jeder Art durch LinkedIn oder mit LinkedIn verbundene Unternehmen sowie ihrer Weitergabe an Microsoft oder andere verbundene Unternehmen für deren eigenes KI-Training.",
    ),
    "letter.objection.us": (
        "I object to the use of my personal data for the training, fine-tuning and evaluation of AI models of any kind by LinkedIn or its affiliates, and to their disclosure to Microsoft or other affiliates for their own AI training. Please treat this letter also as my request to opt out of the sale or sharing of my personal data under the privacy law of my state of residence, where it grants that right [CHECK: legal reference not verified by this tool].",
        "Ich widerspreche der Verwendung meiner personenbezogenen Daten zum Training, zum Fine-Tuning und zur Evaluierung von KI-Modellen jeder Art durch LinkedIn oder mit LinkedIn verbundene Unternehmen sowie ihrer Weitergabe an Microsoft oder andere verbundene Unternehmen für deren eigenes KI-Training. Bitte behandeln Sie dieses Schreiben zugleich als meinen Widerspruch gegen den Verkauf und die Weitergabe („sale or sharing“) meiner personenbezogenen Daten nach dem Datenschutzrecht meines Bundesstaats, soweit es dieses Recht gewährt [PRÜFEN: Rechtsgrundlage von diesem Programm nicht überprüft].",
    ),
    "letter.objection.other": (
        "I object to the use of my personal data for the training, fine-tuning and evaluation of AI models of any kind by LinkedIn or its affiliates, and to their disclosure to Microsoft or other affiliates for their own AI training. [CHECK: the data-protection law of your country may give you a right to object, to withdraw consent or to access your data: cite it here, or delete this note]",
        "Ich widerspreche der Verwendung meiner personenbezogenen Daten zum Training, zum Fine-Tuning und zur Evaluierung von KI-Modellen jeder Art durch LinkedIn oder mit LinkedIn verbundene Unternehmen sowie ihrer Weitergabe an Microsoft oder andere verbundene Unternehmen für deren eigenes KI-Training. [PRÜFEN: Das Datenschutzrecht Ihres Landes gibt Ihnen womöglich ein Recht auf Widerspruch, auf Widerruf einer Einwilligung oder auf Auskunft: Nennen Sie es hier, oder streichen Sie diesen Hinweis]",
    ),
    "letter.carve_out": (
        "Processing needed to keep LinkedIn secure and to prevent fraud and abuse is not affected.",
        "Verarbeitungen, die für die Sicherheit von LinkedIn und zur Verhinderung von Betrug und Missbrauch erforderlich sind, bleiben unberührt.",
    ),
    "letter.grounds": ("My particular situation:", "Zu meiner besonderen Situation:"),
    "letter.grounds.other": ("My reasons:", "Meine Gründe:"),
    "letter.grounds.missing": (
        '[GROUNDS MISSING: Art. 21(1) {gdpr} requires grounds relating to your particular situation. Add them with --reason (see letter --list-reasons) or --situation "…", or write them here]',
        '[BEGRÜNDUNG FEHLT: Art. 21 Abs. 1 {gdpr} verlangt Gründe, die sich aus Ihrer besonderen Situation ergeben. Ergänzen Sie sie mit --reason (siehe letter --list-reasons) oder --situation "…", oder schreiben Sie sie hier]',
    ),
    "letter.toggle.gdpr": (
        "For content-generating AI, LinkedIn itself lets every member stop this use without giving reasons, with the setting “Data for Generative AI Improvement”; LinkedIn thus itself treats a member's wish to stop it as overriding its own interest.",
        "Für inhaltsgenerierende KI lässt LinkedIn selbst jedes Mitglied diese Nutzung ohne Angabe von Gründen mit der Einstellung „Daten zur Verbesserung generativer KI“ beenden; LinkedIn räumt damit dem Wunsch eines Mitglieds, diese Nutzung zu beenden, den Vorrang vor seinem eigenen Interesse ein.",
    ),
    "letter.toggle.other": (
        "For content-generating AI, LinkedIn lets every member stop this use with the setting “Data for Generative AI Improvement”.",
        "Für inhaltsgenerierende KI lässt LinkedIn jedes Mitglied diese Nutzung mit der Einstellung „Daten zur Verbesserung generativer KI“ beenden.",
    ),
    "letter.toggle.off": ("I switched the setting off on {date}.", "Ich habe die Einstellung am {date} ausgeschaltet."),
    "letter.toggle.further": (
        "This letter goes further than the setting: it covers AI training of every kind and the disclosure to Microsoft.",
        "Dieses Schreiben reicht weiter als die Einstellung: Es erfasst KI-Training jeder Art und die Weitergabe an Microsoft.",
    ),
    "letter.notice.gdpr": ("your privacy notice", "Ihr Datenschutzhinweis"),
    "letter.notice.other": ("your Privacy Policy", "Ihre Datenschutzrichtlinie"),
    "letter.found": (
        "My data export of {date} contains data of the kinds {notice} lists for this purpose, among them at least:",
        "Mein Datenexport vom {date} enthält Daten der Arten, die {notice} für diesen Zweck nennt, darunter mindestens:",
    ),
    "letter.found.nodate": (
        "My data export contains data of the kinds {notice} lists for this purpose, among them at least:",
        "Mein Datenexport enthält Daten der Arten, die {notice} für diesen Zweck nennt, darunter mindestens:",
    ),
    "letter.none": (
        "(The export contained no records of the kinds LinkedIn names as training data.)",
        "(Der Export enthielt keine Einträge der Arten, die LinkedIn als Trainingsdaten nennt.)",
    ),
    "letter.erasure.gdpr": (
        "As there are no overriding legitimate grounds for this processing, I request under Art. 17(1)(c) {gdpr} that you erase my personal data from all datasets used to train, fine-tune or evaluate AI models, and that you do not use them in any future training run. This request concerns those datasets, not my account. Please notify every recipient to whom you have disclosed these data for such purposes, in particular Microsoft, of the erasure, and tell me who they are (Art. 19 {gdpr}).",
        "Da für diese Verarbeitung keine vorrangigen berechtigten Gründe bestehen, verlange ich gemäß Art. 17 Abs. 1 lit. c {gdpr}, meine personenbezogenen Daten aus allen Datensätzen zu löschen, die dem Training, dem Fine-Tuning oder der Evaluierung von KI-Modellen dienen, und sie in keinem künftigen Trainingslauf zu verwenden. Dieses Verlangen betrifft diese Datensätze, nicht mein Konto. Bitte teilen Sie die Löschung allen Empfängern mit, denen Sie diese Daten zu solchen Zwecken offengelegt haben, insbesondere Microsoft, und nennen Sie mir diese Empfänger (Art. 19 {gdpr}).",
    ),
    "letter.erasure.ch": (
        "Under Swiss law, I request the same under Art. 32(2)(c) FADP.",
        "Nach Schweizer Recht verlange ich dasselbe gestützt auf Art. 32 Abs. 2 Bst. c DSG.",
    ),
    "letter.erasure.other": (
        "Please delete my personal data from all datasets used to train, fine-tune or evaluate AI models, do not use them in any future training run, and ask every recipient to whom you have disclosed them for such purposes, in particular Microsoft, to do the same. This request concerns those datasets, not my account.",
        "Bitte löschen Sie meine personenbezogenen Daten aus allen Datensätzen, die dem Training, dem Fine-Tuning oder der Evaluierung von KI-Modellen dienen, verwenden Sie sie in keinem künftigen Trainingslauf und bitten Sie alle Empfänger, denen Sie sie zu solchen Zwecken weitergegeben haben, insbesondere Microsoft, ebenso zu verfahren. Diese Bitte betrifft diese Datensätze, nicht mein Konto.",
    ),
    "letter.restriction": (
        "Until it has been verified whether LinkedIn's legitimate grounds override mine, I request that you restrict the processing of my data for these purposes (Art. 18(1)(d) {gdpr}); in particular, they must not go into any training run in the meantime.",
        "Bis geprüft ist, ob die berechtigten Gründe von LinkedIn gegenüber meinen überwiegen, verlange ich, die Verarbeitung meiner Daten zu diesen Zwecken einzuschränken (Art. 18 Abs. 1 lit. d {gdpr}); insbesondere dürfen sie bis dahin in keinen Trainingslauf einfließen.",
    ),
    "letter.access.gdpr": (
        "Under Art. 15(1) and (3) {gdpr}, please tell me whether you have used my personal data to train, fine-tune or evaluate AI models, or disclosed them to others for that purpose, and if so, give me:",
        "Gemäß Art. 15 Abs. 1 und 3 {gdpr} bitte ich um Auskunft, ob Sie meine personenbezogenen Daten zum Training, zum Fine-Tuning oder zur Evaluierung von KI-Modellen verwendet oder zu diesem Zweck anderen offengelegt haben, und falls ja, um:",
    ),
    "letter.access.purposes": (
        "the purposes and the models they were used for (Art. 15(1)(a));",
        "die Zwecke und die Modelle, für die sie verwendet wurden (Art. 15 Abs. 1 lit. a);",
    ),
    "letter.access.period": (
        "the categories of those data and the period they come from, with any cut-off date applied (Art. 15(1)(b));",
        "die Kategorien dieser Daten und den Zeitraum, aus dem sie stammen, einschließlich eines etwaigen Stichtags (Art. 15 Abs. 1 lit. b);",
    ),
    "letter.access.recipients": (
        "the recipients by name, in particular Microsoft (Art. 15(1)(c){case});",
        "die Empfänger mit Namen, insbesondere Microsoft (Art. 15 Abs. 1 lit. c{case});",
    ),
    "letter.access.case": (
        "; CJEU, judgment of 12 January 2023, C-154/21, Österreichische Post",
        "; EuGH, Urteil vom 12. Januar 2023, C-154/21, Österreichische Post",
    ),
    "letter.access.storage": (
        "how long the training copies are kept, or the criteria for that period (Art. 15(1)(d));",
        "die Dauer, für die die Trainingskopien gespeichert werden, oder die Kriterien für ihre Festlegung (Art. 15 Abs. 1 lit. d);",
    ),
    "letter.access.copy": (
        "a copy of the personal data concerned (Art. 15(3)).",
        "eine Kopie der betroffenen Daten (Art. 15 Abs. 3).",
    ),
    "letter.access.ch": (
        "Under Swiss law, I request the same information under Art. 25 FADP, within 30 days, that is by {due}.",
        "Nach Schweizer Recht verlange ich dieselbe Auskunft gestützt auf Art. 25 DSG innerhalb von 30 Tagen, also bis zum {due}.",
    ),
    "letter.access.other": (
        "Please tell me whether you have used my personal data to train, fine-tune or evaluate AI models, or disclosed them to others for that purpose, and if so: which data, from which period, for which purposes and models, to which recipients by name, and for how long they are kept.",
        "Bitte teilen Sie mir mit, ob Sie meine personenbezogenen Daten zum Training, zum Fine-Tuning oder zur Evaluierung von KI-Modellen verwendet oder zu diesem Zweck an andere weitergegeben haben, und falls ja: welche Daten, aus welchem Zeitraum, für welche Zwecke und Modelle, an welche Empfänger (mit Namen) und wie lange sie gespeichert werden.",
    ),
    "letter.access.hk": (
        "This is also a data access request under section 18 of the Personal Data (Privacy) Ordinance [CHECK: legal reference not verified by this tool]: please give me a copy of the personal data you have used for these purposes.",
        "Dies ist zugleich ein Auskunftsersuchen nach Section 18 der Personal Data (Privacy) Ordinance [PRÜFEN: Rechtsgrundlage von diesem Programm nicht überprüft]: Bitte übermitteln Sie mir eine Kopie der personenbezogenen Daten, die Sie zu diesen Zwecken verwendet haben.",
    ),
    # --- the deadline and what follows if it passes -----------------------------------------------------------
    "letter.deadline": (
        "Please confirm receipt of this letter. Under {article}, you must inform me of the action taken on it without undue delay and in any event within one month of receipt, that is by {due}. If you do not take action, you must tell me the reasons within the same period (Art. 12(4) {gdpr}).",
        "Bitte bestätigen Sie mir den Eingang dieses Schreibens. Gemäß {article} haben Sie mir unverzüglich, spätestens aber innerhalb eines Monats nach Eingang, also bis zum {due}, mitzuteilen, welche Maßnahmen Sie auf dieses Schreiben hin ergriffen haben. Werden Sie nicht tätig, haben Sie mir innerhalb derselben Frist die Gründe dafür mitzuteilen (Art. 12 Abs. 4 {gdpr}).",
    ),
    "letter.deadline.gdpr": ("Art. 12(3) GDPR", "Art. 12 Abs. 3 DSGVO"),
    "letter.deadline.uk": ("Art. 12(3) and 12A UK GDPR", "Art. 12 Abs. 3 und Art. 12A UK-DSGVO"),
    "letter.deadline.other": (
        "Please confirm receipt of this letter and tell me by {due} what action you have taken on it.",
        "Bitte bestätigen Sie mir den Eingang dieses Schreibens und teilen Sie mir bis zum {due} mit, welche Maßnahmen Sie auf dieses Schreiben hin ergriffen haben.",
    ),
    "letter.complaint.gdpr": (
        "Should I receive no adequate answer by then, I reserve the right to lodge a complaint with a supervisory authority (Art. 77 GDPR): the Irish Data Protection Commission, or the authority of my habitual residence{authority}.",
        "Erhalte ich bis dahin keine ausreichende Antwort, behalte ich mir vor, Beschwerde bei einer Aufsichtsbehörde einzulegen (Art. 77 DSGVO): bei der irischen Data Protection Commission oder bei der Aufsichtsbehörde meines gewöhnlichen Aufenthaltsorts{authority}.",
    ),
    "letter.complaint.ch": (
        "Should I receive no adequate answer by then, I reserve the right to lodge a complaint with the Irish Data Protection Commission (Art. 77 GDPR) and to turn to the Federal Data Protection and Information Commissioner (FDPIC).",
        "Erhalte ich bis dahin keine ausreichende Antwort, behalte ich mir vor, Beschwerde bei der irischen Data Protection Commission einzulegen (Art. 77 DSGVO) und mich an den Eidgenössischen Datenschutz- und Öffentlichkeitsbeauftragten (EDÖB) zu wenden.",
    ),
    "letter.complaint.uk": (
        "Should I receive no adequate answer by then, I reserve the right to complain to you under section 164A of the Data Protection Act 2018 and to lodge a complaint with the Information Commissioner's Office (Art. 77 UK GDPR).",
        "Erhalte ich bis dahin keine ausreichende Antwort, behalte ich mir vor, mich nach Section 164A Data Protection Act 2018 bei Ihnen zu beschweren und Beschwerde beim Information Commissioner's Office einzulegen (Art. 77 UK-DSGVO).",
    ),
    "letter.complaint.ca": (
        "Should I receive no adequate answer by then, I reserve the right to complain to the Office of the Privacy Commissioner of Canada.",
        "Erhalte ich bis dahin keine ausreichende Antwort, behalte ich mir vor, mich beim kanadischen Datenschutzbeauftragten (Office of the Privacy Commissioner of Canada) zu beschweren.",
    ),
    "letter.complaint.hk": (
        "Should I receive no adequate answer by then, I reserve the right to complain to the Privacy Commissioner for Personal Data.",
        "Erhalte ich bis dahin keine ausreichende Antwort, behalte ich mir vor, mich beim Hongkonger Datenschutzbeauftragten (Privacy Commissioner for Personal Data) zu beschweren.",
    ),
    "letter.authority": (" ({name})", " ({name})"),
    "letter.authority.check": (
        " ({name} [CHECK: the authority's current name])",
        " ({name} [PRÜFEN: aktueller Name der Behörde])",
    ),
    "letter.closing": ("Kind regards,", "Mit freundlichen Grüßen"),
    # --- the notes below the letter ----------------------------------------------------------------------------
    "letter.notes": (
        "Before you send it (these notes are not part of the letter):",
        "Vor dem Absenden (diese Hinweise gehören nicht zum Schreiben):",
    ),
    "letter.send.gdpr": (
        "The objection alone (section 1) can go through LinkedIn's Data Processing Objection form: {form}. Send the whole letter, with its requests, through the contact form of LinkedIn's Data Protection Officer ({dpo}) or by post to the address above, and keep the confirmation of receipt.",
        "Den Widerspruch allein (Abschnitt 1) können Sie über LinkedIns Formular „Widerspruch gegen die Datenverarbeitung“ senden: {form}. Das ganze Schreiben mit seinen Anträgen senden Sie über das Kontaktformular des Datenschutzbeauftragten von LinkedIn ({dpo}) oder per Post an die obige Anschrift; bewahren Sie die Eingangsbestätigung auf.",
    ),
    "letter.send.other": (
        "Send the letter through the contact form of LinkedIn's Data Protection Officer ({dpo}) or by post to the address above, and keep the confirmation of receipt.",
        "Senden Sie das Schreiben über das Kontaktformular des Datenschutzbeauftragten von LinkedIn ({dpo}) oder per Post an die obige Anschrift, und bewahren Sie die Eingangsbestätigung auf.",
    ),
    "letter.setting.off": (
        "Check that the setting “Data for Generative AI Improvement” is still off: {url}",
        "Prüfen Sie, ob die Einstellung „Daten zur Verbesserung generativer KI“ noch ausgeschaltet ist: {url}",
    ),
    "letter.setting.on": (
        "Switch off the setting “Data for Generative AI Improvement” as well ({url}), and write the letter again with --opted-out-on DATE, so that it says since when.",
        "Schalten Sie außerdem die Einstellung „Daten zur Verbesserung generativer KI“ aus ({url}) und erstellen Sie das Schreiben mit --opted-out-on DATUM neu, damit es nennt, seit wann.",
    ),
    "letter.due": (
        "The deadline of {due} assumes that LinkedIn receives the letter on the day it is dated; by post, it runs from the day the letter arrives.",
        "Die Frist bis zum {due} setzt voraus, dass LinkedIn das Schreiben am Tag seines Datums erhält; per Post läuft sie ab dem Tag des Eingangs.",
    ),
    "letter.zip": (
        "The ZIP code in the address is not in LinkedIn's privacy notice: check it before you post the letter.",
        "Die Postleitzahl in der Anschrift steht nicht in LinkedIns Datenschutzhinweisen: Prüfen Sie sie, bevor Sie das Schreiben per Post senden.",
    ),
    "letter.authority.how": (
        "The supervisory authority is named from the location in your profile ({how}); if you live elsewhere, change it.",
        "Die Aufsichtsbehörde ist nach dem Ort in Ihrem Profil benannt ({how}); wohnen Sie anderswo, setzen Sie die Aufsichtsbehörde Ihres Wohnorts ein.",
    ),
    "letter.unverified": (
        "The legal references marked [CHECK] come from this tool's reference notes and could not be verified: check them, or delete them, before you send the letter.",
        "Die mit [PRÜFEN] markierten Rechtsgrundlagen stammen aus den Recherche-Notizen dieses Programms und sind nicht überprüft: Prüfen oder streichen Sie sie vor dem Absenden.",
    ),
    "letter.local.ca": (
        "The Privacy Commissioner of Canada on LinkedIn's AI training: {url}",
        "Der kanadische Datenschutzbeauftragte zu LinkedIns KI-Training: {url}",
    ),
    "letter.local.hk": (
        "The Privacy Commissioner for Personal Data on LinkedIn's AI training: {url}",
        "Der Hongkonger Datenschutzbeauftragte zu LinkedIns KI-Training: {url}",
    ),
    "letter.local.us": (
        "LinkedIn's US page for opting out of sharing data with partners (it also honours Global Privacy Control signals): {url}",
        "LinkedIns US-Seite für den Widerspruch gegen die Weitergabe von Daten an Partner (sie beachtet auch Global-Privacy-Control-Signale): {url}",
    ),
    "letter.controller_source": (
        "Controller as named in LinkedIn's privacy notice: {url}",
        "Verantwortlicher laut LinkedIns Datenschutzhinweisen: {url}",
    ),
    "letter.generated": (
        "Prepared offline with linkedin-ai-exposure from the member's own data export; review it before sending.",
        "Offline mit linkedin-ai-exposure aus dem eigenen Datenexport erstellt; bitte vor dem Absenden prüfen.",
    ),
    "letter.cut_off": (
        "Filled from an incomplete export (the download broke off): the list above may miss data; download the export again before sending.",
        "Aus einem unvollständigen Export erstellt (der Download brach ab): Der Liste oben können Daten fehlen; laden Sie den Export vor dem Absenden erneut herunter.",
    ),
    # --- the command line: the grounds to choose from, the gaps left ---------------------------------------------
    "letter.reasons.title": (
        'Grounds for --reason KEY (Art. 21(1) GDPR asks for grounds relating to your particular situation): choose those that are true for you, or write your own with --situation "…".',
        'Gründe für --reason SCHLÜSSEL (Art. 21 Abs. 1 DSGVO verlangt Gründe, die sich aus Ihrer besonderen Situation ergeben): Wählen Sie die, die auf Sie zutreffen, oder schreiben Sie eigene mit --situation "…".',
    ),
    "letter.reason.old_posts": (
        "Much of what I published on LinkedIn dates from years before anyone could foresee that it would be used to train AI models; I shared it for my network to read, not as training material.",
        "Vieles, was ich auf LinkedIn veröffentlicht habe, stammt aus Jahren, in denen niemand absehen konnte, dass es zum Training von KI-Modellen verwendet würde; ich habe es für mein Netzwerk geteilt, nicht als Trainingsmaterial.",
    ),
    "letter.reason.clients": (
        "My profile and posts contain information about clients, employers and other people, and my profession binds me to confidentiality; I must prevent such information from going into AI models that others can query.",
        "Mein Profil und meine Beiträge enthalten Angaben über Mandanten, Kunden, Arbeitgeber und andere Personen, und ich unterliege beruflichen Verschwiegenheitspflichten; ich muss verhindern, dass solche Angaben in KI-Modelle eingehen, die Dritte abfragen können.",
    ),
    "letter.reason.sensitive": (
        "Some of my posts and comments touch on sensitive matters, such as health, political views or trade-union activity, which I shared with a particular audience in a particular context; in an AI model they lose that context.",
        "Einige meiner Beiträge und Kommentare berühren sensible Themen wie Gesundheit, politische Ansichten oder gewerkschaftliches Engagement, die ich in einem bestimmten Zusammenhang mit einem bestimmten Publikum geteilt habe; in einem KI-Modell geht dieser Zusammenhang verloren.",
    ),
    "letter.reason.misattribution": (
        "I am known by name in my field. Generative models can reproduce what they were trained on, or attribute to me statements I never made, which can harm my professional reputation.",
        "Ich bin in meinem Fachgebiet namentlich bekannt. Generative Modelle können wiedergeben, womit sie trainiert wurden, oder mir Aussagen zuschreiben, die ich nie getroffen habe; das kann meinem beruflichen Ruf schaden.",
    ),
    "letter.reason.no_correction": (
        "Once my data have gone into a trained model, I can no longer have them corrected or erased there; objecting now is the only effective way for me to keep control over them.",
        "Sind meine Daten erst in ein trainiertes Modell eingegangen, kann ich sie dort weder berichtigen noch löschen lassen; ein Widerspruch jetzt ist für mich der einzige wirksame Weg, die Kontrolle über sie zu behalten.",
    ),
    "letter.gaps": (
        "The letter has {count} gaps to fill in or delete before you send it:",
        "Das Schreiben hat {count} Lücken, die Sie vor dem Absenden ausfüllen oder streichen müssen:",
    ),
    "letter.gaps.one": (
        "The letter has 1 gap to fill in or delete before you send it:",
        "Das Schreiben hat 1 Lücke, die Sie vor dem Absenden ausfüllen oder streichen müssen:",
    ),
}
