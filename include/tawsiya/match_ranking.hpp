// How the Matcher orders its candidates: each candidate has a few features that are comparable
// whatever language its versions are in, and one linear score over them. The features are public
// so that bench/retrieval_eval can choose the weights by cross-validation with exactly the score
// the Matcher computes (docs/matching.md gives the figures behind the defaults).
#pragma once

#include <string>

namespace tawsiya {

// Whether candidates addressed to the state under review come first.
enum class StateScope {
    prefer,  // the state's records first, then the others (the default: staff follow up their own)
    only,    // the state's records only
    any,     // every state alike; the state is not used
};

struct MatchFeatures {
    bool same_state = false;  // the record is addressed to the state under review
    bool in_lang = false;     // the record has a version in the text's language
    // Cosine of request-stem TF-IDF vectors: with the record's version in the text's language,
    // and the best over its other versions of the text translated into theirs (or as it is, where
    // French and English share a stem).
    double cosine_same = 0;
    double cosine_translated = 0;
    // The share of the text's TF-IDF weight (squared) whose stems the version has: near 1 when a
    // long record holds the text's request among others, which its cosine hides.
    double coverage_same = 0;
    double coverage_translated = 0;
    // BM25 of the record in the list retrieved in the text's language and in the best list of
    // another language, each over the weight of its list's first record (a translated list over
    // the first of the text's own list when that weighs more; 0 = not in the list).
    double bm25_same = 0;
    double bm25_translated = 0;
    // What the text and the record ask, read into language-free slots (instrument, action, group,
    // object: engine/request_slots.hpp): the share of the four slots where they name a key in
    // common, and where each names a key the other lacks ("ratify" / "abolish", children /
    // migrants). The best of the record's versions for each.
    double slots_shared = 0;
    double slots_conflict = 0;
};

// The weights of the score. The defaults were chosen by cross-validation over the development
// set (bench/retrieval_eval, 5 folds); RESULTS.md gives the out-of-fold figures.
struct RankWeights {
    double cosine_same = 0.5;
    double bm25_same = 0.5;
    double cosine_translated = 0.4;
    double bm25_translated = 0.5;
    double coverage = 0.5;  // for coverage_same and coverage_translated alike
    double in_lang = 0.0;
    // How much a record with a version in the text's language also counts by its other
    // versions (the text translated into theirs): a second opinion, under the first.
    double other_versions = 0.0;
    // For slots_shared (added) and slots_conflict (taken off), whatever the version's language.
    double slots_shared = 0.8;
    double slots_conflict = 0.4;
};

// The candidate's score, higher is better: a record with a version in the text's language by
// that version's cosine and BM25 (plus in_lang), another by its translated cosine and BM25. The
// weights put the two on one scale.
double rank_score(const MatchFeatures& features, const RankWeights& weights);

// True when a ranks before b: under StateScope::prefer the state's records first, then by score.
bool ranks_before(const MatchFeatures& a, double a_score, const MatchFeatures& b, double b_score,
                  StateScope scope);

}  // namespace tawsiya
