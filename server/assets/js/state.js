// The match view's text and options (written only while it is open): ?mtext=&mlang=&mk=&mstate=
// &mscope=any&mxlang=0 (cross-language matching is on unless 0).
function MATCH_PARAMS() {
  return ['mtext', 'mlang', 'mk', 'mstate', 'mscope', 'mxlang'];
}

// The page's state lives in the address, so every view can be shared, reloaded, and reached with
// back/forward: ?view=&q=&lang=&xlang=&sort=&page=&display=&ui=&record=, and facet filters with the
// API's names (body=CAT&state=Morocco&tag.sdg=16&language=ar, repeatable; "lang" is the language
// searched in, so the language facet is "language"). Without lang= a search is in the interface's
// language; lang=any leaves the language of a short query to detection.
const SCALARS = ['view', 'q', 'lang', 'xlang', 'sort', 'page', 'display', 'ui', 'record', ...MATCH_PARAMS()];
export const QUERY_LANGS = ['ar', 'fr', 'en', 'any'];
export const VIEWS = ['search', 'match', 'dedup', 'tag'];
const FILTER_NAME = /^(mechanism|body|state|recommending|year|cycle|session|response|responsible|language|source|status|symbol|tag\.[a-z0-9_-]+)$/;

export function emptyState() {
  return { view: 'search', q: '', lang: '', xlang: false, sort: 'relevance', page: 1, display: '', ui: '', record: '', filters: [],
    mtext: '', mlang: '', mk: '', mstate: '', mscope: '', mxlang: '' };
}

// "tag:sdg" (facet names in API responses) <-> "tag.sdg" (parameter names).
export const paramOfFacet = (facet) => (facet === 'lang' ? 'language' : facet.replace(/^tag:/, 'tag.'));
export const facetOfParam = (param) => (param === 'language' ? 'lang' : param.replace(/^tag\./, 'tag:'));

export function stateFromUrl(search) {
  const params = new URLSearchParams(search);
  const state = emptyState();
  for (const [name, value] of params) {
    if (name === 'page') {
      const page = Number.parseInt(value, 10);
      state.page = Number.isFinite(page) && page > 0 ? page : 1;
    } else if (name === 'view') {
      state.view = VIEWS.includes(value) ? value : 'search';
    } else if (name === 'xlang') {
      state.xlang = value === '1' || value === 'true';
    } else if (name === 'lang') {
      state.lang = QUERY_LANGS.includes(value) ? value : '';
    } else if (SCALARS.includes(name)) {
      state[name] = value;
    } else if (FILTER_NAME.test(name) && value) {
      if (!state.filters.some((f) => f.facet === facetOfParam(name) && f.value === value))
        state.filters.push({ facet: facetOfParam(name), value });
    }
  }
  return state;
}

// The language searched in: the one chosen, else the interface's.
export const queryLang = (state) => state.lang || state.ui || 'en';

function filterParams(state, params) {
  if (state.q) params.set('q', state.q);
  if (state.lang) params.set('lang', state.lang);
  if (state.xlang) params.set('xlang', '1');
  for (const { facet, value } of state.filters) params.append(paramOfFacet(facet), value);
  if (state.sort && state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.display) params.set('display', state.display);
}

export function urlOfState(state) {
  const params = new URLSearchParams();
  if (state.view && state.view !== 'search') params.set('view', state.view);
  filterParams(state, params);
  if (state.page > 1) params.set('page', String(state.page));
  if (state.view === 'match')
    for (const name of MATCH_PARAMS()) if (state[name]) params.set(name, state[name]);
  if (state.ui) params.set('ui', state.ui);
  if (state.record) params.set('record', state.record);
  const query = params.toString();
  return query ? `/?${query}` : '/';
}

export function searchApiUrl(state, pageSize) {
  const params = new URLSearchParams();
  filterParams(state, params);
  params.set('lang', queryLang(state));
  if (state.ui) params.set('ui', state.ui);  // the names of states in the facets
  params.set('page', String(state.page));
  params.set('size', String(pageSize));
  return `/api/search?${params}`;
}

// The export of the list the search shows (same query and filters), as a file of `format`.
export function exportApiUrl(state, format, limit) {
  const params = new URLSearchParams();
  filterParams(state, params);
  params.set('lang', queryLang(state));
  params.set('format', format);
  params.set('limit', String(limit));
  return `/api/export?${params}`;
}

export function hasFilter(state, facet, value) {
  return state.filters.some((f) => f.facet === facet && f.value === value);
}

// A copy with the filter added or removed; any change of filters goes back to page 1.
export function toggleFilter(state, facet, value) {
  const filters = hasFilter(state, facet, value)
    ? state.filters.filter((f) => !(f.facet === facet && f.value === value))
    : [...state.filters, { facet, value }];
  return { ...state, filters, page: 1, record: '' };
}
