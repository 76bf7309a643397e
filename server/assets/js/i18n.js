// Interface texts in Arabic, French and English. Record texts are never translated here: they come
// from the index in each language version.
export const UI_LANGS = ['ar', 'fr', 'en'];

export const LANG_NAMES = { ar: 'العربية', fr: 'Français', en: 'English' };

const MESSAGES = {
  en: {
    title: 'Tawsiya',
    tagline: 'Recommendations of the UN human-rights mechanisms',
    skipToResults: 'Skip to results',
    interfaceLanguage: 'Interface',
    displayLanguage: 'Show results in',
    displayAuto: "the query's language",
    queryLanguage: 'Search in', anyLanguage: 'any language', searchXlang: 'also in the other languages',
    searchLabel: 'Search the recommendations',
    searchButton: 'Search',
    sortLabel: 'Sort',
    sortRelevance: 'relevance',
    sortYearDesc: 'newest first',
    sortYearAsc: 'oldest first',
    helpTitle: 'How to write a query',
    helpIntro: 'Words are matched in any form (ratify, ratified, ratification). Click an example to try it.',
    helpWords: 'all the words',
    helpField: 'a body, then words',
    helpRange: 'a range of years',
    helpPhrase: 'an exact phrase',
    helpNot: 'a state, without noted recommendations',
    helpWildcard: 'words starting with “discrimin”',
    refine: 'Refine',
    activeFilters: 'Active filters',
    removeFilter: 'Remove the filter {label}',
    clearFilters: 'Clear all',
    more: 'More',
    fewer: 'Fewer',
    results: { zero: 'No recommendation found', one: '1 recommendation', other: '{n} recommendations' },
    resultsPage: 'page {page} of {pages}',
    loading: 'Searching…',
    pages: 'Pages',
    previous: 'Previous',
    next: 'Next',
    pageN: 'Page {n}',
    backToResults: 'Back to the results',
    noVersionIn: 'No {wanted} version: shown in {shown}.', foundIn: 'The words were found in the {lang} version.',
    relatedTitle: 'History: the same request to this state', relatedNone: 'No earlier or later recommendation to this state matches this one.', relatedLoading: 'Looking for the history…', relatedFailed: 'The history could not be found: ', relatedEarlier: 'Earlier', relatedSame: 'The same year', relatedLater: 'Later', relatedCycle: 'cycle {n}', relatedSimilarity: '{n}% similar',
    exportLabel: 'Export this list:', exportListCsv: 'CSV (spreadsheet)', exportListJsonl: 'JSON lines', exportCapped: 'the first {n} records',
    details: 'Details',
    recordTitle: '{body} — {state}, {year}',
    missingVersion: 'No version in this language.',
    openRecord: 'Open the recommendation',
    footer: 'Tawsiya searches recommendations in Arabic, French and English.',
    errorPrefix: 'The search failed: ',
    viewsNav: 'Views', viewSearch: 'Search', viewMatch: 'Match a recommendation', viewDedup: 'Deduplicate a list',
    matchLabel: 'Paste a new recommendation, in Arabic, French or English',
    textLanguage: 'Language', detect: 'detect', matchCount: 'Matches', matchButton: 'Match',
    matchesTitle: 'Prior recommendations', noMatch: 'No prior recommendation found.',
    similarity: 'similarity', translatedTerms: 'Connected through translations',
    suggestionsTitle: 'Suggestions', confidence: 'confidence', abstained: 'not sure enough',
    dedupLabel: 'One recommendation per line',
    dedupFile: 'or a file (.txt, one per line; .csv with a “text” column)',
    threshold: 'Similarity threshold', dedupButton: 'Group duplicates',
    dedupSummary: '{items} items in {clusters} groups, {duplicates} with duplicates',
    exportCsv: 'Export CSV', representative: 'representative', clusterOf: 'The same request, {n} times',
    single: 'No duplicate', csvNoText: 'the CSV file has no “text” column', emptyList: 'the list is empty',
    backToMatches: 'Back to the matches', matchFailed: 'The match failed: ', dedupFailed: 'The grouping failed: ',
    emptyText: 'paste a recommendation first', matchXlang: 'also in the other languages',
    matchState: 'State under review', matchStateHint: 'found in the text', matchAllStates: 'every state alike',
    stateUsed: 'State under review: ', stateGiven: 'as given', stateFirst: 'its prior recommendations come first', evidence: 'evidence',
    suggestionsHelp: 'Labels the prior recommendations carry, weighed by their similarity. Greyed ones are below the confidence threshold: check them before using them.',
    removeFile: 'Use the text box instead', fileRead: '{n} items read from {name}',
    noQuery: 'All recommendations',
    viewTag: 'Tag a document', backToTag: 'Back to the document',
    tagFile: 'A file: PDF, Word (.docx), OpenDocument (.odt) or text', tagDropHint: 'or drop it here',
    tagLabel: 'or paste the document (concluding observations, a report)',
    tagSplitButton: 'Split into recommendations', tagMatchButton: 'Match and tag {n} recommendations', tagMatched: 'All matched',
    tagAcceptAll: 'Accept every sure suggestion', tagRejectAll: 'Reject the undecided', tagExportLabel: 'Export the reviewed list:',
    tagSegment: 'Recommendation {n}', tagParagraph: '¶ {p}', tagPage: 'page {n}', tagLine: 'line {n}',
    tagMerge: 'Merge with the next', tagSplitHere: 'Split at the cursor', tagDrop: 'Drop', tagRestore: 'Restore',
    tagDroppedNote: 'Dropped: not matched, not exported.', tagStale: 'Edited: match it again.',
    tagSplitWhere: 'Put the cursor where the recommendation should be split.',
    tagAccept: 'Accept', tagReject: 'Reject', tagAccepted: 'accepted', tagRejected: 'rejected',
    tagSegmentAccept: 'Accept the sure ones', tagSegmentReject: 'Reject the undecided',
    tagCount: { zero: 'No recommendation', one: '1 recommendation', other: '{n} recommendations' },
    tagDroppedCount: '{n} dropped', tagReviewed: '{accepted} labels accepted, {rejected} rejected',
    tagFileSummary: '{name} ({format}, {pages} pages)', tagFileFormat: '{name} ({format})', tagFileChosen: 'File: {name}',
    tagSplitting: 'Reading and splitting the document…', tagMatching: 'Matching… {done} of {total}',
    tagFailed: 'The tagging failed: ', tagEmpty: 'paste a document or choose a file first',
    tagNone: 'No recommendation was found in this document: paste its recommendations instead.',
    tagOffer: 'This text is longer than one recommendation: the tag view splits a document into its recommendations and tags each.',
    tagOfferButton: 'Open it in the tag view',
    facet: {
      mechanism: 'Mechanism', body: 'Body', state: 'State under review', year: 'Year',
      response: 'Response', recommending: 'Recommending state', responsible: 'Responsible body',
      lang: 'Language', cycle: 'UPR cycle', session: 'Session', source: 'Source', status: 'Status',
      symbol: 'Document',
      'tag:uhri_theme': 'Theme', 'tag:sdg': 'Sustainable Development Goal',
      'tag:affected_persons': 'Affected persons', 'tag:uprinfo_issue': 'Issue (UPR Info)',
      'tag:didh_axis': 'National axis', 'tag:ohchr_theme': 'Theme (OHCHR)',
      'tag:didh_subaxis': 'National sub-axis', 'tag:uprinfo_action': 'Action category (UPR Info)',
    },
    value: {
      mechanism: { upr: 'Universal Periodic Review', treaty_body: 'Treaty body', special_procedure: 'Special procedure' },
      response: { supported: 'supported', noted: 'noted' },
      lang: { ar: 'Arabic', fr: 'French', en: 'English' },
      // UPR Info's action categories: how much the recommendation asks of the state.
      'tag:uprinfo_action': { 1: '1 – Minimal action', 2: '2 – Continuing action', 3: '3 – Considering action', 4: '4 – General action', 5: '5 – Specific action' },
      // Implementation statuses: the sample's English ones and the Moroccan mechanism's French ones.
      status: {
        implemented: 'implemented', 'partially implemented': 'partially implemented', ongoing: 'ongoing', 'not started': 'not started',
        'Réalisé': 'implemented', 'En cours': 'in progress', 'Non réalisé': 'not implemented', RC: 'continuing recommendation', 'Recommendation continue': 'continuing recommendation',
      },
    },
    field: {
      id: 'Identifier', mechanism: 'Mechanism', body: 'Body', state: 'State', year: 'Year',
      cycle: 'Cycle', session: 'Session', symbol: 'Document symbol', paragraph: 'Paragraph',
      recommending_states: 'Recommending states', response: 'Response', tags: 'Tags',
      responsible: 'Responsible bodies', status: 'Implementation status', source: 'Source',
    },
  },
  fr: {
    title: 'Tawsiya',
    tagline: 'Recommandations des mécanismes des droits de l’homme de l’ONU',
    skipToResults: 'Aller aux résultats',
    interfaceLanguage: 'Interface',
    displayLanguage: 'Afficher les résultats en',
    displayAuto: 'langue de la requête',
    queryLanguage: 'Chercher en', anyLanguage: 'toute langue', searchXlang: 'aussi dans les autres langues',
    searchLabel: 'Rechercher dans les recommandations',
    searchButton: 'Rechercher',
    sortLabel: 'Trier par',
    sortRelevance: 'pertinence',
    sortYearDesc: 'plus récentes',
    sortYearAsc: 'plus anciennes',
    helpTitle: 'Comment écrire une requête',
    helpIntro: 'Les mots sont trouvés sous toutes leurs formes (ratifier, ratifié, ratification). Cliquez sur un exemple pour l’essayer.',
    helpWords: 'tous les mots',
    helpField: 'un organe, puis des mots',
    helpRange: 'une période',
    helpPhrase: 'une expression exacte',
    helpNot: 'un État, sans les recommandations notées',
    helpWildcard: 'les mots commençant par « discrimin »',
    refine: 'Affiner',
    activeFilters: 'Filtres actifs',
    removeFilter: 'Retirer le filtre {label}',
    clearFilters: 'Tout effacer',
    more: 'Plus',
    fewer: 'Moins',
    results: { zero: 'Aucune recommandation trouvée', one: '1 recommandation', other: '{n} recommandations' },
    resultsPage: 'page {page} sur {pages}',
    loading: 'Recherche…',
    pages: 'Pages',
    previous: 'Précédente',
    next: 'Suivante',
    pageN: 'Page {n}',
    backToResults: 'Retour aux résultats',
    noVersionIn: 'Pas de version en {wanted} : affichée en {shown}.', foundIn: 'Les mots ont été trouvés dans la version en {lang}.',
    relatedTitle: 'Historique : la même demande à cet État', relatedNone: 'Aucune recommandation antérieure ou postérieure à cet État ne correspond à celle-ci.', relatedLoading: 'Recherche de l’historique…', relatedFailed: 'L’historique est introuvable : ', relatedEarlier: 'Avant', relatedSame: 'La même année', relatedLater: 'Après', relatedCycle: '{n}e cycle', relatedSimilarity: 'similaire à {n} %',
    exportLabel: 'Exporter cette liste :', exportListCsv: 'CSV (tableur)', exportListJsonl: 'JSON lines', exportCapped: 'les {n} premières recommandations',
    details: 'Détails',
    recordTitle: '{body} — {state}, {year}',
    missingVersion: 'Pas de version dans cette langue.',
    openRecord: 'Ouvrir la recommandation',
    footer: 'Tawsiya recherche les recommandations en arabe, en français et en anglais.',
    errorPrefix: 'La recherche a échoué : ',
    viewsNav: 'Vues', viewSearch: 'Rechercher', viewMatch: 'Rapprocher une recommandation', viewDedup: 'Dédoublonner une liste',
    matchLabel: 'Collez une nouvelle recommandation, en arabe, en français ou en anglais',
    textLanguage: 'Langue', detect: 'détecter', matchCount: 'Résultats', matchButton: 'Rapprocher',
    matchesTitle: 'Recommandations antérieures', noMatch: 'Aucune recommandation antérieure trouvée.',
    similarity: 'similarité', translatedTerms: 'Reliées par traduction',
    suggestionsTitle: 'Suggestions', confidence: 'confiance', abstained: 'pas assez sûr',
    dedupLabel: 'Une recommandation par ligne',
    dedupFile: 'ou un fichier (.txt, une par ligne ; .csv avec une colonne « text »)',
    threshold: 'Seuil de similarité', dedupButton: 'Regrouper les doublons',
    dedupSummary: '{items} éléments en {clusters} groupes, dont {duplicates} avec doublons',
    exportCsv: 'Exporter en CSV', representative: 'représentante', clusterOf: 'La même demande, {n} fois',
    single: 'Sans doublon', csvNoText: 'le fichier CSV n’a pas de colonne « text »', emptyList: 'la liste est vide',
    backToMatches: 'Retour aux rapprochements', matchFailed: 'Le rapprochement a échoué : ', dedupFailed: 'Le regroupement a échoué : ',
    emptyText: 'collez d’abord une recommandation', matchXlang: 'aussi dans les autres langues',
    matchState: 'État concerné', matchStateHint: 'trouvé dans le texte', matchAllStates: 'tous les États à égalité',
    stateUsed: 'État concerné : ', stateGiven: 'tel que saisi', stateFirst: 'ses recommandations antérieures viennent en premier', evidence: 'indices',
    suggestionsHelp: 'Étiquettes des recommandations antérieures, pondérées par leur similarité. Celles en gris sont sous le seuil de confiance : vérifiez-les avant de les utiliser.',
    removeFile: 'Utiliser plutôt la zone de texte', fileRead: '{n} éléments lus dans {name}',
    noQuery: 'Toutes les recommandations',
    viewTag: 'Étiqueter un document', backToTag: 'Retour au document',
    tagFile: 'Un fichier : PDF, Word (.docx), OpenDocument (.odt) ou texte', tagDropHint: 'ou déposez-le ici',
    tagLabel: 'ou collez le document (observations finales, rapport)',
    tagSplitButton: 'Découper en recommandations', tagMatchButton: 'Rapprocher et étiqueter {n} recommandations', tagMatched: 'Tout est rapproché',
    tagAcceptAll: 'Accepter toutes les suggestions sûres', tagRejectAll: 'Rejeter les indécises', tagExportLabel: 'Exporter la liste revue :',
    tagSegment: 'Recommandation {n}', tagParagraph: '§ {p}', tagPage: 'page {n}', tagLine: 'ligne {n}',
    tagMerge: 'Fusionner avec la suivante', tagSplitHere: 'Couper au curseur', tagDrop: 'Écarter', tagRestore: 'Rétablir',
    tagDroppedNote: 'Écartée : ni rapprochée, ni exportée.', tagStale: 'Modifiée : à rapprocher de nouveau.',
    tagSplitWhere: 'Placez le curseur là où la recommandation doit être coupée.',
    tagAccept: 'Accepter', tagReject: 'Rejeter', tagAccepted: 'acceptée', tagRejected: 'rejetée',
    tagSegmentAccept: 'Accepter les sûres', tagSegmentReject: 'Rejeter les indécises',
    tagCount: { zero: 'Aucune recommandation', one: '1 recommandation', other: '{n} recommandations' },
    tagDroppedCount: '{n} écartées', tagReviewed: '{accepted} étiquettes acceptées, {rejected} rejetées',
    tagFileSummary: '{name} ({format}, {pages} pages)', tagFileFormat: '{name} ({format})', tagFileChosen: 'Fichier : {name}',
    tagSplitting: 'Lecture et découpage du document…', tagMatching: 'Rapprochement… {done} sur {total}',
    tagFailed: 'L’étiquetage a échoué : ', tagEmpty: 'collez d’abord un document ou choisissez un fichier',
    tagNone: 'Aucune recommandation trouvée dans ce document : collez plutôt ses recommandations.',
    tagOffer: 'Ce texte est plus long qu’une recommandation : la vue « Étiqueter un document » découpe un document en recommandations et étiquette chacune.',
    tagOfferButton: 'L’ouvrir dans la vue d’étiquetage',
    facet: {
      mechanism: 'Mécanisme', body: 'Organe', state: 'État examiné', year: 'Année',
      response: 'Réponse', recommending: 'État recommandant', responsible: 'Organisme responsable',
      lang: 'Langue', cycle: 'Cycle de l’EPU', session: 'Session', source: 'Source', status: 'État de mise en œuvre',
      symbol: 'Document',
      'tag:uhri_theme': 'Thème', 'tag:sdg': 'Objectif de développement durable',
      'tag:affected_persons': 'Personnes concernées', 'tag:uprinfo_issue': 'Question (UPR Info)',
      'tag:didh_axis': 'Axe national', 'tag:ohchr_theme': 'Thème (HCDH)',
      'tag:didh_subaxis': 'Sous-axe national', 'tag:uprinfo_action': 'Catégorie d’action (UPR Info)',
    },
    value: {
      mechanism: { upr: 'Examen périodique universel', treaty_body: 'Organe conventionnel', special_procedure: 'Procédure spéciale' },
      response: { supported: 'acceptée', noted: 'notée' },
      lang: { ar: 'arabe', fr: 'français', en: 'anglais' },
      'tag:uprinfo_action': { 1: '1 – Action minimale', 2: '2 – Action de continuité', 3: '3 – Action à envisager', 4: '4 – Action générale', 5: '5 – Action spécifique' },
      status: {
        implemented: 'réalisée', 'partially implemented': 'partiellement réalisée', ongoing: 'en cours', 'not started': 'non commencée',
        'Réalisé': 'réalisée', 'En cours': 'en cours', 'Non réalisé': 'non réalisée', RC: 'recommandation continue', 'Recommendation continue': 'recommandation continue',
      },
    },
    field: {
      id: 'Identifiant', mechanism: 'Mécanisme', body: 'Organe', state: 'État', year: 'Année',
      cycle: 'Cycle', session: 'Session', symbol: 'Cote du document', paragraph: 'Paragraphe',
      recommending_states: 'États recommandants', response: 'Réponse', tags: 'Étiquettes',
      responsible: 'Organismes responsables', status: 'État de mise en œuvre', source: 'Source',
    },
  },
  ar: {
    title: 'توصية',
    tagline: 'توصيات آليات الأمم المتحدة لحقوق الإنسان',
    skipToResults: 'انتقل إلى النتائج',
    interfaceLanguage: 'لغة الواجهة',
    displayLanguage: 'عرض النتائج باللغة',
    displayAuto: 'لغة البحث',
    queryLanguage: 'البحث باللغة', anyLanguage: 'أي لغة', searchXlang: 'وفي اللغات الأخرى أيضاً',
    searchLabel: 'ابحث في التوصيات',
    searchButton: 'بحث',
    sortLabel: 'الترتيب',
    sortRelevance: 'حسب الصلة',
    sortYearDesc: 'الأحدث أولاً',
    sortYearAsc: 'الأقدم أولاً',
    helpTitle: 'كيف تكتب استعلامًا',
    helpIntro: 'تُطابَق الكلمات بكل صيغها (صادق، المصادقة، التصديق). انقر على مثال لتجربته.',
    helpWords: 'كل الكلمات',
    helpField: 'هيئة، ثم كلمات',
    helpRange: 'مدى من السنوات',
    helpPhrase: 'عبارة مطابقة',
    helpNot: 'دولة، دون التوصيات المحاط بها علمًا',
    helpWildcard: 'الكلمات التي تبدأ بـ «discrimin»',
    refine: 'تضييق النتائج',
    activeFilters: 'المرشحات المفعّلة',
    removeFilter: 'إزالة المرشح {label}',
    clearFilters: 'مسح الكل',
    more: 'المزيد',
    fewer: 'أقل',
    results: { zero: 'لم يُعثر على أي توصية', one: 'توصية واحدة', other: '{n} توصية' },
    resultsPage: 'الصفحة {page} من {pages}',
    loading: 'جارٍ البحث…',
    pages: 'الصفحات',
    previous: 'السابقة',
    next: 'التالية',
    pageN: 'الصفحة {n}',
    backToResults: 'العودة إلى النتائج',
    noVersionIn: 'لا توجد نسخة باللغة {wanted}: معروضة باللغة {shown}.', foundIn: 'وُجدت الكلمات في النسخة {lang}.',
    relatedTitle: 'السجل: الطلب نفسه إلى هذه الدولة', relatedNone: 'لا توجد توصية سابقة أو لاحقة إلى هذه الدولة تطابق هذه التوصية.', relatedLoading: 'جارٍ البحث عن السجل…', relatedFailed: 'تعذّر العثور على السجل: ', relatedEarlier: 'قبلها', relatedSame: 'في السنة نفسها', relatedLater: 'بعدها', relatedCycle: 'الجولة {n}', relatedSimilarity: 'تشابه {n}٪',
    exportLabel: 'تصدير هذه القائمة:', exportListCsv: 'CSV (جدول بيانات)', exportListJsonl: 'JSON lines', exportCapped: 'أول {n} توصية',
    details: 'التفاصيل',
    recordTitle: '{body} — {state}، {year}',
    missingVersion: 'لا توجد نسخة بهذه اللغة.',
    openRecord: 'فتح التوصية',
    footer: 'يبحث «توصية» في التوصيات بالعربية والفرنسية والإنجليزية.',
    errorPrefix: 'تعذّر البحث: ',
    viewsNav: 'الصفحات', viewSearch: 'بحث', viewMatch: 'مطابقة توصية', viewDedup: 'إزالة التكرار',
    matchLabel: 'الصق توصية جديدة بالعربية أو الفرنسية أو الإنكليزية',
    textLanguage: 'اللغة', detect: 'تحديد تلقائي', matchCount: 'عدد النتائج', matchButton: 'مطابقة',
    matchesTitle: 'توصيات سابقة', noMatch: 'لم يُعثر على توصية سابقة.',
    similarity: 'التشابه', translatedTerms: 'رُبطت عبر الترجمة',
    suggestionsTitle: 'اقتراحات', confidence: 'الثقة', abstained: 'ثقة غير كافية',
    dedupLabel: 'توصية واحدة في كل سطر',
    dedupFile: 'أو ملف (‎.txt‎، توصية في كل سطر؛ ‎.csv‎ بعمود «text»)',
    threshold: 'عتبة التشابه', dedupButton: 'تجميع المكررات',
    dedupSummary: '{items} عنصراً في {clusters} مجموعة، منها {duplicates} بها تكرار',
    exportCsv: 'تصدير CSV', representative: 'التوصية الممثلة', clusterOf: 'الطلب نفسه، {n} مرات',
    single: 'بلا تكرار', csvNoText: 'ملف CSV لا يحتوي على عمود «text»', emptyList: 'القائمة فارغة',
    backToMatches: 'العودة إلى التوصيات المطابقة', matchFailed: 'تعذّرت المطابقة: ', dedupFailed: 'تعذّر التجميع: ',
    emptyText: 'الصق توصية أولاً', matchXlang: 'وفي اللغات الأخرى أيضاً',
    matchState: 'الدولة المعنية', matchStateHint: 'تُستخرج من النص', matchAllStates: 'كل الدول على قدم المساواة',
    stateUsed: 'الدولة المعنية: ', stateGiven: 'كما أُدخلت', stateFirst: 'تأتي توصياتها السابقة أولاً', evidence: 'الشواهد',
    suggestionsHelp: 'تصنيفات تحملها التوصيات السابقة، مرجّحة بدرجة تشابهها. الرمادية منها دون عتبة الثقة: تحقّق منها قبل استخدامها.',
    removeFile: 'استخدام مربع النص بدلاً من الملف', fileRead: 'قُرئ {n} عنصراً من {name}',
    noQuery: 'جميع التوصيات',
    viewTag: 'وسم وثيقة', backToTag: 'العودة إلى الوثيقة',
    tagFile: 'ملف: PDF أو Word (‎.docx‎) أو OpenDocument (‎.odt‎) أو نص', tagDropHint: 'أو أفلته هنا',
    tagLabel: 'أو الصق الوثيقة (ملاحظات ختامية، تقرير)',
    tagSplitButton: 'التقسيم إلى توصيات', tagMatchButton: 'مطابقة ووسم {n} توصية', tagMatched: 'طوبقت كلها',
    tagAcceptAll: 'قبول كل الاقتراحات المؤكدة', tagRejectAll: 'رفض غير المحسومة', tagExportLabel: 'تصدير القائمة بعد المراجعة:',
    tagSegment: 'التوصية {n}', tagParagraph: 'الفقرة {p}', tagPage: 'الصفحة {n}', tagLine: 'السطر {n}',
    tagMerge: 'الدمج مع التالية', tagSplitHere: 'التقسيم عند المؤشر', tagDrop: 'استبعاد', tagRestore: 'استعادة',
    tagDroppedNote: 'مستبعدة: لا تُطابق ولا تُصدَّر.', tagStale: 'عُدّلت: أعد مطابقتها.',
    tagSplitWhere: 'ضع المؤشر حيث ينبغي تقسيم التوصية.',
    tagAccept: 'قبول', tagReject: 'رفض', tagAccepted: 'مقبول', tagRejected: 'مرفوض',
    tagSegmentAccept: 'قبول المؤكدة', tagSegmentReject: 'رفض غير المحسومة',
    tagCount: { zero: 'لا توجد توصية', one: 'توصية واحدة', other: '{n} توصية' },
    tagDroppedCount: '{n} مستبعدة', tagReviewed: 'قُبل {accepted} وسماً ورُفض {rejected}',
    tagFileSummary: '{name} ({format}، {pages} صفحة)', tagFileFormat: '{name} ({format})', tagFileChosen: 'الملف: {name}',
    tagSplitting: 'جارٍ قراءة الوثيقة وتقسيمها…', tagMatching: 'جارٍ المطابقة… {done} من {total}',
    tagFailed: 'تعذّر الوسم: ', tagEmpty: 'الصق وثيقة أو اختر ملفاً أولاً',
    tagNone: 'لم يُعثر على أي توصية في هذه الوثيقة: الصق توصياتها بدلاً من ذلك.',
    tagOffer: 'هذا النص أطول من توصية واحدة: تقسّم صفحة «وسم وثيقة» الوثيقة إلى توصياتها وتسم كلاً منها.',
    tagOfferButton: 'فتحه في صفحة الوسم',
    facet: {
      mechanism: 'الآلية', body: 'الهيئة', state: 'الدولة موضوع الاستعراض', year: 'السنة',
      response: 'الرد', recommending: 'الدولة الموصية', responsible: 'الجهة المسؤولة',
      lang: 'اللغة', cycle: 'دورة الاستعراض', session: 'الدورة', source: 'المصدر', status: 'حالة التنفيذ',
      symbol: 'الوثيقة',
      'tag:uhri_theme': 'الموضوع', 'tag:sdg': 'هدف التنمية المستدامة',
      'tag:affected_persons': 'الأشخاص المعنيون', 'tag:uprinfo_issue': 'القضية (UPR Info)',
      'tag:didh_axis': 'المحور الوطني', 'tag:ohchr_theme': 'الموضوع (المفوضية)',
      'tag:didh_subaxis': 'المحور الفرعي الوطني', 'tag:uprinfo_action': 'فئة الإجراء (UPR Info)',
    },
    value: {
      mechanism: { upr: 'الاستعراض الدوري الشامل', treaty_body: 'هيئة معاهدة', special_procedure: 'إجراء خاص' },
      response: { supported: 'مقبولة', noted: 'أُحيط بها علمًا' },
      lang: { ar: 'العربية', fr: 'الفرنسية', en: 'الإنجليزية' },
      'tag:uprinfo_action': { 1: '1 – إجراء أدنى', 2: '2 – مواصلة إجراء قائم', 3: '3 – النظر في إجراء', 4: '4 – إجراء عام', 5: '5 – إجراء محدد' },
      status: {
        implemented: 'منفّذة', 'partially implemented': 'منفّذة جزئياً', ongoing: 'قيد التنفيذ', 'not started': 'لم يبدأ تنفيذها',
        'Réalisé': 'منفّذة', 'En cours': 'قيد التنفيذ', 'Non réalisé': 'غير منفّذة', RC: 'توصية مستمرة', 'Recommendation continue': 'توصية مستمرة',
      },
    },
    field: {
      id: 'المعرّف', mechanism: 'الآلية', body: 'الهيئة', state: 'الدولة', year: 'السنة',
      cycle: 'الدورة', session: 'الجلسة', symbol: 'رمز الوثيقة', paragraph: 'الفقرة',
      recommending_states: 'الدول الموصية', response: 'الرد', tags: 'الوسوم',
      responsible: 'الجهات المسؤولة', status: 'حالة التنفيذ', source: 'المصدر',
    },
  },
};

