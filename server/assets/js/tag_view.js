// The "tag a document" view: a file (PDF, Word, OpenDocument, text) or pasted text is split by the
// server (POST /api/tag/file or /api/tag with "match": false) into numbered segments that staff
// review (merge with the next, split at the cursor, drop) before they are matched and tagged
// (POST /api/tag with "segments"); each segment's suggestions are then accepted or rejected, one
// by one or in bulk, and the reviewed list is exported as CSV or JSON lines, made here from the
// reviewed state. Drawn with DOM calls only (document text is never parsed as HTML).
import { facetName, plural, t, valueLabel } from './i18n.js';
import { FIXED_SCHEMES, clear, download, el, matchItem, meter, percent } from './panels.js';

const MATCHES_SHOWN = 3;
const MATCH_K = 5;
const CHUNK = 50;  // segments per request: progress is shown between them
const RETRIES = 5;  // a busy server (503) is asked again after its Retry-After

const $ = (id) => document.getElementById(id);

let doc = null;  // {file, kind, symbol, state, name}: the document split last
let segments = [];  // {key, paragraph, line, page, text, context, issuer, lang, dropped, result, decisions}
let nextKey = 1;
let chosenFile = null;
let request = null;  // the AbortController of the split or match in flight
let links = null;  // the page's links to records and searches (app.js)

// ---- requests ---------------------------------------------------------------------------------

async function send(url, init, signal) {
  for (let attempt = 0; ; ++attempt) {
    const response = await fetch(url, { ...init, signal });
    const answer = await response.json().catch(() => null);
    if (response.ok) return answer;
    if (response.status === 503 && attempt < RETRIES) {
      const wait = Number.parseInt(response.headers.get('Retry-After') || '1', 10) || 1;
      await new Promise((resolve) => setTimeout(resolve, wait * 1000));
      continue;
    }
    throw new Error(answer?.error?.message || `HTTP ${response.status}`);
  }
}

const postJson = (url, body, signal) => send(url, {
  method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
}, signal);

function showError(message) {
  $('tag-error').textContent = message ? t('tagFailed') + message : '';
  $('tag-error').hidden = !message;
}

function setStatus(text) {
  $('tag-status').textContent = text;
}

function begin() {
  request?.abort();
  request = new AbortController();
  showError('');
  return request.signal;
}

// ---- the split --------------------------------------------------------------------------------

function segmentOf(paragraph) {
  return {
    key: nextKey++, paragraph: paragraph.paragraph || '', line: paragraph.line || 0, page: paragraph.page || 0,
    text: paragraph.text || '', context: paragraph.context || '', issuer: paragraph.issuer || null, lang: paragraph.lang || '',
    dropped: false, result: null, decisions: new Map(),
  };
}

async function split() {
  const signal = begin();
  const lang = $('tag-lang').value;
  const text = $('tag-text').value;
  if (!chosenFile && !text.trim()) return showError(t('tagEmpty'));
  setStatus(t('tagSplitting'));
  $('tag-view').setAttribute('aria-busy', 'true');
  try {
    let answer;
    if (chosenFile) {
      const params = new URLSearchParams({ match: '0', name: chosenFile.name });
      if (lang) params.set('lang', lang);
      answer = await send(`/api/tag/file?${params}`, {
        method: 'POST', body: chosenFile, headers: { 'Content-Type': chosenFile.type || 'application/octet-stream', Accept: 'application/json' },
      }, signal);
    } else {
      const body = { text, match: false };
      if (lang) body.lang = lang;
      answer = await postJson('/api/tag', body, signal);
    }
    doc = { file: answer.file || null, kind: answer.kind || '', symbol: answer.symbol || '', state: answer.state || null, name: chosenFile?.name || '' };
    segments = (answer.paragraphs || []).map(segmentOf);
    renderReview();
    $('tag-segments').querySelector('textarea')?.focus();
  } catch (error) {
    if (error.name === 'AbortError') return;
    setStatus('');
    showError(error.message);
  } finally {
    $('tag-view').removeAttribute('aria-busy');
  }
}

