// Matching a new recommendation against an index: the prior recommendations behind it (each with a
// score in [0,1] and the words that matched) and suggestions for its mechanism, issuing body,
// responsible national bodies and every tag scheme of the index. Suggestions come from trained
// one-vs-rest models where `tawsiya train` stored them (tagger.hpp), blended with the votes of the
// matched neighbours, which are also the explanation (evidence) of each suggestion.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tawsiya/analyzer.hpp"
#include "tawsiya/language.hpp"
#include "tawsiya/match_ranking.hpp"
#include "tawsiya/record.hpp"
#include "tawsiya/tagger.hpp"

namespace tawsiya {

struct MatchRequest {
    std::string text;          // the new recommendation (paragraph numbers, states are ignored)
    std::optional<Lang> lang;  // detected when absent
    std::size_t k = 10;        // matches returned; they are also the voters of the suggestions
    std::map<std::string, std::vector<std::string>>
        filters;                            // facet -> labels (OR within, AND across)
    std::optional<std::string> exclude_id;  // e.g. the text's own record
    bool xlang = true;  // also find records in the two other languages (if MatchOptions::xlang)
    // The state under review, in any language or spelling ("Morocco", "Maroc", "المغرب"); found
    // in the text when absent ("Morocco should", « Le Maroc devrait »). See StateScope.
    std::optional<std::string> state;
    std::string state_how;  // why the caller names it, shown to the user ("given" when empty)
    StateScope state_scope = StateScope::prefer;
    // Who issued the text, as its document says; only the mechanism and body suggestions read
    // them (docs/matching.md). The document's symbol ("CAT/C/MAR/CO/4" names the committee; a
    // symbol in the text is read when absent), and the chapeau of a sub-paragraph ("The Committee
    // recommends that the State party:"), whose formula names a treaty body or special procedure.
    std::optional<std::string> symbol;
    std::string context;
};

// A word of the text that matched a record through its translation (docs/cross-language.md).
struct TranslatedTerm {
    std::string from;  // the text's word
    std::string to;    // the record's word (the first with the translated stem)
    Lang to_lang = Lang::en;
    double p = 0;  // p(to's stem | from's stem) in the translation table
};

struct Match {
    Record record;
    // Cosine similarity of the TF-IDF vectors (stems, index IDF) of the text and of the record's
    // version in the text's language (its best version if it has none): 1 = the same content stems.
    // With cross-language matching, a record without a version in the text's language is compared
    // with the text's vector translated into each of its versions' languages. It is what the
    // words share, not the rank: the matches are in the ranker's order (match_ranking.hpp), which
    // also weighs BM25 and the request slots, so a match with a lower score can rank above one
    // with a higher score when it asks the same thing ("establish shelters") in other words.
    double score = 0;
    std::vector<std::string> matched_terms;        // readable words of the text found in the record
    std::vector<TranslatedTerm> translated_terms;  // words that matched through a translation
};

struct Suggestion {
    std::string label;
    double confidence = 0;              // in [0,1]: calibrated on held-out data when a model exists
    std::vector<std::string> evidence;  // ids of the matches that carry the label
    bool abstain = false;               // confidence under MatchOptions::abstain_below
    std::optional<ReferenceMatch> reference;  // the label's official text the text is most like
};

struct MatchResult {
    Lang lang = Lang::en;      // the text's language (given or detected)
    std::string content;       // the text without paragraph number and recommending states
    std::string state;         // the state under review the ranking used ("" when none)
    std::string state_reason;  // why: "given", or where the text names it; "" when none
    std::vector<Match> matches;
    // Scheme ("mechanism", "body", "responsible", "uprinfo_issue", "sdg", ...) -> suggestions by
    // decreasing confidence.
    std::map<std::string, std::vector<Suggestion>> suggestions;
};

struct MatchOptions {
    double abstain_below = 0.5;       // suggestions under this confidence are marked abstain
    std::size_t max_suggestions = 5;  // per scheme, abstained ones included
    double model_weight = 0.85;       // blend: model * w + votes * (1 - w), where a model exists
    double vote_shrinkage = 0.5;  // votes = carried / (voted + shrinkage): few voters, less sure
    std::size_t max_k = 100;      // a request's k is capped here
    std::size_t max_text_bytes = 20000;  // longer texts are refused (LimitError)
    bool xlang = true;    // cross-language matching through DIR/tawsiya-translations.tsv (or the
                          // built-in lexicon when the index has none)
    RankWeights weights;  // how candidates are ordered (match_ranking.hpp)
};

// A candidate before ranking, with its features: what bench/retrieval_eval tunes the weights on.
struct RankedCandidate {
    std::string id;
    MatchFeatures features;
    double score = 0;
};

// Cleans, analyses and matches texts; one Matcher per thread (a Xapian::Database is not
// thread-safe), the Analyzer and the models on disk are shared.
class Matcher {
  public:
    // Opens the index at `db_dir` and loads the models of `db_dir/tawsiya-models` when present,
    // and the translations (translation.hpp) when options.xlang.
    // Throws IndexError when the index cannot be opened.
    Matcher(const std::string& db_dir, const Analyzer& analyzer, MatchOptions options = {});
    ~Matcher();
    Matcher(const Matcher&) = delete;
    Matcher& operator=(const Matcher&) = delete;

    // Throws UsageError for an empty text or an unknown filter facet, LimitError over the limits.
    MatchResult match(const MatchRequest& request);

    // Every candidate of the request with its features, in the Matcher's order (the first k are
    // the matches). Throws as match().
    std::vector<RankedCandidate> candidates(const MatchRequest& request);

    bool has_models() const;
    const MatchOptions& options() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace tawsiya
