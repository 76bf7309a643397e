// The Matcher: a text's stems retrieve candidates by BM25 (tuned for short texts), the candidates
// are scored by cosine similarity of TF-IDF vectors and reordered by it, and the top k vote for
// the suggestions alongside the trained models.
#include "tawsiya/match.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "engine/features.hpp"
#include "engine/match_query.hpp"
#include "engine/match_suggestions.hpp"
#include "engine/tagger_schemes.hpp"
#include "engine/xlang_expansion.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/schema.hpp"
#include "tawsiya/tagger.hpp"
#include "tawsiya/translation.hpp"

namespace tawsiya {

namespace {

// BM25 for one-sentence documents and queries: full term-frequency saturation matters little,
// length normalisation a little less than the default (recommendations vary from 5 to 80 words).
constexpr double kBm25K1 = 1.2, kBm25B = 0.5;
// Candidates retrieved by BM25 and reordered by cosine: k times this, at least kMinCandidates.
constexpr std::size_t kCandidateFactor = 3, kMinCandidates = 30;

using Vector = std::unordered_map<std::string, double>;

double norm(const Vector& v) {
    double sum = 0;
    for (const auto& [stem, weight] : v) sum += weight * weight;
    return std::sqrt(sum);
}

double cosine(const Vector& a, double a_norm, const Vector& b) {
    const double b_norm = norm(b);
    if (a_norm == 0 || b_norm == 0) return 0;
    double dot = 0;
    for (const auto& [stem, weight] : b)
        if (const auto it = a.find(stem); it != a.end()) dot += weight * it->second;
    return std::min(1.0, dot / (a_norm * b_norm));
}

}  // namespace

struct Matcher::Impl {
    Xapian::Database db;
    const Analyzer& analyzer;
    MatchOptions options;
    std::vector<std::string> schemes;
    std::vector<std::string> tag_schemes;
    std::shared_ptr<const TaggerModels> models;
    std::shared_ptr<const TranslationTable> translations;  // null when options.xlang is off
    std::unordered_map<std::string, double> idf_cache;

