// The Matcher. A text is retrieved in lists, one per language: in its own language with its own
// stems, and in each other language with its stems translated (docs/cross-language.md), each list
// kept to the records that have a version in that language, so a French text's words never meet
// English stems that happen to be spelled alike. When the state under review is known, each list
// is retrieved among that state's records, and among all when those cannot fill the k matches.
// Every candidate then gets features that compare across languages (cosines of request stems, BM25
// over each list's best) and one linear score (match_ranking.hpp); the state's records come first
// by default. The top k vote for the suggestions alongside the trained models.
#include "tawsiya/match.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>
#include <unordered_map>

#include "engine/facet_filter.hpp"
#include "engine/features.hpp"
#include "engine/match_query.hpp"
#include "engine/match_suggestions.hpp"
#include "engine/request_slots.hpp"
#include "engine/tagger_schemes.hpp"
#include "engine/xlang_expansion.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/open_index.hpp"
#include "tawsiya/recommendation_text.hpp"
#include "tawsiya/schema.hpp"
#include "tawsiya/tagger.hpp"
#include "tawsiya/translation.hpp"

namespace tawsiya {

namespace {

// BM25 for one-sentence documents and queries: full term-frequency saturation matters little,
// length normalisation a little less than the default (recommendations vary from 5 to 80 words).
constexpr double kBm25K1 = 1.2, kBm25B = 0.5;
// Candidates per list: k times this, at least kMinCandidates. The lists of the other languages
// and the lists over every state (when the state is known) bring fewer: they complete the first.
constexpr std::size_t kCandidateFactor = 3, kMinCandidates = 30, kSecondaryCandidates = 15;

// Stem vectors and their algebra (engine/features.hpp).
using Vector = features::StemVector;
using features::cosine;
using features::coverage;
using features::norm;

// A record's version, analysed once per match.
struct Version {
    Lang lang;
    Vector vector;
    double norm = 0;
};

struct Candidate {
    Xapian::Document document;
    bool in_state_list = false;  // retrieved among the state's records: addressed to the state
    std::vector<Version> versions;
    MatchFeatures features;
    double score = 0;

    // The record, read from the document on first use: only the matches shown need it (and a
    // document of an index written before the request stems were stored), not every candidate.
    Record& record() {
        if (!record_) record_ = parse_record_json(document.get_data());
        return *record_;
    }

  private:
    std::optional<Record> record_;
};

// The state term of a label, as the index writes it.
std::string state_term(std::string_view label) {
    return schema::facet_term(schema::kState, label);
}

}  // namespace

struct Matcher::Impl {
    Xapian::Database db;
    const Analyzer& analyzer;
    MatchOptions options;
    std::vector<std::string> schemes;
    std::shared_ptr<const TaggerModels> models;
    std::shared_ptr<const TranslationTable> translations;  // null when options.xlang is off
    std::unordered_map<std::string, double> idf_cache;

    Impl(const std::string& db_dir, const Analyzer& a, MatchOptions o) : analyzer(a), options(o) {
        db = open_index(db_dir);  // refuses an index of another schema version
        schemes = tagging::label_schemes(db);
        models = TaggerModels::load(db_dir);
        if (options.xlang) translations = load_translations(db_dir, analyzer);
    }

    double idf(const std::string& stem) {
        const auto it = idf_cache.find(stem);
        if (it != idf_cache.end()) return it->second;
        std::string term(schema::kStemPrefix);
        term += stem;
        const double value = features::idf(db.get_doccount(), db.get_termfreq(term));
        if (idf_cache.size() > 100000) idf_cache.clear();  // bounded memory in a long-lived server
        return idf_cache[stem] = value;
    }

    // The stems' TF-IDF vector, by the index's document frequencies.
    Vector vectorise(const std::vector<std::string>& stems) {
        Vector v;
        for (auto& [stem, weight] :
             features::tfidf<std::string>(stems, [this](const std::string& s) {
                 return std::optional{std::pair{s, idf(s)}};
             }))
            v.emplace(std::move(stem), weight);
        return v;
    }

