// The "match a recommendation" and "deduplicate a list" panels: they POST to /api/match and
// /api/dedup and draw the answers with DOM calls only (record text is never parsed as HTML).
import { facetName, t, valueLabel } from './i18n.js';

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

const percent = (x) => `${Math.round(x * 100)}%`;

// A <meter>: no inline style, which the page's Content-Security-Policy forbids.
function meter(value, label) {
  return el('meter', { class: 'meter', min: '0', max: '1', value: String(Math.min(1, Math.max(0, value))), 'aria-label': `${label} ${percent(value)}` });
}

// The text with the words that matched in <mark>, built as text nodes. Arabic and Latin words are
// compared case-insensitively; the matched terms are the query's words, which the record may hold
// in another form, so a word is marked when it starts like one of them.
function highlighted(text, terms) {
  const fragment = document.createDocumentFragment();
  const stems = terms.map((term) => term.toLowerCase()).filter((term) => term.length >= 3).map((term) => term.slice(0, Math.max(3, term.length - 2)));
  for (const part of text.split(/(\s+)/)) {
    const word = part.toLowerCase().replace(/^[^\p{L}\p{N}]+/u, '');
    if (part.trim() && stems.some((stem) => word.startsWith(stem))) fragment.append(el('mark', { text: part }));
    else fragment.append(part);
  }
  return fragment;
}

// recordLink(id, label) -> a link to the record view, from the page.
export function renderMatch(container, result, recordLink) {
  clear(container);
  const matches = result.matches || [];
  container.append(el('h2', { text: t('matchesTitle') }));
  if (matches.length === 0) container.append(el('p', { class: 'muted', text: t('noMatch') }));
  const list = el('ol', { class: 'hits matches' });
  for (const match of matches) {
    const badges = el('ul', { class: 'badges' });
    for (const [kind, value] of [['mechanism', match.mechanism && valueLabel('mechanism', match.mechanism)], ['body', match.body], ['state', match.state], ['year', match.year && String(match.year)]])
      if (value) badges.append(el('li', { class: `badge badge-${kind}`, dir: 'auto' }, value));
    const item = el('li', { class: 'hit match', 'data-id': match.id },
      el('h3', { class: 'hit-title' }, recordLink(match.id, [match.symbol, match.paragraph ? `¶ ${match.paragraph}` : ''].filter(Boolean).join(' ') || match.id),
        ' ', meter(match.score, t('similarity')), el('span', { class: 'score', text: percent(match.score) })),
      el('p', { class: 'hit-text', dir: 'auto', lang: match.text_lang }, highlighted(match.text || '', match.matched_terms || [])),
      badges);
    const translated = match.translated_terms || [];
    if (translated.length) {
      const terms = el('ul', { class: 'inline-list translated', 'aria-label': t('translatedTerms') });
      for (const term of translated.slice(0, 6))
        terms.append(el('li', {}, el('bdi', { text: term.from }), ' → ', el('bdi', { lang: term.to_lang, text: term.to })));
      item.append(el('p', { class: 'muted' }, t('translatedTerms'), ': '), terms);
    }
    list.append(item);
  }
  container.append(list);

  const suggestions = result.suggestions || {};
  const schemes = Object.keys(suggestions).filter((scheme) => suggestions[scheme].length);
  if (schemes.length === 0) return;
  container.append(el('h2', { text: t('suggestionsTitle') }));
  const grid = el('div', { class: 'suggestions' });
  for (const scheme of schemes) {
    const facet = ['mechanism', 'body', 'responsible'].includes(scheme) ? scheme : `tag:${scheme}`;
    const rows = el('ul', { class: 'suggestion-list' });
    for (const s of suggestions[scheme]) {
      const evidence = el('span', { class: 'evidence' });
      for (const id of (s.evidence || []).slice(0, 3)) evidence.append(recordLink(id, id), ' ');
      rows.append(el('li', { class: s.abstain ? 'suggestion abstain' : 'suggestion' },
        el('span', { class: 'suggestion-label', dir: 'auto', text: valueLabel(facet, s.label) }),
        meter(s.confidence, t('confidence')),
        el('span', { class: 'score', text: percent(s.confidence) }),
        s.abstain ? el('span', { class: 'muted', text: ` (${t('abstained')})` }) : null,
        evidence));
    }
    grid.append(el('section', { class: 'suggestion-scheme' }, el('h3', { text: facetName(facet) }), rows));
  }
  container.append(grid);
}

// RFC 4180 CSV, with a byte-order mark so that spreadsheet programs read Arabic as UTF-8.
function csvField(value) {
  const text = String(value ?? '');
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function clustersCsv(result) {
  const rows = [['cluster', 'id', 'similarity', 'representative', 'text']];
  for (const cluster of result.clusters || [])
    for (const member of cluster.members)
      rows.push([cluster.cluster, member.id, member.similarity, member.id === cluster.representative.id ? 'yes' : '', member.text]);
  return '\uFEFF' + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function renderDedup(container, result) {
  clear(container);
  container.append(el('p', { class: 'result-count', role: 'status', text: t('dedupSummary', { items: result.items, clusters: (result.clusters || []).length, duplicates: result.duplicate_clusters }) }));
  const download = el('button', { type: 'button', class: 'secondary', text: t('exportCsv') });
  download.addEventListener('click', () => {
    const url = URL.createObjectURL(new Blob([clustersCsv(result)], { type: 'text/csv;charset=utf-8' }));
    const link = el('a', { href: url, download: 'tawsiya-clusters.csv' });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
  container.append(download);
  const list = el('ol', { class: 'clusters' });
  for (const cluster of result.clusters || []) {
    const members = el('ul', { class: 'cluster-members' });
    for (const member of cluster.members) {
      const representative = member.id === cluster.representative.id;
      members.append(el('li', { class: representative ? 'member representative' : 'member' },
        el('span', { class: 'member-id', dir: 'auto', text: member.id }),
        representative ? el('span', { class: 'badge', text: t('representative') }) : el('span', { class: 'score', text: percent(member.similarity) }),
        el('p', { class: 'hit-text', dir: 'auto', text: member.text })));
    }
    list.append(el('li', { class: cluster.size > 1 ? 'cluster duplicates' : 'cluster' },
      el('h3', { text: cluster.size > 1 ? t('clusterOf', { n: cluster.size }) : t('single') }), members));
  }
  container.append(list);
}

// A .csv file's "text" column (and "id" when there is one), or a .txt file's lines.
export function itemsOfFile(name, content) {
  if (!/\.csv$/i.test(name)) return content.split(/\r?\n/).filter((line) => line.trim()).map((text, i) => ({ id: String(i + 1), text }));
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < content.length; ++i) {
    const c = content[i];
    if (quoted) {
      if (c === '"' && content[i + 1] === '"') { field += '"'; ++i; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && content[i + 1] === '\n') ++i;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  const header = (rows.shift() || []).map((h) => h.replace(/^\uFEFF/, '').trim().toLowerCase());
  const textAt = header.indexOf('text'), idAt = header.indexOf('id');
  if (textAt < 0) throw new Error(t('csvNoText'));
  return rows.filter((r) => (r[textAt] || '').trim()).map((r, i) => ({ id: idAt >= 0 && r[idAt] ? r[idAt] : String(i + 1), text: r[textAt] }));
}

