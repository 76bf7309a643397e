// The staff page: reads its state from the address, asks the JSON API, and draws the search
// results, facets and record view, and the match and dedup panels (panels.js), with DOM calls only
// (record text is never parsed as HTML).
import { HELP_EXAMPLES, LANG_NAMES, UI_LANGS, facetName, fieldName, plural, setUiLang, t, translatePage, uiLang, valueLabel } from './i18n.js';
import { itemsOfFile, itemsOfLines } from './csv.js';
import { clear, el, postJson, renderDedup, renderMatch } from './panels.js';
import { snippetFragment } from './snippet.js';
import { openTextInTagView, redrawTagView, startTagView } from './tag_view.js';
import { emptyState, exportApiUrl, hasFilter, queryLang, searchApiUrl, stateFromUrl, toggleFilter, urlOfState } from './state.js';

const PAGE_SIZE = 10;
const EXPORT_MAX = 10000;  // the server's cap (kMaxExportRecords)
const FACETS_SHOWN = 6;
const FACET_ORDER = ['mechanism', 'body', 'state', 'year', 'response', 'recommending', 'responsible', 'lang'];
const STORAGE_KEY = 'tawsiya.ui';

const $ = (id) => document.getElementById(id);
const expandedFacets = new Set();
// The display names of the facet values last shown (a state's name in the interface's language),
// for the chips of the filters: facet + NUL + label -> name.
const facetDisplay = new Map();
let state = emptyState();
let pending = null;  // the AbortController of the request in flight
let refocusFacet = null;  // {facet, value} of the facet value just chosen, focused once redrawn

// ---- small DOM helpers ----------------------------------------------------------------------

// A link to another state of the page: a real href (open in a new tab, copy), handled in place.
function stateLink(target, attributes, ...children) {
  const link = el('a', { ...attributes, href: urlOfState(target) }, ...children);
  link.addEventListener('click', (event) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(target);
  });
  return link;
}

// ---- state and navigation -------------------------------------------------------------------

function chooseUiLang(requested) {
  if (UI_LANGS.includes(requested)) return requested;
  let stored = null;
  try { stored = localStorage.getItem(STORAGE_KEY); } catch { /* storage disabled */ }
  if (UI_LANGS.includes(stored)) return stored;
  const browser = (navigator.language || 'en').slice(0, 2);
  return UI_LANGS.includes(browser) ? browser : 'en';
}

// history.state.recordDepth: how many record entries were pushed since the list (or view) they
// were opened from, so "back to the results" can go back that far instead of adding an entry;
// 0 when the record was opened directly (a shared link), and back then opens the list anew.
function recordDepthOf(next) {
  if (!next.record) return 0;
  if (!state.record) return 1;
  const depth = history.state?.recordDepth || 0;
  return depth > 0 ? depth + 1 : 0;
}

function navigate(next, { replace = false } = {}) {
  const entry = { recordDepth: replace ? history.state?.recordDepth || 0 : recordDepthOf(next) };
  state = { ...next, ui: uiLang() };
  const url = urlOfState(state);
  if (replace) history.replaceState(entry, '', url);
  else history.pushState(entry, '', url);
  render();
}

function applyUiLang(lang) {
  setUiLang(lang);
  try { localStorage.setItem(STORAGE_KEY, lang); } catch { /* storage disabled */ }
  translatePage();
  $('chips').setAttribute('aria-label', t('activeFilters'));
  $('match-chips').setAttribute('aria-label', t('activeFilters'));
  $('pager').setAttribute('aria-label', t('pages'));
  $('views-nav').setAttribute('aria-label', t('viewsNav'));
  $('ui-lang').value = lang;
  renderHelp();
}

// ---- rendering --------------------------------------------------------------------------------

function renderHelp() {
  const list = $('help-examples');
  clear(list);
  for (const example of HELP_EXAMPLES) {
    const button = el('button', { type: 'button', class: 'example', dir: 'ltr' }, el('code', { text: example.query }));
    button.addEventListener('click', () => {
      $('q').value = example.query;
      navigate({ ...state, q: example.query, page: 1, record: '' });
    });
    list.append(el('dt', {}, button), el('dd', { text: t(example.key) }));
  }
}

