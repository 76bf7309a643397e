// Marks, in a prior recommendation's text, the words that made it match. The server names the
// words of the pasted text (and, across languages, the record's own words); the record may hold
// them in another form ("executions" / "execution", "الإعدام" / "والإعدام"), so words are compared
// folded (case, accents, Arabic hamza and diacritics, a leading article or conjunction) and a word
// is marked when it starts like a term. Built as text nodes: the text is never parsed as HTML.

// Case and marks away (NFD splits "é" and "أ" into a letter and a mark); the letters Arabic
// spelling varies on, unified.
function fold(word) {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
    .replace(/\u0671/g, '\u0627').replace(/\u0629/g, '\u0647').replace(/\u0649/g, '\u064A').replace(/\u0640/g, '');
}

// Arabic proclitics (and, so, with, for, the), when at least three letters remain.
const ARABIC_PREFIX = /^(?:وال|فال|بال|كال|لل|ال|و|ف|ب|ل)(?=\p{L}{3})/u;

function key(word) {
  const folded = fold(word);
  return /\p{Script=Arabic}/u.test(folded) ? folded.replace(ARABIC_PREFIX, '') : folded;
}

// The start a word must have to count as a form of the term: the term less a short ending.
function stemOf(term) {
  const k = key(term);
  return k.length <= 4 ? k : k.slice(0, Math.max(4, k.length - 2));
}

const WORD = /([\p{L}\p{N}][\p{L}\p{M}\p{N}]*)/u;

export function highlightedText(text, terms) {
  const stems = [...new Set(terms.filter(Boolean).map(stemOf))].filter((stem) => stem.length >= 2);
  const fragment = document.createDocumentFragment();
  for (const part of String(text).split(WORD)) {
    if (!part) continue;
    const k = WORD.test(part) ? key(part) : '';
    if (k && stems.some((stem) => k.startsWith(stem))) {
      const mark = document.createElement('mark');
      mark.textContent = part;
      fragment.append(mark);
    } else {
      fragment.append(part);
    }
  }
  return fragment;
}