    // The text's TF-IDF vector carried into language `to`: each stem's weight (its own IDF: what
    // the word weighs in the text) spread over its translations by their probability. A word
    // without a translation is missing from it, and the similarities divide by the norm of the
    // text's own vector, so a translation that carries half the text is not a whole match.
    struct Translated {
        Vector vector;
        // Each stem of the text: its squared weight and the stems it may be in `to`.
        std::vector<std::pair<double, std::vector<std::string>>> sources;
    };
    Translated translate(const matching::QueryText& text, Lang to) {
        Translated out;
        for (const auto& [stem, n] : features::count(text.compared)) {
            const double weight = features::tfidf_weight(n, idf(stem));
            auto& [squared, targets] =
                out.sources.emplace_back(weight * weight, std::vector<std::string>{});
            const Lang from = xlang::stem_lang(stem, text.lang);
            if (from == to) {
                out.vector[stem] += weight;
                targets.push_back(stem);
                continue;
            }
            if (const auto* list = translations->find(from, to, stem))
                for (const Translation& t : *list) {
                    out.vector[t.stem] += weight * t.p;
                    targets.push_back(t.stem);
                }
        }
        return out;
    }

    // The query of one list: the text's stems in `to` (its own when `to` is its language).
    Xapian::Query list_query(const matching::QueryText& text, Lang to) {
        if (to == text.lang) return matching::stem_query(text, db);
        std::vector<Xapian::Query> terms;
        const auto counts = features::count(text.stems);
        for (const auto& stem : text.stem_order) {
            Xapian::Query q = xlang::translate_stem(stem, xlang::stem_lang(stem, text.lang), to,
                                                    counts.at(stem), *translations, db);
            if (!q.empty()) terms.push_back(std::move(q));
        }
        if (terms.empty()) return Xapian::Query();
        return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
    }

    // The first word of the record whose stem is `stem`, and its language: the version in `lang`
    // first (French and English share stems, so the word may be in the other one). `tokens`
    // holds the versions analysed so far, so a record shown with several translated words is
    // analysed once.
    std::pair<std::string, Lang> word_of(const Record& record, Lang lang, const std::string& stem,
                                         std::map<Lang, std::vector<Token>>& tokens) const {
        std::vector<Lang> order{lang};
        for (const Lang other : kAllLangs)
            if (other != lang) order.push_back(other);
        for (const Lang version : order)
            if (const auto it = record.text.find(version); it != record.text.end()) {
                auto [analysed, fresh] = tokens.try_emplace(version);
                if (fresh) analysed->second = analyzer.tokenize(it->second, version);
                for (const Token& token : analysed->second)
                    if (token.stem == stem) return {token.word, version};
            }
        return {stem, lang};
    }

    struct Ranked {
        matching::QueryText text;           // with the state under review
        std::vector<Candidate> candidates;  // in rank order
    };