function renderForm() {
  if (document.activeElement !== $('q')) $('q').value = state.q;
  $('sort').value = state.sort || 'relevance';
  $('display-lang').value = state.display || '';
  $('query-lang').value = queryLang(state);
  $('search-xlang').checked = Boolean(state.xlang);
}

function facetValueName(facet, label) {
  return facetDisplay.get(`${facet}\u0000${label}`) || valueLabel(facet, label);
}

function filterLabel(filter) {
  return `${facetName(filter.facet)}: ${facetValueName(filter.facet, filter.value)}`;
}

// The active filters as removable chips: over the results, and in the match view, where the
// matches are restricted by the same filters.
function renderChips(chips = $('chips')) {
  clear(chips);
  if (state.filters.length === 0) return;
  for (const filter of state.filters) {
    const label = filterLabel(filter);
    const chip = el('button', { type: 'button', class: 'chip', 'aria-label': t('removeFilter', { label }) },
      el('span', { dir: 'auto', text: label }), el('span', { class: 'chip-x', 'aria-hidden': 'true', text: '×' }));
    chip.addEventListener('click', () => navigate(toggleFilter(state, filter.facet, filter.value)));
    chips.append(chip);
  }
  const clearAll = el('button', { type: 'button', class: 'chip-clear', text: t('clearFilters') });
  clearAll.addEventListener('click', () => navigate({ ...state, filters: [], page: 1 }));
  chips.append(clearAll);
}

function facetRank(name) {
  const index = FACET_ORDER.indexOf(name);
  if (index >= 0) return index;
  return name.startsWith('tag:') ? FACET_ORDER.length : FACET_ORDER.length + 1;
}

function renderFacets(facets) {
  const container = $('facets');
  clear(container);
  const names = Object.keys(facets || {}).filter((name) => facets[name].length > 0);
  names.sort((a, b) => facetRank(a) - facetRank(b) || a.localeCompare(b));
  for (const name of names) {
    let values = facets[name];
    if (name === 'year') values = [...values].sort((a, b) => b.label.localeCompare(a.label));
    const expanded = expandedFacets.has(name);
    const headingId = `facet-${name.replace(/[^a-z0-9]/gi, '-')}`;
    const list = el('ul', { class: 'facet-values', 'aria-labelledby': headingId });
    values.forEach((value, index) => {
      if (value.display) facetDisplay.set(`${name}\u0000${value.label}`, value.display);
      const active = hasFilter(state, name, value.label);
      const button = el('button', { type: 'button', class: 'facet-value', 'aria-pressed': String(active), 'data-facet': name, 'data-value': value.label },
        el('span', { class: 'facet-label', dir: 'auto', text: value.display || valueLabel(name, value.label) }),
        el('span', { class: 'facet-count', text: new Intl.NumberFormat(uiLang()).format(value.count) }));
      button.addEventListener('click', () => {
        refocusFacet = { facet: name, value: value.label };
        navigate(toggleFilter(state, name, value.label));
      });
      list.append(el('li', { hidden: !expanded && index >= FACETS_SHOWN && !active }, button));
    });
    const section = el('section', { class: 'facet' }, el('h3', { id: headingId, text: facetName(name) }), list);
    if (values.length > FACETS_SHOWN) {
      const toggle = el('button', { type: 'button', class: 'facet-more', 'aria-expanded': String(expanded), text: expanded ? t('fewer') : t('more') });
      toggle.addEventListener('click', () => {
        if (expandedFacets.has(name)) expandedFacets.delete(name); else expandedFacets.add(name);
        renderFacets(facets);
        container.querySelector(`#${headingId}`)?.parentElement.querySelector('.facet-more')?.focus();
      });
      section.append(toggle);
    }
    container.append(section);
  }
  // The facets are drawn anew: the focus goes back to the value just chosen, not to the page top.
  if (refocusFacet) {
    const { facet, value } = refocusFacet;
    refocusFacet = null;
    const button = [...container.querySelectorAll('.facet-value')].find((b) => b.dataset.facet === facet && b.dataset.value === value);
    if (button) {
      button.parentElement.hidden = false;
      button.focus();
    }
  }
}

function badge(kind, text, lang) {
  return el('li', { class: `badge badge-${kind}`, dir: 'auto', lang }, text);
}

