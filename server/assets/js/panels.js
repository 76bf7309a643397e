// The "match a recommendation" and "deduplicate a list" panels: they POST to /api/match and
// /api/dedup and draw the answers with DOM calls only (record text is never parsed as HTML).
import { clustersCsv } from './csv.js';
import { highlightedText } from './highlight.js';
import { facetName, t, uiLang, valueLabel } from './i18n.js';

export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') element.className = value;
    else if (name === 'text') element.textContent = value;
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child !== null && child !== undefined) element.append(child);
  return element;
}

export function clear(element) {
  while (element.firstChild) element.firstChild.remove();
}

export async function postJson(url, body, signal) {
  const response = await fetch(url, {
    method: 'POST', signal, body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
  });
  const answer = await response.json().catch(() => null);
  if (!response.ok) throw new Error(answer?.error?.message || `HTTP ${response.status}`);
  return answer;
}

// A share as people read it in the interface's language: 0.83 -> "83%" / "٨٣٪".
export const percent = (x) => new Intl.NumberFormat(uiLang(), { style: 'percent' }).format(Math.min(1, Math.max(0, x)));

// A <meter>: no inline style, which the page's Content-Security-Policy forbids.
export function meter(value, label) {
  return el('meter', { class: 'meter', min: '0', max: '1', value: String(Math.min(1, Math.max(0, value))), 'aria-label': `${label} ${percent(value)}` });
}

function badges(match) {
  const list = el('ul', { class: 'badges' });
  const items = [['mechanism', match.mechanism && valueLabel('mechanism', match.mechanism)], ['body', match.body], ['state', match.state],
    ['year', match.year && String(match.year)], [`response badge-${match.response}`, match.response && valueLabel('response', match.response)]];
  for (const [kind, value] of items) if (value) list.append(el('li', { class: `badge badge-${kind}`, dir: 'auto' }, value));
  return list;
}

function matchTitle(match) {
  return [match.symbol, match.paragraph ? `¶ ${match.paragraph}` : ''].filter(Boolean).join(' ') || match.id;
}

// A prior recommendation: a link to its record, its similarity, its text with the matching words
// marked, its badges, and the words that matched through a translation ("التعذيب → torture").
export function matchItem(match, links) {
  // One line per word pair (the same pair often comes through French and English).
  const seen = new Set();
  const translated = (match.translated_terms || []).filter((term) => !seen.has(`${term.from}\n${term.to}`) && seen.add(`${term.from}\n${term.to}`));
  const terms = [...(match.matched_terms || []), ...translated.map((term) => term.to)];
  const item = el('li', { class: 'hit match', 'data-id': match.id },
    el('h4', { class: 'hit-title' },
      links.record(match.id, matchTitle(match), `${t('openRecord')}: ${matchTitle(match)}`),
      el('span', { class: 'similarity' }, meter(match.score, t('similarity')), el('span', { class: 'score', text: percent(match.score) }))),
    el('p', { class: 'hit-text', dir: 'auto', lang: match.text_lang }, highlightedText(match.text || '', terms)),
    badges(match));
  if (translated.length) {
    const list = el('ul', { class: 'inline-list translated', 'aria-label': t('translatedTerms') });
    // The arrow points along the reading direction: from the pasted word to the record's.
    const arrow = uiLang() === 'ar' ? ' ← ' : ' → ';
    for (const term of translated.slice(0, 8))
      list.append(el('li', { class: 'translated-term' }, el('bdi', { dir: 'auto', text: term.from }), arrow, el('bdi', { dir: 'auto', lang: term.to_lang, text: term.to })));
    item.append(el('div', { class: 'translated-terms' }, el('span', { class: 'muted', text: `${t('translatedTerms')}: ` }), list));
  }
  return item;
}

export const FIXED_SCHEMES = ['mechanism', 'body', 'responsible'];