    Ranked rank(const MatchRequest& request);
};

Matcher::Impl::Ranked Matcher::Impl::rank(const MatchRequest& request) {
    if (request.text.find_first_not_of(" \t\r\n") == std::string::npos)
        throw UsageError("text", "is empty");
    if (request.text.size() > options.max_text_bytes)
        throw LimitError("text",
                         "longer than " + std::to_string(options.max_text_bytes) + " bytes");
    if (request.k == 0 || request.k > options.max_k)
        throw LimitError("k", "must be between 1 and " + std::to_string(options.max_k));

    Ranked out;
    const bool use_state = request.state_scope != StateScope::any;
    out.text = matching::analyse_text(request.text, request.lang, analyzer,
                                      use_state ? request.state : std::nullopt, use_state,
                                      request.state_how);
    const matching::QueryText& text = out.text;
    const bool xlang = request.xlang && translations != nullptr;

    engine::FacetLabels labels(db, analyzer);  // read per request: the filters' labels only
    const Xapian::Query filter = engine::filter_query(request.filters, labels);
    const std::size_t primary = std::max(kMinCandidates, request.k * kCandidateFactor);
    std::unordered_map<Xapian::docid, std::size_t> index_of;
    std::vector<Candidate>& candidates = out.candidates;
    double own_best = 0;  // the weight of the text's own list's first record

    // One list: the query among the records with a version in `lang`, `state_only` among the
    // state's, `size` at most. Its BM25 over its first record's goes to the candidate's feature.
    const auto retrieve = [&](const Xapian::Query& base, Lang lang, bool state_only,
                              std::size_t size) {
        Xapian::Query query(Xapian::Query::OP_FILTER, base,
                            Xapian::Query(schema::facet_term(schema::kLanguage, lang_code(lang))));
        if (state_only)
            query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                                  Xapian::Query(state_term(text.state)));
        if (!filter.empty()) query = Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
        if (request.exclude_id)
            query = Xapian::Query(Xapian::Query::OP_AND_NOT, query,
                                  Xapian::Query(schema::id_term(*request.exclude_id)));
        Xapian::Enquire enquire(db);
        enquire.set_query(query);
        enquire.set_weighting_scheme(Xapian::BM25Weight(kBm25K1, 0, 1, kBm25B, 0.5));
        const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(size));
        // Over the weight of the list's first record, and a translated list over the first of
        // the text's own list when that weighs more: the top of a list of poor translations is
        // not as good as the top of the text's own list (the words that have no translation
        // are missing from it, not absent from the text). Not over MSet::get_max_possible():
        // that bound comes from each database's own wdf and length bounds, so over shards it
        // is another number than over the single index, and so would every match be.
        double best = mset.empty() ? 0.0 : mset.begin().get_weight();
        if (lang == text.lang)
            own_best = std::max(own_best, best);
        else
            best = std::max(best, own_best);
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            auto [slot, fresh] = index_of.emplace(*it, candidates.size());
            if (fresh) candidates.emplace_back().document = it.get_document();
            Candidate& c = candidates[slot->second];
            c.in_state_list = c.in_state_list || state_only;
            MatchFeatures& f = c.features;
            const double bm25 = best > 0 ? it.get_weight() / best : 0;
            double& feature = lang == text.lang ? f.bm25_same : f.bm25_translated;
            feature = std::max(feature, bm25);
        }
    };

    std::vector<Lang> list_langs{text.lang};
    if (xlang)
        for (const Lang other : kAllLangs)
            if (other != text.lang) list_langs.push_back(other);
    std::vector<std::pair<Lang, Xapian::Query>> lists;
    for (const Lang lang : list_langs)
        if (Xapian::Query base = list_query(text, lang); !base.empty())
            lists.emplace_back(lang, std::move(base));
    const bool state_lists = !text.state.empty();
    for (const auto& [lang, base] : lists)
        retrieve(base, lang, state_lists, lang == text.lang ? primary : kSecondaryCandidates);
    // Under StateScope::prefer the other states' records rank after every record of the state:
    // they are looked for only when the state's lists cannot fill the k matches.
    if (state_lists && request.state_scope == StateScope::prefer && candidates.size() < request.k)
        for (const auto& [lang, base] : lists) retrieve(base, lang, false, kSecondaryCandidates);

    const Vector query_vector = vectorise(text.compared);
    const double query_norm = norm(query_vector);
    std::map<Lang, Impl::Translated> translated;
    if (xlang)
        for (const Lang to : kAllLangs)
            if (to != text.lang) translated[to] = translate(text, to);
    const std::string wanted_state = text.state.empty() ? std::string() : state_term(text.state);
    const SlotLexicon& slot_lexicon = SlotLexicon::embedded(analyzer);
    const RequestSlots text_slots = slot_lexicon.find(text.compared, text.lang);
    for (Candidate& c : candidates) {
        MatchFeatures& f = c.features;
        f.same_state = !wanted_state.empty() &&
                       (c.in_state_list || state_term(c.record().state) == wanted_state);
        // Each version's request stems as the index stored them; a document written before the
        // index stored them has its text analysed here, to the same stems.
        std::optional<schema::VersionStems> versions =
            schema::parse_request_stems(c.document.get_value(schema::kSlotRequestStems));
        if (!versions) {
            versions.emplace();
            for (const auto& [version_lang, version_text] : c.record().text)
                versions->emplace_back(version_lang,
                                       request_word_stems(version_text, version_lang, analyzer));
        }
        f.slots_conflict = versions->empty() ? 0.0 : 1.0;
        for (const auto& [version_lang, word_stems] : *versions) {
            const std::vector<std::string> stems =
                features::request_stems_of_word_stems(word_stems, version_lang, analyzer);
            const SlotComparison slots =
                compare_slots(text_slots, slot_lexicon.find(stems, version_lang));
            const auto share = [](const std::array<bool, kSlots>& of) {
                return double(std::count(of.begin(), of.end(), true)) / double(kSlots);
            };
            f.slots_shared = std::max(f.slots_shared, share(slots.shared));
            f.slots_conflict = std::min(f.slots_conflict, share(slots.conflict));
            Version v{version_lang, vectorise(stems)};
            v.norm = norm(v.vector);
            if (version_lang == text.lang) {
                f.in_lang = true;
                f.cosine_same = cosine(query_vector, query_norm, v.vector, v.norm);
                f.coverage_same = coverage(query_vector, query_norm, v.vector);
            } else {
                // French and English share stems: the text as it is may meet the version.
                f.cosine_translated = std::max(f.cosine_translated,
                                               cosine(query_vector, query_norm, v.vector, v.norm));
                f.coverage_translated =
                    std::max(f.coverage_translated, coverage(query_vector, query_norm, v.vector));
                if (const auto t = translated.find(version_lang); t != translated.end()) {
                    f.cosine_translated =
                        std::max(f.cosine_translated,
                                 cosine(t->second.vector, query_norm, v.vector, v.norm));
                    double covered = 0;
                    for (const auto& [squared, targets] : t->second.sources)
                        if (std::any_of(targets.begin(), targets.end(),
                                        [&](const std::string& s) { return v.vector.count(s); }))
                            covered += squared;
                    if (query_norm > 0)
                        f.coverage_translated =
                            std::max(f.coverage_translated, covered / (query_norm * query_norm));
                }
            }
            c.versions.push_back(std::move(v));
        }
        c.score = rank_score(f, options.weights);
    }
    const StateScope scope = text.state.empty() ? StateScope::any : request.state_scope;
    std::stable_sort(candidates.begin(), candidates.end(),
                     [&](const Candidate& a, const Candidate& b) {
                         return ranks_before(a.features, a.score, b.features, b.score, scope);
                     });
    return out;
}