// A record as staff name it: who (the body, else the mechanism), year, state, document and
// paragraph, and the recommending states; the internal id only when nothing else is known.
function titleParts(record) {
  const who = record.body || (record.mechanism ? valueLabel('mechanism', record.mechanism) : '');
  const where = [record.symbol, record.paragraph ? `¶ ${record.paragraph}` : ''].filter(Boolean).join(' ');
  const by = (record.recommending_states || []).join(', ');
  const parts = [who, record.year ? String(record.year) : '', record.state || '', where, by ? `(${by})` : ''].filter(Boolean);
  return parts.length ? parts : [record.id];
}

function recordTitleText(record) {
  return titleParts(record).join(' · ');
}

// Each part isolated (bdi), so Latin names and symbols read left to right inside an Arabic line.
function titleNodes(record) {
  const nodes = [];
  titleParts(record).forEach((part, index) => {
    if (index > 0) nodes.push(' · ');
    nodes.push(el('bdi', { text: part }));
  });
  return nodes;
}

const hitTitle = recordTitleText;

function renderHits(result) {
  const list = $('hits');
  clear(list);
  for (const hit of result.hits) {
    // "Show results in" is honoured: a snippet taken from another version gives way to the text of
    // the chosen one, and a record without that version says which one is shown instead.
    const plain = typeof hit.text === 'string' ? hit.text : '';
    const useSnippet = hit.snippet && (!state.display || hit.snippet_lang === state.display || hit.display_lang !== state.display || !plain);
    const text = useSnippet ? snippetFragment(hit.snippet) : document.createTextNode(plain);
    const lang = useSnippet ? hit.snippet_lang : hit.display_lang;
    let langNote = null;
    if (state.display && lang !== state.display)
      langNote = el('p', { class: 'lang-note', text: t('noVersionIn', { wanted: valueLabel('lang', state.display), shown: valueLabel('lang', lang) }) });
    else if (!useSnippet && hit.snippet)
      langNote = el('p', { class: 'lang-note', text: t('foundIn', { lang: valueLabel('lang', hit.snippet_lang) }) });
    const badges = el('ul', { class: 'badges' });
    if (hit.mechanism) badges.append(badge('mechanism', valueLabel('mechanism', hit.mechanism)));
    if (hit.body) badges.append(badge('body', hit.body));
    if (hit.state) badges.append(badge('state', hit.state));
    if (hit.year) badges.append(badge('year', String(hit.year)));
    if (hit.response) badges.append(badge(`response badge-${hit.response}`, valueLabel('response', hit.response)));
    const link = stateLink({ ...state, record: hit.id }, { class: 'hit-link', 'aria-label': `${t('openRecord')}: ${hitTitle(hit)}` }, ...titleNodes(hit));
    list.append(el('li', { class: 'hit' },
      el('article', {},
        el('h3', { class: 'hit-title' }, link),
        el('p', { class: 'record-id' }, el('span', { class: 'record-id-label', text: `${fieldName('id')}: ` }), el('code', { dir: 'ltr', text: hit.id })),
        el('p', { class: 'hit-text', dir: 'auto', lang }, text),
        langNote,
        badges)));
  }
}

function renderPager(result) {
  const pager = $('pager');
  clear(pager);
  const pages = Math.min(Math.ceil(result.total / PAGE_SIZE), 1000);
  if (pages <= 1) return;
  const page = state.page;
  const list = el('ul', {});
  const item = (target, label, attributes = {}) => list.append(el('li', {}, stateLink({ ...state, page: target }, attributes, label)));
  if (page > 1) item(page - 1, t('previous'), { rel: 'prev', class: 'pager-step' });
  const shown = new Set([1, pages, page - 2, page - 1, page, page + 1, page + 2].filter((n) => n >= 1 && n <= pages));
  let last = 0;
  for (const n of [...shown].sort((a, b) => a - b)) {
    if (n > last + 1) list.append(el('li', { class: 'pager-gap', 'aria-hidden': 'true', text: '…' }));
    if (n === page) list.append(el('li', {}, el('span', { class: 'pager-current', 'aria-current': 'page', text: String(n) })));
    else item(n, String(n), { 'aria-label': t('pageN', { n }) });
    last = n;
  }
  if (page < pages) item(page + 1, t('next'), { rel: 'next', class: 'pager-step' });
  pager.append(list);
}

