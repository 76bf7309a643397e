#include "engine/match_query.hpp"

#include <algorithm>
#include <cctype>

#include "engine/features.hpp"
#include "engine/synonyms.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/recommendation_text.hpp"
#include "tawsiya/schema.hpp"
#include "tawsiya/state_names.hpp"
#include "tawsiya/text_scan.hpp"

namespace tawsiya::matching {

namespace {

bool starts_with_word(std::string_view text, std::string_view word) {
    if (!scan::equals_at_icase(text, 0, word)) return false;
    // A whole word: what follows is not an ASCII letter (Arabic letters are bytes >= 0x80, and
    // every Arabic phrase below ends a word, so a following Arabic byte means a longer word).
    if (text.size() == word.size()) return true;
    const auto next = static_cast<unsigned char>(text[word.size()]);
    return !(std::isalnum(next) || next >= 0x80);
}

}  // namespace

std::string_view strip_state_modal(std::string_view text) {
    // Longest first within a language: "is encouraged to" before "is".
    static constexpr std::string_view kModals[] = {"is encouraged to",
                                                   "is urged to",
                                                   "is invited to",
                                                   "is called upon to",
                                                   "is requested to",
                                                   "is recommended to",
                                                   "should",
                                                   "must",
                                                   "shall",
                                                   "needs to",
                                                   "ought to",
                                                   "est encouragé à",
                                                   "est encouragée à",
                                                   "est invité à",
                                                   "est invitée à",
                                                   "est instamment prié de",
                                                   "est prié de",
                                                   "devrait",
                                                   "doit",
                                                   "que",
                                                   "qu’",
                                                   "qu'",
                                                   "ينبغي",
                                                   "وينبغي",
                                                   "يجب",
                                                   "ويجب",
                                                   "على",
                                                   "أن",
                                                   "بأن"};
    for (bool stripped = true; stripped;) {
        stripped = false;
        const std::size_t start = text.find_first_not_of(" \t\r\n,:");
        if (start == std::string_view::npos) return {};
        text.remove_prefix(start);
        for (const std::string_view modal : kModals)
            if (starts_with_word(text, modal)) {
                text.remove_prefix(modal.size());
                stripped = true;
                break;
            }
    }
    return text;
}

QueryText analyse_text(std::string_view text, std::optional<Lang> lang, const Analyzer& analyzer,
                       const std::optional<std::string>& given_state, bool find_state,
                       std::string_view given_how) {
    QueryText query;
    query.content = strip_recommendation_noise(text);
    query.lang = lang ? *lang : analyzer.detect_language(query.content);
    query.tagging_tokens = features::tagging_tokens(query.content, query.lang, analyzer);
    const std::optional<StateMention> mention = detect_state(query.content, query.lang);
    if (given_state && !given_state->empty()) {
        query.state = canonical_state(*given_state).value_or(*given_state);
        query.state_how = given_how.empty() ? "given" : std::string(given_how);
    } else if (find_state && mention) {
        query.state = mention->state;
        query.state_how = mention->how;
    }
    // The request without the words that address it to its state.
    std::string addressed;
    std::string_view request_source = query.content;
    if (mention && (query.state.empty() || mention->state == query.state) &&
        mention->offset + mention->length <= query.content.size()) {
        addressed = query.content.substr(0, mention->offset) + " " +
                    query.content.substr(mention->offset + mention->length);
        request_source = strip_state_modal(addressed);
    }
    const std::string_view request = strip_lead_in(request_source);
    for (Token& token : analyzer.tokenize(request, query.lang)) {
        if (token.stopword || token.stem.empty()) continue;
        if (query.word_of_stem.emplace(token.stem, token.word).second)
            query.stem_order.push_back(token.stem);
        query.stems.push_back(std::move(token.stem));
    }
    query.compared = Synonyms::embedded(analyzer).canonical(query.stems, query.lang);
    return query;
}

Xapian::Query stem_query(const QueryText& text, const Xapian::Database& db) {
    std::vector<Xapian::Query> terms;
    const auto counts = features::count(text.stems);
    for (const auto& stem : text.stem_order) {
        std::string term(schema::kStemPrefix);
        term += stem;
        if (db.get_termfreq(term) == 0) continue;
        terms.emplace_back(term, counts.at(stem));
    }
    if (terms.empty()) return Xapian::Query();
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

}  // namespace tawsiya::matching
