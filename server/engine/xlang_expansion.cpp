#include "engine/xlang_expansion.hpp"

#include <algorithm>
#include <cmath>

#include "tawsiya/schema.hpp"
#include "tawsiya/script.hpp"

namespace tawsiya::xlang {

namespace {

std::string stem_term(const std::string& stem) {
    std::string term(schema::kStemPrefix);
    term += stem;
    return term;
}

}  // namespace

Lang stem_lang(const std::string& stem, Lang query_lang) {
    if (is_arabic_word(stem)) return Lang::ar;
    return query_lang == Lang::ar ? Lang::en : query_lang;
}

std::vector<TermTranslation> translations_of(const std::string& stem, Lang lang,
                                             const TranslationTable& table,
                                             const Xapian::Database& db) {
    std::vector<TermTranslation> out;
    for (const Lang to : kAllLangs) {
        if (to == lang) continue;
        const auto* list = table.find(lang, to, stem);
        if (!list) continue;
        for (const Translation& t : *list) {
            if (t.stem == stem || !db.term_exists(stem_term(t.stem))) continue;
            // French and English share many stems (tortur, protocol): one term once, at its best
            // probability (twice, it would count twice).
            const auto same = std::find_if(
                out.begin(), out.end(), [&](const TermTranslation& o) { return o.stem == t.stem; });
            if (same == out.end())
                out.push_back({to, t.stem, t.p});
            else if (t.p > same->p)
                *same = {to, t.stem, t.p};
        }
    }
    return out;
}

double translation_weight(double p) {
    // The square root lifts a good translation that shares its probability with a synonym
    // (tortur -> تعذيب 0.7, مناهض 0.28) while keeping weak ones well under the source term.
    return std::sqrt(p);
}

Xapian::Query translate_stem(const std::string& stem, Lang from, Lang to, Xapian::termcount wqf,
                             const TranslationTable& table, const Xapian::Database& db) {
    if (from == to) {
        const std::string own = stem_term(stem);
        return db.term_exists(own) ? Xapian::Query(own, wqf) : Xapian::Query();
    }
    const auto* list = table.find(from, to, stem);
    if (!list) return Xapian::Query();
    std::vector<Xapian::Query> alternatives;
    for (const Translation& t : *list) {
        const std::string term = stem_term(t.stem);
        if (!db.term_exists(term)) continue;
        alternatives.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(term, wqf), t.p);
    }
    if (alternatives.empty()) return Xapian::Query();
    return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
}

Xapian::Query expand_stem(const std::string& stem, Lang lang, Xapian::termcount wqf,
                          const TranslationTable& table, const Xapian::Database& db) {
    std::vector<Xapian::Query> alternatives;
    const std::string own = stem_term(stem);
    const Xapian::doccount own_df = db.get_termfreq(own);
    if (own_df > 0) alternatives.emplace_back(own, wqf);
    for (const TermTranslation& t : translations_of(stem, lang, table, db)) {
        const std::string term = stem_term(t.stem);
        double factor = translation_weight(t.p);
        // A translation never weighs more than the term itself would: where one language has
        // fewer records, its words are rarer and BM25 would otherwise rank its records first.
        if (own_df > 0) {
            const double n = db.get_doccount() + 1.0;
            const double own_idf = std::log(n / own_df),
                         target_idf = std::log(n / db.get_termfreq(term));
            if (target_idf > own_idf && target_idf > 0) factor *= own_idf / target_idf;
        }
        alternatives.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(term, wqf), factor);
    }
    if (alternatives.empty()) return Xapian::Query();
    if (alternatives.size() == 1) return alternatives.front();
    // A weighted OR, not OP_MAX: Xapian 1.4.22 crashes in get_mset on some ORs of OP_MAX groups of
    // scaled terms (a reproduction with six groups on a French index; any five pass).
    return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
}

Xapian::Query expand_query(const Xapian::Query& query, Lang query_lang,
                           const TranslationTable& table, const Xapian::Database& db) {
    const auto type = query.get_type();
    if (type == Xapian::Query::LEAF_TERM) {
        const std::string term = *query.get_terms_begin();
        if (term.rfind(schema::kStemPrefix, 0) != 0 || term.size() <= schema::kStemPrefix.size())
            return query;  // an unstemmed word or a boolean term
        const std::string stem = term.substr(schema::kStemPrefix.size());
        Xapian::Query expanded =
            expand_stem(stem, stem_lang(stem, query_lang), query.get_length(), table, db);
        return expanded.empty() ? query : expanded;
    }
    switch (type) {
        case Xapian::Query::OP_AND:
        case Xapian::Query::OP_OR:
        case Xapian::Query::OP_AND_MAYBE:
        case Xapian::Query::OP_XOR:
        case Xapian::Query::OP_MAX:
        case Xapian::Query::OP_AND_NOT:
        case Xapian::Query::OP_FILTER: {
            const bool positive_only =
                type == Xapian::Query::OP_AND_NOT || type == Xapian::Query::OP_FILTER;
            std::vector<Xapian::Query> children;
            for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
                const Xapian::Query child = query.get_subquery(i);
                children.push_back(
                    positive_only && i > 0 ? child : expand_query(child, query_lang, table, db));
            }
            return Xapian::Query(type, children.begin(), children.end());
        }
        default:
            return query;
    }
}

}  // namespace tawsiya::xlang