// A scheme's suggestions: label (a link to the search filtered by it), confidence, and the
// evidence (the matches carrying the label). Abstained ones are greyed and say so.
function suggestionScheme(scheme, suggestions, links) {
  const facet = FIXED_SCHEMES.includes(scheme) ? scheme : `tag:${scheme}`;
  const rows = el('ul', { class: 'suggestion-list' });
  for (const s of suggestions) {
    const evidence = el('span', { class: 'evidence' });
    if ((s.evidence || []).length) {
      evidence.append(`${t('evidence')}: `);
      s.evidence.slice(0, 5).forEach((id, i) => evidence.append(i ? ', ' : '', links.record(id, id)));
    }
    rows.append(el('li', { class: s.abstain ? 'suggestion abstain' : 'suggestion', 'data-label': s.label },
      el('span', { class: 'suggestion-head' },
        links.facet(facet, s.label, el('span', { class: 'suggestion-label', dir: 'auto', text: valueLabel(facet, s.label) })),
        meter(s.confidence, t('confidence')),
        el('span', { class: 'score', text: percent(s.confidence) }),
        s.abstain ? el('span', { class: 'abstain-note', text: t('abstained') }) : null),
      evidence));
  }
  return el('section', { class: 'suggestion-scheme', 'data-scheme': scheme }, el('h4', { text: facetName(facet) }), rows);
}

// links.record(id, label, ariaLabel?) and links.facet(facet, value, content): links to other
// states of the page, made by the page.
export function renderMatch(container, result, links) {
  clear(container);
  const matches = result.matches || [];
  container.append(el('h3', { text: t('matchesTitle') }));
  // The state the ranking put first, and why: staff must see which state they are reading.
  if (result.state && result.state.name) {
    const how = result.state.how === 'given' ? t('stateGiven') : result.state.how;
    container.append(el('p', { class: 'match-state', dir: 'auto',
      text: `${t('stateUsed')}${result.state.name} (${how}); ${t('stateFirst')}` }));
  }
  if (matches.length === 0) container.append(el('p', { class: 'muted', text: t('noMatch') }));
  const list = el('ol', { class: 'hits matches' });
  for (const match of matches) list.append(matchItem(match, links));
  container.append(list);

  const suggestions = result.suggestions || {};
  const schemes = Object.keys(suggestions).filter((scheme) => (suggestions[scheme] || []).length);
  if (schemes.length === 0) return;
  container.append(el('h3', { text: t('suggestionsTitle') }), el('p', { class: 'muted', text: t('suggestionsHelp') }));
  const grid = el('div', { class: 'suggestions' });
  for (const scheme of schemes) grid.append(suggestionScheme(scheme, suggestions[scheme], links));
  container.append(grid);
}

// Offers a text as a file download, made here (no server round trip).
export function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function renderDedup(container, result) {
  clear(container);
  const clusters = result.clusters || [];
  const exportButton = el('button', { type: 'button', class: 'secondary export-csv', text: t('exportCsv') });
  exportButton.addEventListener('click', () => download('tawsiya-clusters.csv', clustersCsv(result), 'text/csv;charset=utf-8'));
  container.append(el('div', { class: 'dedup-summary' },
    el('p', { class: 'result-count', role: 'status', text: t('dedupSummary', { items: result.items, clusters: clusters.length, duplicates: result.duplicate_clusters }) }),
    exportButton));
  const list = el('ol', { class: 'clusters' });
  for (const cluster of clusters) {
    const members = el('ul', { class: 'cluster-members' });
    for (const member of cluster.members) {
      // Only a group of duplicates has a representative worth pointing at.
      const representative = cluster.size > 1 && member.id === cluster.representative.id;
      members.append(el('li', { class: representative ? 'member representative' : 'member', 'data-id': member.id },
        el('span', { class: 'member-head' },
          el('bdi', { class: 'member-id', text: member.id }),
          representative ? el('span', { class: 'badge badge-representative', text: t('representative') }) : null,
          cluster.size > 1 && !representative ? meter(member.similarity, t('similarity')) : null,
          cluster.size > 1 && !representative ? el('span', { class: 'score', text: percent(member.similarity) }) : null),
        el('p', { class: 'hit-text', dir: 'auto', text: member.text })));
    }
    list.append(el('li', { class: cluster.size > 1 ? 'cluster duplicates' : 'cluster', 'data-size': String(cluster.size) },
      el('h3', { text: cluster.size > 1 ? t('clusterOf', { n: cluster.size }) : t('single') }), members));
  }
  container.append(list);
}