// ---- matching ---------------------------------------------------------------------------------

const live = () => segments.filter((s) => !s.dropped);

async function matchAll() {
  const signal = begin();
  const waiting = live().filter((s) => !s.result);
  if (waiting.length === 0) return renderReview();
  $('tag-view').setAttribute('aria-busy', 'true');
  try {
    for (let start = 0; start < waiting.length; start += CHUNK) {
      setStatus(t('tagMatching', { done: start, total: waiting.length }));
      const chunk = waiting.slice(start, start + CHUNK);
      const body = {
        k: MATCH_K,
        segments: chunk.map((s) => ({ paragraph: s.paragraph, line: s.line, page: s.page, text: s.text, context: s.context, lang: s.lang || undefined, issuer: s.issuer || undefined })),
      };
      if (doc?.symbol) body.symbol = doc.symbol;
      if (doc?.state?.name) {
        body.state = doc.state.name;
        if (doc.state.how && doc.state.how !== 'given') body.state_how = doc.state.how;
      }
      const answer = await postJson('/api/tag', body, signal);
      (answer.paragraphs || []).forEach((tagged, i) => {
        chunk[i].result = tagged;
        chunk[i].decisions = new Map();
      });
    }
    renderReview();
  } catch (error) {
    if (error.name === 'AbortError') return;
    renderReview();
    showError(error.message);
  } finally {
    $('tag-view').removeAttribute('aria-busy');
  }
}

// ---- review: decisions ------------------------------------------------------------------------

const decisionKey = (scheme, label) => `${scheme}\u0000${label}`;

function suggestionsOf(segment) {
  const out = [];
  for (const [scheme, list] of Object.entries(segment.result?.suggestions || {}))
    for (const s of list || []) out.push({ scheme, ...s });
  return out;
}

// Bulk: every suggestion still undecided becomes `decision`; "accepted" takes the sure ones only.
function decideAll(list, decision) {
  for (const segment of list)
    for (const s of suggestionsOf(segment)) {
      const key = decisionKey(s.scheme, s.label);
      if (segment.decisions.has(key)) continue;
      if (decision === 'accepted' && s.abstain) continue;
      segment.decisions.set(key, decision);
    }
}

// ---- drawing ------------------------------------------------------------------------------------

function schemeFacet(scheme) {
  return FIXED_SCHEMES.includes(scheme) ? scheme : `tag:${scheme}`;
}

function metaLine(segment) {
  const parts = [];
  if (segment.paragraph) parts.push(t('tagParagraph', { p: segment.paragraph }));
  if (segment.page) parts.push(t('tagPage', { n: segment.page }));
  if (segment.line) parts.push(t('tagLine', { n: segment.line }));
  return parts.join(' · ');
}

function focusLater(key, selector) {
  $('tag-segments').querySelector(`li[data-key="${key}"] ${selector}`)?.focus();
}

