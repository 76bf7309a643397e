// Builds DOM from an engine snippet: HTML-escaped text whose only markup is <mark>...</mark>.
// Nothing is ever parsed as HTML: the text is split on the two tags, each piece is unescaped into
// a text node, so a record holding "<script>" stays text whatever the engine sends.
const ENTITIES = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'", '&apos;': "'" };

export function unescapeHtml(text) {
  return text.replace(/&(?:amp|lt|gt|quot|apos|#39|#x27);/g, (entity) => ENTITIES[entity]);
}

export function snippetFragment(snippet) {
  const fragment = document.createDocumentFragment();
  let marked = false;
  for (const piece of String(snippet).split(/(<mark>|<\/mark>)/)) {
    if (piece === '<mark>') { marked = true; continue; }
    if (piece === '</mark>') { marked = false; continue; }
    if (!piece) continue;
    const text = document.createTextNode(unescapeHtml(piece));
    if (marked) {
      const mark = document.createElement('mark');
      mark.appendChild(text);
      fragment.appendChild(mark);
    } else {
      fragment.appendChild(text);
    }
  }
  return fragment;
}
