// Searcher: one Xapian::Database, the query builder, facet counting and snippets over it.
#include <optional>

#include "engine/facet_counter.hpp"
#include "engine/facet_labels.hpp"
#include "engine/language_prior.hpp"
#include "engine/query_builder.hpp"
#include "engine/snippets.hpp"
#include "engine/xlang_expansion.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/open_index.hpp"
#include "tawsiya/schema.hpp"
#include "tawsiya/search.hpp"
#include "tawsiya/state_names.hpp"
#include "tawsiya/translation.hpp"

namespace tawsiya {

namespace {

// Facet counts look at up to this many matches: exact when a search matches fewer (every
// three-word query of the shared corpus does), counts over the best ones otherwise. Exact on
// purpose: a count is what the page promises a click on that filter gives, so it is not cut to
// the page's size; a three-word search matches 2,554 records on average at 1M (bench/RESULTS.md),
// so they are all counted there too.
constexpr Xapian::doccount kFacetDepth = 10000;
constexpr std::size_t kFacetValues = 20;
// Without facets, enough matches are checked that `total` is exact for the usual result sizes.
constexpr Xapian::doccount kTotalDepth = 1000;

void check_page(const SearchRequest& request, const SearchLimits& limits) {
    if (request.size == 0) throw UsageError("size", "must be at least 1");
    if (request.size > limits.max_page_size)
        throw LimitError("size", "must be at most " + std::to_string(limits.max_page_size));
    if (request.page == 0) throw UsageError("page", "must be at least 1");
    if (request.page > limits.max_page)
        throw LimitError("page", "must be at most " + std::to_string(limits.max_page));
}

// The version to show: the one asked for, else the query's language, else en, fr, ar.
Lang display_lang(const Record& record, std::optional<Lang> asked, Lang query_lang) {
    for (const std::optional<Lang> lang :
         {asked, std::optional<Lang>(query_lang), std::optional<Lang>(Lang::en),
          std::optional<Lang>(Lang::fr), std::optional<Lang>(Lang::ar)})
        if (lang && record.text.count(*lang)) return *lang;
    return record.text.empty() ? query_lang : record.text.begin()->first;
}

// The display name of a state facet's values in the interface's language (others keep their
// label): the page filters by the canonical English label and shows "Maroc" or "المغرب".
void name_facet_values(std::map<std::string, std::vector<FacetValue>>& facets, Lang ui) {
    for (const std::string_view facet : {schema::kState.name, schema::kRecommending.name}) {
        const auto found = facets.find(std::string(facet));
        if (found == facets.end()) continue;
        for (FacetValue& value : found->second) value.display = state_display_name(value.label, ui);
    }
}

}  // namespace

struct Searcher::Impl {
    Impl(const std::string& dir, const Analyzer& analyzer, const SearchLimits& limits,
         const Bm25Params& ranking)
        : db(open_index(dir)),
          is_remote(index_is_remote(dir)),
          dir(dir),
          analyzer(analyzer),
          limits(limits),
          ranking(ranking),
          labels(db, analyzer),
          builder(db, analyzer, labels, limits),
          snippets(analyzer) {}

    void forget_revision() {
        labels.reset();
        builder.reset();
        facet_names.reset();
    }

    // The counted facets' labels by id, read at the first facet count of a revision.
    const engine::FacetNames& counted_facet_names() {
        if (!facet_names)
            facet_names = engine::read_facet_names(db, engine::counted_facets(labels.schemes()));
        return *facet_names;
    }

    bool reopen() {
        if (lost_shard) return reconnect();
        try {
            const bool changed = db.reopen();
            if (changed) {
                ++changes;
                forget_revision();
            }
            return changed;
        } catch (const Xapian::NetworkError& e) {
            throw lost(e);
        }
    }

    // A shard that stopped answering leaves its connection broken for good: the next request
    // opens every part again (UnavailableError while the shard is still down).
    bool reconnect() {
        db = open_index(dir);
        lost_shard = false;
        ++reconnections;
        forget_revision();
        return true;
    }

