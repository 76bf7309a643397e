// Deduplication of a recommendation list: items grouped into clusters of the same request, whatever
// the wording or the recommending state. Items are TF-IDF vectors of their stems and request-slot
// keys; every pair whose cosine could reach the threshold is found through an inverted index of
// vector prefixes (never all pairs) and weighed by a pair model (the probability that a reviewer
// would merge them), and clusters merge by average linkage: two clusters join while their members
// are, on average, at least the threshold probable (no chaining of A~B~C into one cluster when A
// and C differ, and no request split from its copy because a third item took it first).
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tawsiya/analyzer.hpp"
#include "tawsiya/language.hpp"

namespace tawsiya {

struct DedupItem {
    std::string id;
    std::string text;
    std::optional<Lang> lang;  // detected when absent
};

class TranslationTable;

// What the pair model weighs for two items of a list (dedup.cpp computes them): how alike their
// words are, and whether the request slots (lexicon/request-slots.tsv) say they ask different
// things though they share the words: another instrument, action, group or object.
enum class PairFeature : std::size_t {
    cosine,                // TF-IDF cosine of their request stems within the list
    cross_language,        // 1 when their languages differ (compared through translations)
    cross_cosine,          // the cosine again for a cross-language pair, else 0
    containment,           // the most of one text's weight that the shared stems carry
    same_instrument,       // both name one instrument
    same_object,           // both name one group or object
    instrument_conflict,   // each names an instrument the other does not (or an acronym)
    action_conflict,       // each asks a kind of action the other does not
    first_action_differs,  // their first actions differ ("establish a moratorium" / "abolish")
    group_conflict,        // each is for a group the other is not
    object_conflict,       // each is about a right or topic the other is not
    number_conflict,       // each has a number (a year, an article) the other lacks
    conflict_cosine,       // the cosine when an instrument, group or object conflicts, else 0:
                           // the same template for another group is the closest text there is
    degree_differs,        // they open at different degrees of action (engine/action_degree):
                           // "continue to combat" / "enact a law on", "consider abolishing"
    count
};
inline constexpr std::size_t kPairFeatures = static_cast<std::size_t>(PairFeature::count);
using PairFeatures = std::array<double, kPairFeatures>;
std::string_view pair_feature_name(PairFeature feature);

// Logistic regression over the pair features: the probability that a reviewer would merge the
// two items. The default weights were trained by bench/retrieval_eval on the 240 labelled pairs
// of the shared development set (its out-of-fold figures, per fold, are in bench/RESULTS.md).
struct PairModel {
    double bias = -1.14;
    PairFeatures weights = {3.48,  0.04,  1.03,  0.92,  1.69,  0.22,  -1.76,
                            -1.60, -0.35, -1.98, -1.32, -0.25, -3.27, -0.24};
    double probability(const PairFeatures& features) const;
};

// L2-regularised logistic regression (liblinear) of the labels on the features, cost C.
PairModel train_pair_model(const std::vector<PairFeatures>& features,
                           const std::vector<bool>& labels, double C);

struct DedupOptions {
    // The average merge probability (PairModel) from which two clusters are one request (average
    // linkage, dedup.cpp; a pair that is no candidate counts as 0). Chosen out-of-fold on the
    // 240 labelled pairs of the shared development set (bench/retrieval_eval).
    double threshold = 0.50;
    PairModel model;
    // Cross-language: with a table, a list in several languages is compared in its most common
    // language, each other item's stems replaced by their most probable translation into it
    // (docs/cross-language.md), so "Ratifier le Protocole" and "Ratify the Protocol" meet.
    const TranslationTable* translations = nullptr;
};

struct ClusterMember {
    std::size_t item = 0;     // index into the input list
    double similarity = 1.0;  // merge probability with the representative (PairModel)
};

struct Cluster {
    std::size_t representative = 0;      // index into the input list: the most central member
                                         // (the first item with its content)
    std::vector<ClusterMember> members;  // representative first, then by decreasing similarity
};

struct DedupResult {
    std::vector<Cluster> clusters;        // every item is in exactly one cluster (singletons too)
    std::vector<std::size_t> cluster_of;  // item index -> cluster index
    std::size_t candidate_pairs = 0;      // distinct contents' pairs scored (for the cost claim)
    double threshold = 0;                 // the merge threshold the clusters were made at
};

DedupResult deduplicate(const std::vector<DedupItem>& items, const Analyzer& analyzer,
                        const DedupOptions& options = {});

// The features of each pair of items (indexes into `items`), as deduplicate computes them.
std::vector<PairFeatures> pair_features(
    const std::vector<DedupItem>& items,
    const std::vector<std::pair<std::size_t, std::size_t>>& pairs, const Analyzer& analyzer,
    const DedupOptions& options = {});

// The merge probability deduplicate weighs for each pair of items (the model on pair_features;
// 1 for the same content). What explains a decision; the clusters are built from it.
std::vector<double> pair_similarities(const std::vector<DedupItem>& items,
                                      const std::vector<std::pair<std::size_t, std::size_t>>& pairs,
                                      const Analyzer& analyzer, const DedupOptions& options = {});

}  // namespace tawsiya