// Query syntax examples shown in the help panel (the queries themselves are not translated).
export const HELP_EXAMPLES = [
  { query: 'ratify OPCAT', key: 'helpWords' },
  { query: 'body:CAT torture', key: 'helpField' },
  { query: 'year:2010..2013', key: 'helpRange' },
  { query: '"national preventive mechanism"', key: 'helpPhrase' },
  { query: 'state:Morocco NOT response:noted', key: 'helpNot' },
  { query: 'discrimin*', key: 'helpWildcard' },
];

let current = 'en';

export function setUiLang(lang) {
  current = UI_LANGS.includes(lang) ? lang : 'en';
  return current;
}

export function uiLang() {
  return current;
}

function lookup(path) {
  let value = MESSAGES[current];
  for (const part of path) value = value == null ? undefined : value[part];
  if (value === undefined) {
    value = MESSAGES.en;
    for (const part of path) value = value == null ? undefined : value[part];
  }
  return value;
}

function fill(template, params) {
  return template.replace(/\{(\w+)\}/g, (_, name) => (params[name] ?? ''));
}

// t('next'), t('pageN', {n: 3})
export function t(key, params = {}) {
  const value = lookup([key]);
  return typeof value === 'string' ? fill(value, params) : key;
}

export function plural(key, n) {
  const forms = lookup([key]);
  const rule = new Intl.PluralRules(current).select(n);
  const form = n === 0 ? forms.zero : n === 1 ? forms.one : forms[rule] || forms.other;
  return fill(form || forms.other, { n: new Intl.NumberFormat(current).format(n) });
}

// The label of a facet ("tag:sdg" -> "Sustainable Development Goal"); unknown tag schemes show
// their name.
export function facetName(facet) {
  return lookup(['facet', facet]) || facet.replace(/^tag:/, '').replace(/_/g, ' ');
}

// A facet value as people read it: "upr" -> "Universal Periodic Review"; most values (states,
// bodies, themes) are shown as the index has them.
export function valueLabel(facet, value) {
  const label = lookup(['value', facet, value]);
  return typeof label === 'string' ? label : value;
}

export function fieldName(field) {
  return lookup(['field', field]) || field;
}

// Applies the interface language to the static page: every [data-i18n] element's text and every
// [data-i18n-placeholder] field's placeholder.
export function translatePage(root = document) {
  document.documentElement.lang = current;
  document.documentElement.dir = current === 'ar' ? 'rtl' : 'ltr';
  for (const element of root.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  for (const element of root.querySelectorAll('[data-i18n-placeholder]')) element.placeholder = t(element.dataset.i18nPlaceholder);
  document.title = t('title');
}