// The export links of the list shown; a list longer than the cap says which part is exported.
function renderExport(result) {
  $('export').hidden = result.total === 0;
  $('export-csv').href = exportApiUrl(state, 'csv', EXPORT_MAX);
  $('export-jsonl').href = exportApiUrl(state, 'jsonl', EXPORT_MAX);
  $('export-note').textContent = result.total > EXPORT_MAX ? `(${t('exportCapped', { n: new Intl.NumberFormat(uiLang()).format(EXPORT_MAX) })})` : '';
}

function showError(message) {
  $('error').textContent = t('errorPrefix') + message;
  $('error').hidden = false;
}

async function fetchJson(url, signal) {
  const response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(body?.error?.message || `HTTP ${response.status}`);
  return body;
}

async function runSearch(focusResults) {
  pending?.abort();
  pending = new AbortController();
  const results = $('results');
  results.setAttribute('aria-busy', 'true');
  $('error').hidden = true;
  try {
    const result = await fetchJson(searchApiUrl(state, PAGE_SIZE), pending.signal);
    const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
    const count = plural('results', result.total);
    $('result-count').textContent = result.total > PAGE_SIZE ? `${count} — ${t('resultsPage', { page: state.page, pages })}` : count;
    renderHits(result);
    renderFacets(result.facets);
    renderPager(result);
    renderExport(result);
    if (focusResults) results.focus();
  } catch (error) {
    if (error.name === 'AbortError') return;
    clear($('hits'));
    clear($('pager'));
    $('export').hidden = true;
    $('result-count').textContent = '';
    showError(error.message);
  } finally {
    results.removeAttribute('aria-busy');
  }
}

function recordTexts(record) {
  if (record.text && typeof record.text === 'object') return record.text;
  if (record.texts && typeof record.texts === 'object') return record.texts;
  return {};
}

function fieldValue(name, value) {
  // A facet value links to the search filtered by it.
  const facet = { recommending_states: 'recommending', responsible: 'responsible', mechanism: 'mechanism', body: 'body', state: 'state', year: 'year', response: 'response', status: 'status' }[name];
  const one = (item, facetName) => facetName
    ? stateLink({ ...emptyState(), filters: [{ facet: facetName, value: String(item) }] }, { dir: 'auto' }, valueLabel(facetName, String(item)))
    : el('span', { dir: 'auto', text: String(item) });
  if (Array.isArray(value)) {
    const list = el('ul', { class: 'inline-list' });
    for (const item of value) list.append(el('li', {}, one(item, facet)));
    return list;
  }
  return one(value, facet);
}

function renderRecord(record) {
  const texts = recordTexts(record);
  const title = $('record-title');
  clear(title);
  title.append(...titleNodes(record));
  const columns = $('record-texts');
  clear(columns);
  for (const lang of ['ar', 'fr', 'en']) {
    const text = texts[lang];
    const column = el('article', { class: 'record-text', lang, dir: lang === 'ar' ? 'rtl' : 'ltr', 'data-lang': lang },
      el('h3', { lang: uiLang(), text: LANG_NAMES[lang] }));
    if (text) column.append(el('p', { dir: 'auto', lang, class: 'record-body', text }));
    else column.append(el('p', { class: 'missing', text: t('missingVersion') }));
    columns.append(column);
  }
  const fields = $('record-fields');
  clear(fields);
  const order = ['id', 'mechanism', 'body', 'state', 'year', 'cycle', 'session', 'symbol', 'paragraph', 'recommending_states', 'response', 'responsible', 'status', 'source'];
  for (const name of order) {
    const value = record[name];
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    fields.append(el('dt', { text: fieldName(name) }), el('dd', {}, fieldValue(name, value)));
  }
  for (const [scheme, labels] of Object.entries(record.tags || {})) {
    if (!labels.length) continue;
    const list = el('ul', { class: 'inline-list' });
    for (const label of labels)
      list.append(el('li', {}, stateLink({ ...emptyState(), filters: [{ facet: `tag:${scheme}`, value: label }] }, { dir: 'auto', class: 'tag' }, valueLabel(`tag:${scheme}`, label))));
    fields.append(el('dt', { text: facetName(`tag:${scheme}`) }), el('dd', {}, list));
  }
}

