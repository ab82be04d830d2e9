// Streamlit's file uploader speaks English only: its visible texts and labels are said in French,
// while the app is in French (`window.tptLanguage`, set by the page); in English, its own texts come back.
(() => {
  if (window.tptUploaderFr) return;
  window.tptUploaderFr = true;
  const size = (n, unit) => `${n.replace(".", ",")} ${unit.replace("B", "o")}`;
  const texts = [
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
  ];
  const say = (rules, text) => {
    for (const [pattern, french] of rules) {
      const m = text.match(pattern);
      if (m) return french(m);
    }
    return null;
  };
  const translate = () => {
    const english = window.tptLanguage === "en";
    for (const box of document.querySelectorAll('[data-testid="stFileUploader"]')) {
      // Leaf elements only: React may split one sentence into several text nodes.
      for (const element of box.querySelectorAll("*")) {
        if (element.children.length > 0) continue;
        if (english) {
          if (element.dataset.tptEn !== undefined) element.textContent = element.dataset.tptEn;
          delete element.dataset.tptEn;
          continue;
        }
        const french = say(texts, element.textContent.trim());
        if (french !== null && french !== element.textContent) {
          element.dataset.tptEn = element.textContent;
          element.textContent = french;
        }
      }
      for (const element of box.querySelectorAll("[aria-label]")) {
        if (english) {
          if (element.dataset.tptEnLabel !== undefined) element.setAttribute("aria-label", element.dataset.tptEnLabel);
          delete element.dataset.tptEnLabel;
          continue;
        }
        const label = element.getAttribute("aria-label");
        const french = say(labels, label);
        if (french !== null) {
          element.dataset.tptEnLabel = label;
          element.setAttribute("aria-label", french);
        }
      }
    }
  };
  window.tptUploaderTranslate = translate;  // the page calls it again when the language changes
  translate();
  new MutationObserver(translate).observe(document.body, { subtree: true, childList: true, characterData: true });
})();