    UnavailableError lost(const Xapian::NetworkError& e) {
        lost_shard = true;
        return UnavailableError("index shard " + shard_name(e.get_context()) +
                                " does not answer: " + e.get_msg());
    }

    // Runs `work`; if the revision it read was overwritten by a newer commit meanwhile, reopens
    // and runs it once more.
    template <typename Work>
    auto retrying(Work work) {
        if (lost_shard) reconnect();
        try {
            try {
                return work();
            } catch (const Xapian::DatabaseModifiedError&) {
                db.reopen();
                ++changes;
                forget_revision();
                return work();
            }
        } catch (const Xapian::NetworkError& e) {
            throw lost(e);
        }
    }

    // The revision being read: a local index's own; over shards, which have none that Xapian's
    // remote protocol gives (get_revision is unimplemented there), a count of the reopens that
    // found a change and of the reconnections, so that what was built on the revision before (the
    // server's Matcher, its cache) is renewed.
    std::uint64_t revision() const {
        if (!is_remote) return db.get_revision();
        return changes + (reconnections << 40);
    }

    SearchResult search(const SearchRequest& request);
    SearchResult search_in_language(const SearchRequest& request);

    // Loaded at the first cross-language search.
    const TranslationTable& translations() {
        if (!translation_table) translation_table = load_translations(dir, analyzer);
        return *translation_table;
    }

    Xapian::Database db;      // the index directory, or its shards as one
    bool is_remote;           // shards: xapian-tcpsrv's remote protocol
    bool lost_shard = false;  // a shard stopped answering: reconnect before use
    std::uint64_t changes = 0, reconnections = 0;
    std::string dir;
    const Analyzer& analyzer;
    std::shared_ptr<const TranslationTable> translation_table;
    SearchLimits limits;
    Bm25Params ranking;
    engine::FacetLabels labels;
    std::optional<engine::FacetNames> facet_names;
    engine::QueryBuilder builder;
    engine::SnippetMaker snippets;
};

// A query read in the language its few letters suggest, or in the page's, may be in another:
// "violence domestique" looks English to the detector, and French staff type English titles on
// a French page. A query that finds nothing so is read in the other languages, and the first
// that finds something answers (its query_lang says which; the page and the CLI print it).
SearchResult Searcher::Impl::search(const SearchRequest& request) {
    SearchResult result = search_in_language(request);
    if (result.total > 0) return result;
    for (const Lang other : kAllLangs) {
        if (other == result.query_lang) continue;
        SearchRequest again = request;
        again.lang = other;
        SearchResult found = search_in_language(again);
        if (found.total > 0) return found;
    }
    return result;
}

SearchResult Searcher::Impl::search_in_language(const SearchRequest& request) {
    check_page(request, limits);
    engine::BuiltQuery built = builder.build(request);
    if (request.xlang && !built.browse)
        built.query = xlang::expand_query(built.query, built.lang, translations(), db);
    built.query = engine::with_language_prior(built.query, built.prior, built.prior_lang);

    Xapian::Enquire enquire(db);
    enquire.set_query(built.query);
    const Xapian::BM25Weight weight(ranking.k1, 0, 1, ranking.b, 0.5);
    enquire.set_weighting_scheme(weight);
    if (limits.time_limit_seconds > 0) enquire.set_time_limit(limits.time_limit_seconds);
    SearchRequest::Sort sort = request.sort;
    if (built.browse && sort == SearchRequest::Sort::relevance)
        sort = SearchRequest::Sort::year_desc;
    if (sort == SearchRequest::Sort::year_desc)
        enquire.set_sort_by_value_then_relevance(schema::kSlotYear, true);
    else if (sort == SearchRequest::Sort::year_asc)
        enquire.set_sort_by_value_then_relevance(schema::kSlotYear, false);

    // Facets are counted while matching, except under a sort by year: then in a pass of their
    // own in relevance order that returns no hits, because Xapian 1.4's remote matcher shows
    // some documents twice to a match spy under a value sort once a search matches more than a
    // page (168 counted of 153 on three shards of the sample corpus); local and sharded indexes
    // count the same way.
    Xapian::Enquire facet_enquire(db);
    const bool facets_apart = sort != SearchRequest::Sort::relevance;
    std::optional<engine::FacetCounter> counter;
    if (request.facets)
        counter.emplace(counted_facet_names(), facets_apart ? facet_enquire : enquire, is_remote);
    const auto first = static_cast<Xapian::doccount>((request.page - 1) * request.size);
    const auto size = static_cast<Xapian::doccount>(request.size);
    const Xapian::doccount check = request.facets ? kFacetDepth : kTotalDepth;

    Xapian::MSet mset;
    try {
        mset = enquire.get_mset(first, size, std::max(check, first + size));
        if (counter && facets_apart) {
            facet_enquire.set_query(built.query);
            facet_enquire.set_weighting_scheme(weight);
            if (limits.time_limit_seconds > 0)
                facet_enquire.set_time_limit(limits.time_limit_seconds);
            facet_enquire.get_mset(0, 0, kFacetDepth);
        }
    } catch (const Xapian::WildcardError& e) {
        throw LimitError("q", "a wildcard matches too many words: " + e.get_msg());
    }

    SearchResult result;
    result.total = mset.get_matches_estimated();
    result.page = request.page;
    result.size = request.size;
    result.query_lang = built.lang;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        SearchHit hit;
        hit.record = parse_record_json(it.get_document().get_data());
        hit.score = it.get_weight();
        hit.percent = it.get_percent();
        hit.display_lang = display_lang(hit.record, request.display, built.lang);
        engine::Snippet snippet = snippets.make(mset, hit.record, built.lang, hit.display_lang);
        hit.snippet = std::move(snippet.html);
        hit.snippet_lang = snippet.lang;
        result.hits.push_back(std::move(hit));
    }
    if (counter) {
        // A label whose id another label shares (facet_counter.hpp): its matches, exact up to
        // kFacetDepth as the spy's counts are.
        const auto count_apart = [&](const std::string& term) -> std::size_t {
            Xapian::Enquire apart(db);
            if (limits.time_limit_seconds > 0) apart.set_time_limit(limits.time_limit_seconds);
            apart.set_query(
                Xapian::Query(Xapian::Query::OP_FILTER, built.query, Xapian::Query(term)));
            apart.set_weighting_scheme(Xapian::BoolWeight());
            return apart.get_mset(0, 0, kFacetDepth).get_matches_estimated();
        };
        result.facets = counter->top(kFacetValues, count_apart);
        name_facet_values(result.facets, request.ui.value_or(Lang::en));
    }
    return result;
}