// The record's history (GET /api/records/{id}/related): groups by when, year, cycle and mechanism.
function renderRelated(related) {
  const groups = $('related-groups');
  clear(groups);
  $('related-status').textContent = related.groups.length ? '' : t('relatedNone');
  const whenKey = { earlier: 'relatedEarlier', same: 'relatedSame', later: 'relatedLater' };
  for (const group of related.groups) {
    const heading = [t(whenKey[group.when]), group.year ? String(group.year) : '', group.cycle ? t('relatedCycle', { n: group.cycle }) : '', valueLabel('mechanism', group.mechanism)].filter(Boolean).join(' · ');
    const list = el('ul', { class: 'related-matches' });
    for (const match of group.matches) {
      const title = recordTitleText(match);
      list.append(el('li', { class: 'related-match', 'data-when': group.when },
        stateLink({ ...state, record: match.id }, { dir: 'auto', class: 'related-link' }, title),
        el('span', { class: 'related-score', text: ` — ${t('relatedSimilarity', { n: Math.round(match.score * 100) })}` }),
        el('p', { dir: 'auto', lang: match.text_lang || undefined, class: 'related-text', text: match.text })));
    }
    groups.append(el('section', { class: 'related-group' }, el('h4', { text: heading }), list));
  }
}

async function showRelated(id, signal) {
  clear($('related-groups'));
  $('related-status').textContent = t('relatedLoading');
  try {
    renderRelated(await fetchJson(`/api/records/${encodeURIComponent(id)}/related?lang=${uiLang()}`, signal));
  } catch (error) {
    if (error.name === 'AbortError') return;
    $('related-status').textContent = t('relatedFailed') + error.message;
  }
}

async function showRecord() {
  pending?.abort();
  pending = new AbortController();
  $('search-view').hidden = true;
  $('record-view').hidden = false;
  $('back-link').textContent = t({ match: 'backToMatches', tag: 'backToTag' }[state.view] || 'backToResults');
  try {
    const { signal } = pending;
    const record = await fetchJson(`/api/records/${encodeURIComponent(state.record)}`, signal);
    renderRecord(record);
    $('record-view').focus();
    showRelated(record.id, signal);
  } catch (error) {
    if (error.name === 'AbortError') return;
    $('record-title').textContent = error.message;
    clear($('record-texts'));
    clear($('record-fields'));
  }
}

const VIEW_TITLES = { search: 'viewSearch', match: 'viewMatch', dedup: 'viewDedup', tag: 'viewTag' };

