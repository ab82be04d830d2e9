// Streamlit draws its own texts in English only: the file uploader's, the hints under the inputs,
// the toolbars of the tables and charts, their tooltips and what screen readers hear (the skip link,
// the buttons' labels, the running status). While the app is in French (`window.tptLanguage`, set by
// the page), this script says them in French; in English, Streamlit's own texts come back.
// No opening angle bracket anywhere in this script: the HTML sanitizer would drop it whole.
(() => {
  if (window.tptStreamlitFr) return;
  window.tptStreamlitFr = true;
  const size = (n, unit) => `${n.replace(".", ",")} ${unit.replace("B", "o")}`;
  // Labels and short texts, as Streamlit writes them (a button's label may end with « : » and its context).
  const words = {
    "Fullscreen": "Plein écran",
    "Close fullscreen": "Quitter le plein écran",
    "Show data": "Voir les données",
    "Show chart": "Voir le graphique",
    "Download as PNG": "Télécharger en PNG",
    "Download as SVG": "Télécharger en SVG",
    "Download as CSV": "Télécharger en CSV",
    "Copy Vega-Lite spec": "Copier la spécification Vega-Lite",
    "Copied!": "Copié !",
    "Show/hide columns": "Afficher ou masquer des colonnes",
    "Search": "Rechercher",
    "Close Search": "Fermer la recherche",
    "Next Result": "Résultat suivant",
    "Previous Result": "Résultat précédent",
    "Add row": "Ajouter une ligne",
    "Delete row(s)": "Supprimer les lignes",
    "Clear selection": "Effacer la sélection",
    "Dataframe column menu": "Menu de la colonne",
    "Copy column name": "Copier le nom de la colonne",
    "Link to heading": "Lien vers ce titre",
    "Skip to main content": "Aller au contenu principal",
    "Running...": "Exécution en cours…",
    "Stop": "Arrêter",
    "Stopping...": "Arrêt en cours…",
    "Collapse sidebar": "Replier la barre latérale",
    "Expand sidebar": "Déplier la barre latérale",
    "Main menu": "Menu principal",
    "App pages": "Pages de l'application",
    "Sidebar": "Barre latérale",
    "Close": "Fermer",
  };
  const word = (m) => words[m[1]] + (m[2] ?? "");
  const known = new RegExp(`^(${Object.keys(words).map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("|")})(: .*)?$`);
  const enter = (key, what) => `${key.replace("Enter", "Entrée")} pour ${what === "apply" ? "valider" : "envoyer le formulaire"}`;
  const everywhere = [
    [/^Press ((?:⌘\+|Ctrl\+)?Enter) to (apply|submit form)$/, (m) => enter(m[1], m[2])],
    [known, word],
  ];
  const uploader = [
    [/^Upload$/, () => "Choisir un fichier"],
    [/^Browse files$/, () => "Choisir un fichier"],
    [/^Drag and drop files? here$/, () => "Glissez-déposez un fichier ici"],
    [/^(?:Limit )?([\d.]+)\s?([KMG]?B) per file(?: • (.*))?$/,
      // Short: in half a page at 1280 pixels, « … par fichier · YAML, YML » was cut.
      (m) => `${size(m[1], m[2])} au plus${m[3] ? ` · ${m[3]}` : ""}`],
    [/^([\d.]+)\s?([KMG]?B)$/, (m) => size(m[1], m[2])],
    [/^Error: File must be ([\d.]+)\s?([KMG]?B) or smaller\.?$/,
      (m) => `Fichier trop gros : ${size(m[1], m[2])} au plus.`],
    [/^Error: .* files? (?:are|is) not allowed\.?$/, () => "Type de fichier non permis : choisissez un fichier YAML."],
    [/^Error: (.*)$/, (m) => `Erreur : ${m[1]}`],
  ];
  const labels = [
    [/^Remove (.*)$/, (m) => `Retirer ${m[1]}`],
    [/^Add files$/, () => "Ajouter un fichier"],
    [/^file upload$/, () => "choisir un fichier"],
    ...everywhere,
  ];
  // Where Streamlit's visible texts are: our own texts (French) never match these English ones.
  const places = [
    ['[data-testid="stFileUploader"]', [...uploader, ...everywhere]],
    ['[data-testid="InputInstructions"], [data-testid="stSkipToContent"], [data-testid="stTooltipContent"], ' +
      '[data-testid="stElementToolbar"], [data-testid="stStatusWidget"]', everywhere],
  ];
  const say = (rules, text) => {
    for (const [pattern, french] of rules) {
      const m = text.match(pattern);
      if (m) return french(m);
    }
    return null;
  };
  const texts = (element, rules, english) => {
    // Leaf elements only: React may split one sentence into several text nodes.
    if (element.children.length > 0) return;
    if (english) {
      if (element.dataset.tptEn !== undefined) element.textContent = element.dataset.tptEn;
      delete element.dataset.tptEn;
      return;
    }
    const french = say(rules, element.textContent.trim());
    if (french !== null && french !== element.textContent) {
      element.dataset.tptEn = element.textContent;
      element.textContent = french;
    }
  };
  const attribute = (element, name, english) => {
    const saved = `tptEn${name === "title" ? "Title" : "Label"}`;
    if (english) {
      if (element.dataset[saved] !== undefined) element.setAttribute(name, element.dataset[saved]);
      delete element.dataset[saved];
      return;
    }
    const value = element.getAttribute(name);
    const french = say(labels, value);
    if (french !== null && french !== value) {
      element.dataset[saved] = value;
      element.setAttribute(name, french);
    }
  };
  const translate = () => {
    const english = window.tptLanguage === "en";
    for (const [selector, rules] of places) {
      for (const box of document.querySelectorAll(selector)) {
        texts(box, rules, english);
        for (const element of box.querySelectorAll("*")) texts(element, rules, english);
      }
    }
    for (const element of document.querySelectorAll("[aria-label]")) attribute(element, "aria-label", english);
    for (const element of document.querySelectorAll("button[title]")) attribute(element, "title", english);
  };
  window.tptStreamlitTranslate = translate;  // the page calls it again when the language changes
  translate();
  new MutationObserver(translate).observe(document.body, {
    subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ["aria-label", "title"],
  });
})();
