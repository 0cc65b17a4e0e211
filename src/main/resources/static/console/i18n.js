// Every word the console shows, in French (default) and English. {name} marks a value.
const strings = {
  fr: {
    'skip': 'Aller au contenu',
    'app.title': 'Console des litiges clients',
    'nav.label': 'Console',
    'nav.rules': 'Règles actives', 'nav.try': 'Essayer une réclamation', 'nav.change': 'Modifier', 'nav.report': 'Rapport des litiges',
    'lang.other': 'English', 'signout': 'Se déconnecter', 'signedin': 'Connecté : {name}',
    'signin.title': 'Connexion', 'signin.key': "Clé d'API (rôle rules-admin)", 'signin.submit': 'Se connecter',
    'signin.hint': "La clé reste dans la mémoire de cette page : elle n'est ni enregistrée ni envoyée ailleurs qu'à ce service. Recharger la page déconnecte.",
    'signin.oidc': 'Se connecter avec le fournisseur d’identité', 'signin.or': 'ou',
    'signin.bad': 'Clé refusée par le service.', 'signin.notadmin': "Ces identifiants n'ont pas le rôle rules-admin : la console leur est fermée.",
    'signin.oidcfail': 'La connexion par le fournisseur d’identité a échoué : {detail}',
    'loading': 'Chargement…', 'none': '(aucun)', 'yes': 'oui', 'no': 'non', 'close': 'Fermer',
    'missing': "Cette fonction n'est pas encore disponible sur ce service ({path} répond 404). Le reste de la console fonctionne.",
    'failed': 'Le service a répondu {status} : {detail}',
    'rules.title': 'Règles actives', 'rules.version': 'Version', 'rules.hash': 'Empreinte', 'rules.loadedAt': 'Chargée le',
    'rules.count': 'Règles', 'rules.lastReload': 'Dernier rechargement', 'rules.reload': 'Recharger depuis les dossiers',
    'rules.reloaded': 'Rechargement appliqué : version {version}.', 'rules.refused': 'Rechargement refusé : la version précédente reste active. Erreurs :',
    'history.title': 'Historique des versions', 'history.publishedAt': 'Publiée le', 'history.publishedBy': 'Par', 'history.message': 'Message',
    'history.active': 'Active', 'history.activate': 'Revenir à cette version', 'history.activated': 'Version {version} active.',
    'history.confirm': 'Rendre active la version {version} ?', 'history.download': 'Télécharger un fichier de cette version',
    'history.file': 'Fichier', 'history.get': 'Télécharger', 'history.view': 'Voir',
    'file.fromActive': 'Version active {version} : ce qui décide.', 'file.fromVersion': 'Version {version}, qui n’est pas active (pas de comptes de scénarios).',
    'file.fromFolders': 'Dossier de travail du serveur : ce brouillon n’est pas actif.',
    'file.showHidden': 'Afficher les {n} lignes techniques masquées dans le classeur', 'history.fallback': "L'historique des versions n'est pas disponible ; seule la version active est connue :",
    'files.title': 'Fichiers', 'files.rules': '{n} règles', 'files.scenarios': 'livre de scénarios', 'files.back': 'Retour aux règles actives',
    'file.sheets': 'Feuilles', 'file.row': 'Ligne', 'file.covered': 'Scénarios', 'file.coverHint': 'Colonne « Scénarios » : combien des {n} scénarios déclenchent la ligne (0 en rouge : aucun).',
    'file.hidden': '(masquée)', 'file.truncated': 'Feuille tronquée à {n} lignes.', 'file.scenariosOnLine': '{n} scénario(s)',
    'file.download': 'Télécharger le fichier', 'file.sheetGrid': 'Feuille {sheet}', 'file.text': 'Texte de {path}',
    'file.rowHere': 'Ligne {row} de la feuille {sheet}', 'file.lineHere': 'Ligne {line}',
    'try.title': 'Essayer une réclamation', 'try.id': 'Identifiant de la réclamation', 'try.receivedOn': 'Reçue le',
    'try.text': 'Texte du client', 'try.reasons': 'Motifs CRM', 'try.customer': 'Client', 'try.customerId': 'Identifiant client',
    'try.customerType': 'Type de client', 'try.invoice': 'Facture', 'try.invoiceNone': 'Sans facture (laisser le numéro vide)',
    'try.number': 'Numéro', 'try.issuedOn': 'Émise le', 'try.dueOn': 'Échéance', 'try.amount': 'Montant', 'try.currency': 'Devise',
    'try.status': 'Statut', 'try.terms': 'Délai de paiement (jours)', 'try.json': 'Autres champs (JSON, fusionné avec le formulaire)',
    'try.jsonHint': 'Par exemple {"customer": {"strategic": true}, "order": {...}, "deliveries": [...]} — voir le contrat d’API.',
    'try.submit': 'Décider', 'try.badJson': 'Le JSON des autres champs est invalide : {detail}', 'try.invalid': 'Réclamation refusée :',
    'decision.title': 'Décision', 'decision.cause': 'Cause principale', 'decision.confidence': 'Confiance', 'decision.causes': 'Causes trouvées',
    'decision.evidence': 'Preuves', 'decision.department': 'Service', 'decision.also': 'Aussi concernés', 'decision.priority': 'Priorité',
    'decision.channel': 'Canal recommandé', 'decision.escalation': 'Échelle de recours', 'decision.rationale': 'Justification', 'decision.actions': 'Actions',
    'decision.impact': 'Impact sur les paiements', 'decision.amountAtRisk': 'Montant en jeu', 'decision.days': 'Délai de résolution attendu (jours)',
    'decision.resolutionOn': 'Résolution attendue le', 'decision.paymentOn': 'Paiement attendu le', 'decision.delay': 'Retard (jours)',
    'decision.rate': 'Taux de financement annuel', 'decision.cost': 'Coût de financement', 'decision.policy': 'Politique',
    'decision.trace': 'Trace : règles appliquées', 'decision.rule': 'Règle', 'decision.source': 'Fichier', 'decision.where': 'Où', 'decision.open': 'Ouvrir',
    'decision.ruleset': 'Jeu de règles',
    'change.title': 'Modifier les règles', 'change.files': 'Fichiers modifiés (.xlsx, .drl)',
    'change.pathFor': 'Chemin dans le jeu de règles de {name}', 'change.submit': 'Vérifier le changement',
    'change.hint': 'Le service compile le candidat et rejoue tous les scénarios ; rien ne change en production avant « Publier ».',
    'change.noFile': 'Choisissez au moins un fichier.',
    'change.delete': 'Fichiers à supprimer du jeu de règles',
    'change.reloadHint': 'Sans l’API des candidats, déposez le fichier dans son dossier sur le serveur puis rechargez : les erreurs s’afficheront ici.',
    'cand.title': 'Candidat {id}', 'cand.status': 'Statut', 'cand.base': 'Version de départ', 'cand.errors': 'Erreurs',
    'cand.scenarios': 'Scénarios : {passed} réussis sur {run}', 'cand.failed': 'Scénarios en échec', 'cand.changes': 'Différences, ligne à ligne',
    'cand.noChange': 'Aucune différence avec la version active.', 'cand.before': 'Avant', 'cand.after': 'Après', 'cand.sheetRow': 'Feuille {sheet}, ligne {row}',
    'cand.rule': 'Règle « {name} » ({change}, ligne {line})',
    'impact.title': 'Impact sur des réclamations rejouées', 'impact.sample': 'L’échantillon livré (replay/sample.ndjson)',
    'impact.upload': 'Un fichier (JSON ou NDJSON)', 'impact.file': 'Fichier de réclamations', 'impact.run': 'Mesurer l’impact',
    'impact.decided': 'Décidées', 'impact.failed': 'En échec', 'impact.changed': 'Changées', 'impact.byField': 'Changements par champ',
    'impact.costBefore': 'Coût de financement avant', 'impact.costAfter': 'Coût de financement après', 'impact.examples': 'Exemples',
    'impact.complaint': 'Réclamation', 'impact.field': 'Champ', 'impact.noSample': 'L’échantillon livré est absent de ce service : choisissez un fichier.',
    'impact.none': 'Aucune décision rejouée ne change avec ce candidat.', 'impact.source': 'Réclamations à rejouer',
    'publish.title': 'Publier', 'publish.message': 'Message (ce qui change et pourquoi)', 'publish.submit': 'Publier cette version',
    'publish.done': 'Publiée : version {version}, active.', 'publish.refused': 'Candidat refusé : corrigez les erreurs avant de publier.',
    'report.title': 'Rapport des litiges', 'report.file': 'Historique de réclamations (JSON ou NDJSON)', 'report.submit': 'Produire le rapport',
    'report.xlsx': 'Télécharger le classeur (.xlsx)', 'report.complaints': 'Réclamations', 'report.unknown': 'Part des causes inconnues',
    'report.cost': 'Coût de financement total', 'report.byCause': 'Par cause', 'report.byDepartment': 'Par service',
    'report.byChannel': 'Par canal recommandé', 'report.byMonth': 'Par mois de réception', 'report.count': 'Nombre',
    'report.amount': 'Montant en jeu', 'report.financing': 'Coût de financement', 'report.label': 'Valeur', 'report.bar': 'Part',
    'report.badFile': 'Fichier illisible : ni un JSON ni un NDJSON de réclamations ({detail}).',
  },
  en: {
    'skip': 'Skip to content',
    'app.title': 'Customer disputes console',
    'nav.label': 'Console',
    'nav.rules': 'Active rules', 'nav.try': 'Try a complaint', 'nav.change': 'Change', 'nav.report': 'Disputes report',
    'lang.other': 'Français', 'signout': 'Sign out', 'signedin': 'Signed in: {name}',
    'signin.title': 'Sign in', 'signin.key': 'API key (role rules-admin)', 'signin.submit': 'Sign in',
    'signin.hint': 'The key stays in this page’s memory: it is neither stored nor sent anywhere but to this service. Reloading the page signs you out.',
    'signin.oidc': 'Sign in with the identity provider', 'signin.or': 'or',
    'signin.bad': 'The service refused this key.', 'signin.notadmin': 'These credentials lack the rules-admin role: the console is closed to them.',
    'signin.oidcfail': 'Signing in with the identity provider failed: {detail}',
    'loading': 'Loading…', 'none': '(none)', 'yes': 'yes', 'no': 'no', 'close': 'Close',
    'missing': 'This feature is not available on this service yet ({path} answers 404). The rest of the console works.',
    'failed': 'The service answered {status}: {detail}',
    'rules.title': 'Active rules', 'rules.version': 'Version', 'rules.hash': 'Hash', 'rules.loadedAt': 'Loaded at',
    'rules.count': 'Rules', 'rules.lastReload': 'Last reload', 'rules.reload': 'Reload from the folders',
    'rules.reloaded': 'Reload applied: version {version}.', 'rules.refused': 'Reload refused: the previous version stays active. Errors:',
    'history.title': 'Version history', 'history.publishedAt': 'Published at', 'history.publishedBy': 'By', 'history.message': 'Message',
    'history.active': 'Active', 'history.activate': 'Go back to this version', 'history.activated': 'Version {version} is active.',
    'history.confirm': 'Make version {version} active?', 'history.download': 'Download a file of this version',
    'history.file': 'File', 'history.get': 'Download', 'history.view': 'View',
    'file.fromActive': 'Active version {version}: what decides.', 'file.fromVersion': 'Version {version}, not the active one (no scenario counts).',
    'file.fromFolders': 'The server’s working folder: this draft is not active.',
    'file.showHidden': 'Show the {n} technical rows the workbook hides', 'history.fallback': 'The version history is not available; only the active version is known:',
    'files.title': 'Files', 'files.rules': '{n} rules', 'files.scenarios': 'scenario book', 'files.back': 'Back to the active rules',
    'file.sheets': 'Sheets', 'file.row': 'Row', 'file.covered': 'Scenarios', 'file.coverHint': 'Column “Scenarios”: how many of the {n} scenarios fire the row (0 in red: none).',
    'file.hidden': '(hidden)', 'file.truncated': 'Sheet cut at {n} rows.', 'file.scenariosOnLine': '{n} scenario(s)',
    'file.download': 'Download the file', 'file.sheetGrid': 'Sheet {sheet}', 'file.text': 'Text of {path}',
    'file.rowHere': 'Row {row} of sheet {sheet}', 'file.lineHere': 'Line {line}',
    'try.title': 'Try a complaint', 'try.id': 'Complaint id', 'try.receivedOn': 'Received on',
    'try.text': 'Customer text', 'try.reasons': 'CRM reason codes', 'try.customer': 'Customer', 'try.customerId': 'Customer id',
    'try.customerType': 'Customer type', 'try.invoice': 'Invoice', 'try.invoiceNone': 'No invoice (leave the number empty)',
    'try.number': 'Number', 'try.issuedOn': 'Issued on', 'try.dueOn': 'Due on', 'try.amount': 'Amount', 'try.currency': 'Currency',
    'try.status': 'Status', 'try.terms': 'Payment terms (days)', 'try.json': 'Other fields (JSON, merged with the form)',
    'try.jsonHint': 'For example {"customer": {"strategic": true}, "order": {...}, "deliveries": [...]} — see the API contract.',
    'try.submit': 'Decide', 'try.badJson': 'The other fields’ JSON is invalid: {detail}', 'try.invalid': 'Complaint refused:',
    'decision.title': 'Decision', 'decision.cause': 'Primary cause', 'decision.confidence': 'Confidence', 'decision.causes': 'Causes found',
    'decision.evidence': 'Evidence', 'decision.department': 'Department', 'decision.also': 'Also involved', 'decision.priority': 'Priority',
    'decision.channel': 'Recommended channel', 'decision.escalation': 'Escalation path', 'decision.rationale': 'Rationale', 'decision.actions': 'Actions',
    'decision.impact': 'Payment impact', 'decision.amountAtRisk': 'Amount at risk', 'decision.days': 'Expected resolution (days)',
    'decision.resolutionOn': 'Expected resolution on', 'decision.paymentOn': 'Expected payment on', 'decision.delay': 'Delay (days)',
    'decision.rate': 'Annual financing rate', 'decision.cost': 'Financing cost', 'decision.policy': 'Policy',
    'decision.trace': 'Trace: rules applied', 'decision.rule': 'Rule', 'decision.source': 'File', 'decision.where': 'Where', 'decision.open': 'Open',
    'decision.ruleset': 'Ruleset',
    'change.title': 'Change the rules', 'change.files': 'Changed files (.xlsx, .drl)',
    'change.pathFor': 'Path in the ruleset of {name}', 'change.submit': 'Check the change',
    'change.hint': 'The service compiles the candidate and replays every scenario; nothing changes in production before “Publish”.',
    'change.noFile': 'Choose at least one file.',
    'change.delete': 'Files to remove from the ruleset',
    'change.reloadHint': 'Without the candidates API, put the file in its folder on the server and reload: the errors will show here.',
    'cand.title': 'Candidate {id}', 'cand.status': 'Status', 'cand.base': 'Base version', 'cand.errors': 'Errors',
    'cand.scenarios': 'Scenarios: {passed} passed out of {run}', 'cand.failed': 'Failed scenarios', 'cand.changes': 'Differences, row by row',
    'cand.noChange': 'No difference with the active version.', 'cand.before': 'Before', 'cand.after': 'After', 'cand.sheetRow': 'Sheet {sheet}, row {row}',
    'cand.rule': 'Rule “{name}” ({change}, line {line})',
    'impact.title': 'Impact on replayed complaints', 'impact.sample': 'The shipped sample (replay/sample.ndjson)',
    'impact.upload': 'A file (JSON or NDJSON)', 'impact.file': 'Complaints file', 'impact.run': 'Measure the impact',
    'impact.decided': 'Decided', 'impact.failed': 'Failed', 'impact.changed': 'Changed', 'impact.byField': 'Changes by field',
    'impact.costBefore': 'Financing cost before', 'impact.costAfter': 'Financing cost after', 'impact.examples': 'Examples',
    'impact.complaint': 'Complaint', 'impact.field': 'Field', 'impact.noSample': 'The shipped sample is missing on this service: choose a file.',
    'impact.none': 'No replayed decision changes with this candidate.', 'impact.source': 'Complaints to replay',
    'publish.title': 'Publish', 'publish.message': 'Message (what changes and why)', 'publish.submit': 'Publish this version',
    'publish.done': 'Published: version {version}, active.', 'publish.refused': 'Candidate refused: fix the errors before publishing.',
    'report.title': 'Disputes report', 'report.file': 'Complaint history (JSON or NDJSON)', 'report.submit': 'Build the report',
    'report.xlsx': 'Download the workbook (.xlsx)', 'report.complaints': 'Complaints', 'report.unknown': 'Share of unknown causes',
    'report.cost': 'Total financing cost', 'report.byCause': 'By cause', 'report.byDepartment': 'By department',
    'report.byChannel': 'By recommended channel', 'report.byMonth': 'By month received', 'report.count': 'Count',
    'report.amount': 'Amount at risk', 'report.financing': 'Financing cost', 'report.label': 'Value', 'report.bar': 'Share',
    'report.badFile': 'Unreadable file: neither JSON nor NDJSON complaints ({detail}).',
  },
};

let lang = 'fr';

export function language() {
  return lang;
}

export function setLanguage(next) {
  lang = strings[next] ? next : 'fr';
  document.documentElement.lang = lang;
  document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
}

export function t(key, values = {}) {
  const text = strings[lang][key] ?? strings.fr[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (values[name] ?? m));
}

export function number(value, digits) {
  if (value === null || value === undefined || value === '') return '';
  const options = digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits };
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', options).format(value);
}

export function instant(value) {
  if (!value) return '';
  const date = new Date(value);
  return isNaN(date) ? String(value) : new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB',
    { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' }).format(date) + ' UTC';
}