// The view named in the address; a record opens over it (and "back" returns to it).
function showView(view, recordOpen) {
  for (const link of document.querySelectorAll('#views-nav a')) {
    if (link.dataset.view === view) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const searching = view === 'search';
  $('search-form').hidden = !searching;
  $('chips').hidden = !searching;
  $('match-view').hidden = view !== 'match' || recordOpen;
  $('dedup-view').hidden = view !== 'dedup' || recordOpen;
  $('tag-view').hidden = view !== 'tag' || recordOpen;
  if (!searching || recordOpen) $('search-view').hidden = true;
  if (!recordOpen) $('record-view').hidden = true;
  document.title = searching ? t('title') : `${t(VIEW_TITLES[view])} — ${t('title')}`;
}

function render({ focusResults = false } = {}) {
  if (uiLang() !== state.ui && state.ui) applyUiLang(state.ui);
  const view = state.view || 'search';
  showView(view, Boolean(state.record));
  if (view === 'search') {
    renderForm();
    renderChips();
  }
  if (view === 'match' && !state.record) {
    renderChips($('match-chips'));
    syncMatch();
  }
  if (state.record) {
    showRecord();
  } else if (view === 'search') {
    $('search-view').hidden = false;
    runSearch(focusResults);
  }
}

// ---- match and dedup panels -----------------------------------------------------------------

// Links out of the panels: a record opens over the current view; a suggested label opens the
// search filtered by it.
const panelLinks = {
  record: (id, label, ariaLabel) => stateLink({ ...state, record: id }, { dir: 'auto', class: 'record-link', 'aria-label': ariaLabel }, label),
  facet: (facet, value, content) => stateLink({ ...emptyState(), filters: [{ facet, value }] }, { class: 'facet-link' }, content),
};

let fileItems = null;  // the list read from the chosen file, used instead of the text box
let panelRequest = null;  // the AbortController of the match or dedup request in flight

function panelError(id, prefixKey, message) {
  $(id).textContent = message ? t(prefixKey) + message : '';
  $(id).hidden = !message;
}

async function runPanel(resultsId, errorId, prefixKey, request) {
  panelRequest?.abort();
  panelRequest = new AbortController();
  panelError(errorId, prefixKey, '');
  const results = $(resultsId);
  results.setAttribute('aria-busy', 'true');
  try {
    await request(results, panelRequest.signal);
  } catch (error) {
    if (error.name === 'AbortError') return;
    clear(results);
    panelError(errorId, prefixKey, error.message);
  } finally {
    results.removeAttribute('aria-busy');
  }
}

// The last answers, drawn again when the interface language changes.
let lastMatch = null;
let lastDedup = null;

function redrawPanels() {
  if (lastMatch) renderMatch($('match-results'), lastMatch, panelLinks);
  if (lastDedup) renderDedup($('dedup-results'), lastDedup);
  if (fileItems) showFileStatus($('dedup-file').files[0]?.name || '');
  redrawTagView();
}

function matchFormState() {
  return {
    mtext: $('match-text').value.trim(),
    mlang: $('match-lang').value,
    mk: $('match-k').value && $('match-k').value !== '10' ? $('match-k').value : '',
    mxlang: $('match-xlang').checked ? '' : '0',
    mstate: $('match-state').value.trim(),
    mscope: $('match-all-states').checked ? 'any' : '',
  };
}

// The match of the address: its fields filled in, and matched unless the results shown are its own.
let lastMatchKey = null;
function syncMatch() {
  const typed = matchFormState();
  const names = ['mtext', 'mlang', 'mk', 'mxlang', 'mstate', 'mscope'];
  const fields = JSON.stringify(names.map((name) => state[name] || ''));
  const key = JSON.stringify([fields, state.filters]);
  if (fields !== JSON.stringify(names.map((name) => typed[name] || ''))) {
    $('match-text').value = state.mtext || '';
    $('match-lang').value = state.mlang || '';
    $('match-k').value = state.mk || '10';
    $('match-xlang').checked = state.mxlang !== '0';
    $('match-state').value = state.mstate || '';
    $('match-all-states').checked = state.mscope === 'any';
  }
  if (!state.mtext || key === lastMatchKey) return;
  lastMatchKey = key;
  runMatch();
}

function runMatch() {
  lastMatch = null;
  $('match-offer').hidden = true;
  return runPanel('match-results', 'match-error', 'matchFailed', async (results, signal) => {
    const text = $('match-text').value.trim();
    if (!text) throw new Error(t('emptyText'));
    const body = { text, k: Number.parseInt($('match-k').value, 10) || 10, xlang: $('match-xlang').checked };
    if ($('match-lang').value) body.lang = $('match-lang').value;
    if ($('match-state').value.trim()) body.state = $('match-state').value.trim();
    if ($('match-all-states').checked) body.state_scope = 'any';
    if (state.filters.length) {
      body.filters = {};
      for (const { facet, value } of state.filters) (body.filters[facet] ||= []).push(value);
    }
    try {
      lastMatch = await postJson('/api/match', body, signal);
    } catch (error) {
      // A whole document pasted here: the tag view splits it into its recommendations.
      if (/longer than/.test(error.message)) $('match-offer').hidden = false;
      throw error;
    }
    renderMatch(results, lastMatch, panelLinks);
  });
}

function runDedup() {
  lastDedup = null;
  return runPanel('dedup-results', 'dedup-error', 'dedupFailed', async (results, signal) => {
    const items = fileItems || itemsOfLines($('dedup-text').value);
    if (items.length === 0) throw new Error(t('emptyList'));
    // The server's threshold unless staff moved the slider: the default lives in one place.
    const slider = $('dedup-threshold');
    const request = slider.dataset.touched ? { items, threshold: Number(slider.value) } : { items };
    lastDedup = await postJson('/api/dedup', request, signal);
    if (!slider.dataset.touched && typeof lastDedup.threshold === 'number') {
      slider.value = lastDedup.threshold;
      $('dedup-threshold-value').value = lastDedup.threshold.toFixed(2);
    }
    renderDedup(results, lastDedup);
  });
}

function showFileStatus(name) {
  const status = $('dedup-file-status');
  clear(status);
  status.hidden = !fileItems;
  if (!fileItems) return;
  const remove = el('button', { type: 'button', class: 'secondary', text: t('removeFile') });
  remove.addEventListener('click', () => {
    fileItems = null;
    $('dedup-file').value = '';
    showFileStatus('');
    $('dedup-text').focus();
  });
  status.append(el('span', { dir: 'auto', text: t('fileRead', { n: fileItems.length, name }) }), ' ', remove);
}

async function readDedupFile() {
  const file = $('dedup-file').files[0];
  fileItems = null;
  panelError('dedup-error', 'dedupFailed', '');
  try {
    if (file) fileItems = itemsOfFile(file.name, await file.text(), t('csvNoText'));
  } catch (error) {
    $('dedup-file').value = '';
    panelError('dedup-error', 'dedupFailed', error.message);
  }
  showFileStatus(file ? file.name : '');
}

// Ctrl+Enter (Cmd+Enter on a Mac) submits a form from any of its fields, its text areas included.
function submitOnCtrlEnter(form) {
  form.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
    event.preventDefault();
    form.requestSubmit();
  });
}