function suggestionRow(segment, s) {
  const key = decisionKey(s.scheme, s.label);
  const decision = segment.decisions.get(key) || '';
  const facet = schemeFacet(s.scheme);
  const name = valueLabel(facet, s.label);
  const toggle = (value, textKey) => {
    const button = el('button', { type: 'button', class: `decide decide-${value}`, 'aria-pressed': String(decision === value),
      'aria-label': `${t(textKey)}: ${facetName(facet)} — ${name}`, text: t(textKey) });
    button.addEventListener('click', () => {
      if (segment.decisions.get(key) === value) segment.decisions.delete(key);
      else segment.decisions.set(key, value);
      renderReview();
      focusLater(segment.key, `li[data-scheme="${CSS.escape(s.scheme)}"][data-label="${CSS.escape(s.label)}"] .decide-${value}`);
    });
    return button;
  };
  const evidence = el('span', { class: 'evidence' });
  if ((s.evidence || []).length) {
    evidence.append(`${t('evidence')}: `);
    s.evidence.slice(0, 3).forEach((id, i) => evidence.append(i ? ', ' : '', links.record(id, id)));
  }
  return el('li', { class: `suggestion tag-suggestion${s.abstain ? ' abstain' : ''}${decision ? ` ${decision}` : ''}`, 'data-scheme': s.scheme, 'data-label': s.label, 'data-decision': decision || 'undecided' },
    el('span', { class: 'suggestion-head' },
      el('span', { class: 'suggestion-scheme-name muted', text: `${facetName(facet)}: ` }),
      el('span', { class: 'suggestion-label', dir: 'auto', text: name }),
      meter(s.confidence, t('confidence')),
      el('span', { class: 'score', text: percent(s.confidence) }),
      s.abstain ? el('span', { class: 'abstain-note', text: t('abstained') }) : null,
      decision ? el('span', { class: `decision-note ${decision}`, text: t(decision === 'accepted' ? 'tagAccepted' : 'tagRejected') }) : null),
    el('span', { class: 'decide-buttons' }, toggle('accepted', 'tagAccept'), toggle('rejected', 'tagReject')),
    evidence);
}

function resultBlock(segment) {
  const result = segment.result;
  const block = el('div', { class: 'segment-result' });
  const matches = (result.matches || []).slice(0, MATCHES_SHOWN);
  block.append(el('h4', { text: t('matchesTitle') }));
  if (matches.length === 0) block.append(el('p', { class: 'muted', text: t('noMatch') }));
  const list = el('ol', { class: 'hits matches' });
  for (const match of matches) list.append(matchItem(match, links));
  block.append(list);
  const suggestions = suggestionsOf(segment);
  if (suggestions.length) {
    const bulk = (decision, textKey) => {
      const button = el('button', { type: 'button', class: `secondary bulk-${decision}`, text: t(textKey) });
      button.addEventListener('click', () => {
        decideAll([segment], decision);
        renderReview();
        focusLater(segment.key, `.bulk-${decision}`);
      });
      return button;
    };
    block.append(el('h4', { text: t('suggestionsTitle') }),
      el('div', { class: 'segment-bulk' }, bulk('accepted', 'tagSegmentAccept'), bulk('rejected', 'tagSegmentReject')));
    const rows = el('ul', { class: 'suggestion-list' });
    for (const s of suggestions) rows.append(suggestionRow(segment, s));
    block.append(rows);
  }
  return block;
}

function segmentItem(segment, index) {
  const last = index === segments.length - 1;
  const number = index + 1;
  const action = (name, textKey, handler, disabled = false) => {
    const button = el('button', { type: 'button', class: `secondary segment-${name}`, disabled, text: t(textKey),
      'aria-label': `${t(textKey)} — ${t('tagSegment', { n: number })}` });
    button.addEventListener('click', handler);
    return button;
  };
  const textId = `tag-segment-${segment.key}`;
  const area = el('textarea', { id: textId, class: 'segment-text', dir: 'auto', lang: segment.lang || undefined, rows: String(Math.min(8, Math.max(2, Math.ceil(segment.text.length / 90)))), disabled: segment.dropped });
  area.value = segment.text;
  area.addEventListener('input', () => {
    segment.text = area.value;
    if (!segment.result) return;
    // Edited after matching: its matches no longer say anything about it.
    segment.result = null;
    segment.decisions = new Map();
    const item = area.closest('li');
    item.querySelector('.segment-result')?.remove();
    if (!item.querySelector('.stale')) item.append(el('p', { class: 'stale muted', text: t('tagStale') }));
    renderSummary();
  });
  const item = el('li', { class: segment.dropped ? 'segment dropped' : 'segment', 'data-key': String(segment.key), 'data-paragraph': segment.paragraph },
    el('h3', { class: 'segment-head' },
      el('label', { for: textId, text: t('tagSegment', { n: number }) }),
      el('span', { class: 'segment-meta muted', dir: 'auto', text: metaLine(segment) })),
    segment.context ? el('p', { class: 'segment-context muted', dir: 'auto', lang: segment.lang || undefined, text: segment.context }) : null,
    area,
    el('div', { class: 'segment-actions' },
      action('merge', 'tagMerge', () => merge(segment), last || segment.dropped),
      action('split', 'tagSplitHere', () => splitAt(segment, area), segment.dropped),
      action('drop', segment.dropped ? 'tagRestore' : 'tagDrop', () => toggleDrop(segment))));
  if (segment.dropped) item.append(el('p', { class: 'muted', text: t('tagDroppedNote') }));
  else if (segment.result) item.append(resultBlock(segment));
  return item;
}