Searcher::Searcher(const std::string& db_dir, const Analyzer& analyzer, SearchLimits limits,
                   Bm25Params ranking)
    : impl_(std::make_unique<Impl>(db_dir, analyzer, limits, ranking)) {}

Searcher::~Searcher() = default;

SearchResult Searcher::search(const SearchRequest& request) {
    return impl_->retrying([&] { return impl_->search(request); });
}

Record Searcher::record(const std::string& id) {
    return impl_->retrying([&] {
        const std::string term = schema::id_term(id);
        auto posting = impl_->db.postlist_begin(term);
        if (posting == impl_->db.postlist_end(term))
            throw NotFoundError("no record with id '" + id + "'");
        return parse_record_json(impl_->db.get_document(*posting).get_data());
    });
}

IndexStats Searcher::stats() {
    return impl_->retrying([&] {
        IndexStats stats;
        stats.records = impl_->db.get_doccount();
        for (const Lang lang : kAllLangs) {
            const auto count =
                impl_->db.get_termfreq(schema::facet_term(schema::kLanguage, lang_code(lang)));
            if (count > 0) stats.languages[std::string(lang_code(lang))] = count;
        }
        stats.schemes = impl_->labels.schemes();
        stats.revision = std::to_string(impl_->revision());
        return stats;
    });
}

std::uint64_t Searcher::revision() const {
    try {
        return impl_->revision();
    } catch (const Xapian::NetworkError&) {
        return 0;  // a shard down: the next request says so
    }
}

bool Searcher::reopen() {
    return impl_->reopen();
}

}  // namespace tawsiya