Matcher::Matcher(const std::string& db_dir, const Analyzer& analyzer, MatchOptions options)
    : impl_(std::make_unique<Impl>(db_dir, analyzer, options)) {}

Matcher::~Matcher() = default;

bool Matcher::has_models() const {
    return impl_->models != nullptr;
}
const MatchOptions& Matcher::options() const {
    return impl_->options;
}

std::vector<RankedCandidate> Matcher::candidates(const MatchRequest& request) {
    Impl::Ranked ranked = impl_->rank(request);
    std::vector<RankedCandidate> out;
    for (Candidate& c : ranked.candidates) out.push_back({c.record().id, c.features, c.score});
    return out;
}

MatchResult Matcher::match(const MatchRequest& request) {
    Impl& d = *impl_;
    Impl::Ranked ranked = d.rank(request);
    const matching::QueryText& text = ranked.text;
    MatchResult result;
    result.lang = text.lang;
    result.content = text.content;
    result.state = text.state;
    result.state_reason = text.state_how;

    // Target stem -> the text's stem it translates, for the words that matched through a
    // translation.
    struct Source {
        std::string stem;
        double p;
    };
    std::map<Lang, std::unordered_map<std::string, Source>> source_of;
    if (request.xlang && d.translations)
        for (const auto& stem : text.stem_order) {
            const Lang from = xlang::stem_lang(stem, text.lang);
            for (const Lang to : kAllLangs)
                if (to != from)
                    if (const auto* list = d.translations->find(from, to, stem))
                        for (const Translation& t : *list)
                            if (!text.word_of_stem.count(t.stem))
                                source_of[to].emplace(t.stem, Source{stem, t.p});
        }

    if (ranked.candidates.size() > request.k) ranked.candidates.resize(request.k);
    for (Candidate& c : ranked.candidates) {
        Match match;
        match.score = std::max(c.features.cosine_same, c.features.cosine_translated);
        // The text's words the record has, in the text's order, then those it has translated.
        for (const auto& stem : text.stem_order)
            for (const Version& v : c.versions)
                if (v.vector.count(stem)) {
                    match.matched_terms.push_back(text.word_of_stem.at(stem));
                    break;
                }
        std::set<std::string> seen;
        std::map<Lang, std::vector<Token>> tokens;
        for (const Version& v : c.versions) {
            const auto sources = source_of.find(v.lang);
            if (sources == source_of.end()) continue;
            for (const auto& [stem, weight] : v.vector)
                if (const auto s = sources->second.find(stem);
                    s != sources->second.end() && seen.insert(stem).second) {
                    const auto [word, lang] = d.word_of(c.record(), v.lang, stem, tokens);
                    match.translated_terms.push_back(
                        {text.word_of_stem.at(s->second.stem), word, lang, s->second.p});
                }
        }
        match.record = std::move(c.record());
        result.matches.push_back(std::move(match));
    }

    const auto probabilities = d.models ? d.models->predict(text.tagging_tokens)
                                        : std::map<std::string, std::vector<LabelProbability>>{};
    result.suggestions =
        matching::suggest(result.matches, d.schemes, probabilities, d.options,
                          matching::issuer_cues(request.text, request.context, request.symbol));
    return result;
}

}  // namespace tawsiya