function merge(segment) {
  const at = segments.indexOf(segment);
  const next = segments[at + 1];
  if (!next) return;
  segment.text = `${segment.text.trim()} ${next.text.trim()}`;
  segment.result = null;
  segment.decisions = new Map();
  segments.splice(at + 1, 1);
  renderReview();
  focusLater(segment.key, 'textarea');
}

function splitAt(segment, area) {
  const at = area.selectionStart ?? 0;
  const before = segment.text.slice(0, at).trim();
  const after = segment.text.slice(at).trim();
  if (!before || !after) {
    setStatus(t('tagSplitWhere'));
    area.focus();
    return;
  }
  const second = { ...segment, key: nextKey++, text: after, result: null, decisions: new Map() };
  segment.text = before;
  segment.result = null;
  segment.decisions = new Map();
  segments.splice(segments.indexOf(segment) + 1, 0, second);
  renderReview();
  focusLater(second.key, 'textarea');
}

function toggleDrop(segment) {
  segment.dropped = !segment.dropped;
  renderReview();
  focusLater(segment.key, '.segment-drop');
}

function renderSummary() {
  const shown = live();
  const dropped = segments.length - shown.length;
  let accepted = 0;
  let rejected = 0;
  for (const s of shown) for (const d of s.decisions.values()) d === 'accepted' ? ++accepted : ++rejected;
  const parts = [];
  if (doc?.name && doc.file) parts.push(t(doc.file.pages ? 'tagFileSummary' : 'tagFileFormat', { name: doc.name, format: doc.file.format, pages: doc.file.pages }));
  parts.push(plural('tagCount', shown.length));
  if (dropped) parts.push(t('tagDroppedCount', { n: dropped }));
  if (accepted || rejected) parts.push(t('tagReviewed', { accepted, rejected }));
  if (doc?.symbol) parts.push(doc.symbol);
  if (doc?.state?.name) parts.push(`${t('stateUsed')}${doc.state.name}`);
  setStatus(parts.join(' — '));
  const waiting = shown.filter((s) => !s.result).length;
  $('tag-match-button').textContent = waiting ? t('tagMatchButton', { n: waiting }) : t('tagMatched');
  $('tag-match-button').disabled = waiting === 0;
  const matched = shown.some((s) => s.result);
  $('tag-accept-all').disabled = !matched;
  $('tag-reject-all').disabled = !matched;
}

function renderReview() {
  $('tag-review').hidden = !doc;
  if (!doc) return;
  const list = $('tag-segments');
  clear(list);
  if (segments.length === 0) list.append(el('li', { class: 'muted', text: t('tagNone') }));
  segments.forEach((segment, index) => list.append(segmentItem(segment, index)));
  renderSummary();
}

// ---- export -------------------------------------------------------------------------------------

function decided(segment, decision) {
  const out = {};
  for (const [key, value] of segment.decisions) {
    if (value !== decision) continue;
    const [scheme, label] = key.split('\u0000');
    (out[scheme] ||= []).push(label);
  }
  return out;
}

const flat = (bySchemes) => Object.entries(bySchemes).flatMap(([scheme, labels]) => labels.map((label) => `${scheme}:${label}`)).join('; ');