    Impl(const std::string& db_dir, const Analyzer& a, MatchOptions o) : analyzer(a), options(o) {
        try {
            db = Xapian::Database(db_dir);
        } catch (const Xapian::Error& e) {
            throw IndexError("cannot open the index " + db_dir + ": " + e.get_description());
        }
        schemes = tagging::label_schemes(db);
        for (const auto& s : schemes)
            if (s != "mechanism" && s != "body" && s != "responsible") tag_schemes.push_back(s);
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

    Vector vectorise(const std::vector<std::string>& stems) {
        Vector v;
        for (const auto& [stem, n] : features::count(stems)) v[stem] = features::tf(n) * idf(stem);
        return v;
    }

    // The text's TF-IDF vector carried into language `to`: each stem's weight spread over its
    // translations by their probability, with the target stem's IDF.
    Vector translate(const matching::QueryText& text, Lang to) {
        Vector v;
        for (const auto& [stem, n] : features::count(text.stems)) {
            const Lang from = xlang::stem_lang(stem, text.lang);
            if (from == to) {
                v[stem] += features::tf(n) * idf(stem);
                continue;
            }
            if (const auto* list = translations->find(from, to, stem))
                for (const Translation& t : *list) v[t.stem] += features::tf(n) * t.p * idf(t.stem);
        }
        return v;
    }

    // Cosine with the record's version in the text's language, or its most similar version (with
    // cross-language matching, compared with the text translated into that version's language).
    double similarity(const Vector& query, double query_norm,
                      const std::map<Lang, Vector>& translated, const Record& record, Lang lang) {
        if (const auto it = record.text.find(lang); it != record.text.end())
            return cosine(query, query_norm,
                          vectorise(features::request_stems(it->second, lang, analyzer)));
        double best = 0;
        for (const auto& [version_lang, text] : record.text) {
            const Vector version = vectorise(features::request_stems(text, version_lang, analyzer));
            best = std::max(best, cosine(query, query_norm, version));
            if (const auto t = translated.find(version_lang); t != translated.end())
                best = std::max(best, cosine(t->second, norm(t->second), version));
        }
        return best;
    }

    // The record's first word whose stem is `stem`, and its language: the version in `lang` first
    // (French and English share stems, so the word may be in the other one).
    std::pair<std::string, Lang> word_of(const Record& record, Lang lang,
                                         const std::string& stem) const {
        std::vector<Lang> order{lang};
        for (const Lang other : kAllLangs)
            if (other != lang) order.push_back(other);
        for (const Lang version : order)
            if (const auto it = record.text.find(version); it != record.text.end())
                for (const Token& token : analyzer.tokenize(it->second, version))
                    if (token.stem == stem) return {token.word, version};
        return {stem, lang};
    }
};

Matcher::Matcher(const std::string& db_dir, const Analyzer& analyzer, MatchOptions options)
    : impl_(std::make_unique<Impl>(db_dir, analyzer, options)) {}

Matcher::~Matcher() = default;

bool Matcher::has_models() const {
    return impl_->models != nullptr;
}
const MatchOptions& Matcher::options() const {
    return impl_->options;
}

MatchResult Matcher::match(const MatchRequest& request) {
    Impl& d = *impl_;
    if (request.text.find_first_not_of(" \t\r\n") == std::string::npos)
        throw UsageError("text", "is empty");
    if (request.text.size() > d.options.max_text_bytes)
        throw LimitError("text",
                         "longer than " + std::to_string(d.options.max_text_bytes) + " bytes");
    if (request.k == 0 || request.k > d.options.max_k)
        throw LimitError("k", "must be between 1 and " + std::to_string(d.options.max_k));

    MatchResult result;
    const matching::QueryText text = matching::analyse_text(request.text, request.lang, d.analyzer);
    result.lang = text.lang;
    result.content = text.content;

    const bool xlang = request.xlang && d.translations != nullptr;
    // Target stem -> (source stem, probability) of the translations the query holds.
    struct Source {
        std::string stem;
        Lang to;
        double p;
    };
    std::unordered_map<std::string, Source> source_of;
    Xapian::Query query;
    if (xlang) {
        std::vector<Xapian::Query> terms;
        const auto counts = features::count(text.stems);
        for (const auto& stem : text.stem_order) {
            const Lang from = xlang::stem_lang(stem, text.lang);
            Xapian::Query q =
                xlang::expand_stem(stem, from, counts.at(stem), *d.translations, d.db);
            if (q.empty()) continue;
            terms.push_back(std::move(q));
            for (const auto& t : xlang::translations_of(stem, from, *d.translations, d.db))
                if (!text.word_of_stem.count(t.stem))
                    source_of.emplace(t.stem, Source{stem, t.to, t.p});
        }
        if (!terms.empty()) query = Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
    } else {
        query = matching::stem_query(text, d.db);
    }
    if (!query.empty()) {
        const Xapian::Query filter = matching::filter_query(request.filters, d.tag_schemes);
        if (!filter.empty()) query = Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
        if (request.exclude_id)
            query = Xapian::Query(Xapian::Query::OP_AND_NOT, query,
                                  Xapian::Query(schema::id_term(*request.exclude_id)));
        Xapian::Enquire enquire(d.db);
        enquire.set_query(query);
        enquire.set_weighting_scheme(Xapian::BM25Weight(kBm25K1, 0, 1, kBm25B, 0.5));
        const std::size_t candidates = std::max(kMinCandidates, request.k * kCandidateFactor);
        const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(candidates));

        const Vector query_vector = d.vectorise(text.compared);
        const double query_norm = norm(query_vector);
        std::map<Lang, Vector> translated;
        if (xlang)
            for (const Lang to : kAllLangs)
                if (to != text.lang) translated[to] = d.translate(text, to);
        struct Candidate {
            Match match;
            Xapian::MSetIterator it;
            double bm25;
        };
        std::vector<Candidate> scored;
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            Candidate c{{}, it, it.get_weight()};
            c.match.record = parse_record_json(it.get_document().get_data());
            c.match.score =
                d.similarity(query_vector, query_norm, translated, c.match.record, text.lang);
            scored.push_back(std::move(c));
        }
        std::stable_sort(scored.begin(), scored.end(), [](const Candidate& a, const Candidate& b) {
            return a.match.score != b.match.score ? a.match.score > b.match.score : a.bm25 > b.bm25;
        });
        if (scored.size() > request.k) scored.resize(request.k);
        for (Candidate& c : scored) {
            for (auto term = enquire.get_matching_terms_begin(c.it);
                 term != enquire.get_matching_terms_end(c.it); ++term) {
                const std::string stem = (*term).substr(schema::kStemPrefix.size());
                if (const auto word = text.word_of_stem.find(stem); word != text.word_of_stem.end())
                    c.match.matched_terms.push_back(word->second);
                else if (const auto source = source_of.find(stem); source != source_of.end()) {
                    const auto [word, lang] = d.word_of(c.match.record, source->second.to, stem);
                    c.match.translated_terms.push_back(
                        {text.word_of_stem.at(source->second.stem), word, lang, source->second.p});
                }
            }
            result.matches.push_back(std::move(c.match));
        }
    }

    const auto probabilities = d.models ? d.models->predict(text.tagging_tokens)
                                        : std::map<std::string, std::vector<LabelProbability>>{};
    result.suggestions = matching::suggest(result.matches, d.schemes, probabilities, d.options);
    return result;
}

}  // namespace tawsiya