function startPanels() {
  for (const link of document.querySelectorAll('#views-nav a')) {
    link.addEventListener('click', (event) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      const view = link.dataset.view;
      navigate({ ...state, view, record: '' });
      // Keyboard and screen-reader users land on the view they chose.
      $(view === 'search' ? 'q' : `${view}-view`).focus();
    });
  }
  // A match is a state of the page: its text and options go to the address, and render runs it.
  $('match-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const asked = matchFormState();
    if (!asked.mtext) return runMatch();  // says what is missing
    lastMatchKey = null;  // submitted again with the same text: match again
    navigate({ ...state, ...asked, record: '' });
  });
  $('dedup-form').addEventListener('submit', (event) => {
    event.preventDefault();
    runDedup();
  });
  for (const id of ['match-form', 'dedup-form', 'tag-form', 'search-form']) submitOnCtrlEnter($(id));
  $('dedup-file').addEventListener('change', readDedupFile);
  startTagView(panelLinks);
  $('match-offer-tag').addEventListener('click', () => {
    const text = $('match-text').value;
    $('match-offer').hidden = true;
    navigate({ ...state, view: 'tag', record: '' });
    $('tag-view').focus();
    openTextInTagView(text);
  });
  const threshold = () => { $('dedup-threshold-value').value = Number($('dedup-threshold').value).toFixed(2); };
  $('dedup-threshold').addEventListener('input', () => {
    $('dedup-threshold').dataset.touched = 'yes';
    threshold();
  });
  threshold();
}

// ---- start --------------------------------------------------------------------------------

function start() {
  state = stateFromUrl(location.search);
  // On a phone the facets start folded above the results; on a laptop they stay open beside them.
  if (window.matchMedia('(max-width: 48rem)').matches) $('facets-panel').open = false;
  applyUiLang(chooseUiLang(state.ui));
  state.ui = uiLang();
  history.replaceState(history.state, '', urlOfState(state));  // a reload keeps its recordDepth

  $('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    navigate({ ...state, q: $('q').value.trim(), page: 1, record: '' });
  });
  $('sort').addEventListener('change', () => navigate({ ...state, sort: $('sort').value, page: 1 }));
  $('display-lang').addEventListener('change', () => navigate({ ...state, display: $('display-lang').value }));
  // The interface's language is the default: it stays out of the address until another is chosen.
  $('query-lang').addEventListener('change', () => {
    const lang = $('query-lang').value;
    navigate({ ...state, lang: lang === uiLang() ? '' : lang, page: 1 });
  });
  $('search-xlang').addEventListener('change', () => navigate({ ...state, xlang: $('search-xlang').checked, page: 1 }));
  $('ui-lang').addEventListener('change', () => {
    applyUiLang($('ui-lang').value);
    navigate({ ...state }, { replace: false });
    redrawPanels();  // after navigate, so the record links carry the new ui
  });
  $('back-link').addEventListener('click', (event) => {
    event.preventDefault();
    const depth = history.state?.recordDepth || 0;
    if (depth > 0) history.go(-depth);
    else navigate({ ...state, record: '' });
  });
  $('home-link').addEventListener('click', (event) => {
    event.preventDefault();
    $('q').value = '';
    navigate(emptyState());
  });
  startPanels();
  window.addEventListener('popstate', () => {
    state = stateFromUrl(location.search);
    if (!state.ui) state.ui = uiLang();
    render();
  });
  render();
}

start();