function undecided(segment) {
  return suggestionsOf(segment).filter((s) => !segment.decisions.has(decisionKey(s.scheme, s.label)))
    .map((s) => `${s.scheme}:${s.label} (${s.confidence.toFixed(2)})`).join('; ');
}

// RFC 4180, every cell quoted; a leading = + - @ gets a ' so no spreadsheet runs it as a formula.
function csvCell(value) {
  let text = String(value ?? '');
  if (/^[=+\-@]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

function reviewedCsv() {
  const rows = [['n', 'paragraph', 'page', 'line', 'lang', 'text', 'context', 'accepted', 'rejected', 'undecided', 'top_match', 'top_match_score']];
  live().forEach((s, i) => {
    const top = s.result?.matches?.[0];
    rows.push([i + 1, s.paragraph, s.page || '', s.line || '', s.result?.lang || s.lang, s.text, s.context,
      flat(decided(s, 'accepted')), flat(decided(s, 'rejected')), undecided(s), top?.id || '', top ? top.score.toFixed(3) : '']);
  });
  return '\uFEFF' + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function reviewedJsonl() {
  return live().map((s, i) => JSON.stringify({
    n: i + 1, paragraph: s.paragraph, page: s.page || undefined, line: s.line || undefined, lang: s.result?.lang || s.lang || undefined,
    text: s.text, context: s.context || undefined, issuer: s.issuer || undefined, symbol: doc?.symbol || undefined,
    accepted: decided(s, 'accepted'), rejected: decided(s, 'rejected'),
    matches: (s.result?.matches || []).map((m) => ({ id: m.id, score: m.score })),
  })).join('\n') + '\n';
}

function exportName(extension) {
  const base = (doc?.name || 'document').replace(/\.[^.]+$/, '').replace(/[^\p{L}\p{N}_-]+/gu, '-') || 'document';
  return `tawsiya-tags-${base}.${extension}`;
}

// ---- files ----------------------------------------------------------------------------------------

function showFile() {
  const status = $('tag-file-status');
  clear(status);
  status.hidden = !chosenFile;
  if (!chosenFile) return;
  const remove = el('button', { type: 'button', class: 'secondary', text: t('removeFile') });
  remove.addEventListener('click', () => {
    chosenFile = null;
    $('tag-file').value = '';
    showFile();
    $('tag-text').focus();
  });
  status.append(el('span', { dir: 'auto', text: t('tagFileChosen', { name: chosenFile.name }) }), ' ', remove);
}

function chooseFile(file) {
  chosenFile = file || null;
  showFile();
  if (chosenFile) split();
}

// ---- entry points ---------------------------------------------------------------------------------

// Opens a text given elsewhere (the match view's, too long for one recommendation) and splits it.
export function openTextInTagView(text) {
  chosenFile = null;
  $('tag-file').value = '';
  showFile();
  $('tag-text').value = text;
  split();
}

// Drawn again in the interface's new language.
export function redrawTagView() {
  showFile();
  if (doc) renderReview();
}

export function startTagView(pageLinks) {
  links = pageLinks;
  $('tag-form').addEventListener('submit', (event) => {
    event.preventDefault();
    split();
  });
  $('tag-file').addEventListener('change', () => chooseFile($('tag-file').files[0]));
  const zone = $('tag-drop');
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('dragging');
    const file = event.dataTransfer?.files?.[0];
    if (file) chooseFile(file);
  });
  $('tag-match-button').addEventListener('click', matchAll);
  $('tag-accept-all').addEventListener('click', () => {
    decideAll(live(), 'accepted');
    renderReview();
    $('tag-accept-all').focus();
  });
  $('tag-reject-all').addEventListener('click', () => {
    decideAll(live(), 'rejected');
    renderReview();
    $('tag-reject-all').focus();
  });
  $('tag-export-csv').addEventListener('click', () => download(exportName('csv'), reviewedCsv(), 'text/csv;charset=utf-8'));
  $('tag-export-jsonl').addEventListener('click', () => download(exportName('jsonl'), reviewedJsonl(), 'application/x-ndjson'));
}
