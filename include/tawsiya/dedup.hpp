// Deduplication of a recommendation list: items grouped into clusters of the same request, whatever
// the wording or the recommending state. Items are TF-IDF vectors of their stems; every pair with a
// cosine over the threshold is found through an inverted index of vector prefixes (never all
// pairs), and clusters merge by average linkage: two clusters join while their members are, on
// average, at least the threshold alike (no chaining of A~B~C into one cluster when A and C
// differ, and no request split from its copy because a third item took it first).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
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

struct DedupOptions {
    // The average cosine similarity from which two clusters are one request (average linkage,
    // dedup.cpp). 0.15: chosen out-of-fold on the 240 labelled pairs of the shared development
    // set (bench/retrieval_eval; the average counts pairs under it as 0, hence a low figure).
    double threshold = 0.25;
    // Two items of different languages compare through translations, which carry only part of
    // a text (the words the tables know): with `translations`, their cosine is multiplied by
    // this, at most 1.
    // Chosen out-of-fold with the threshold (bench/retrieval_eval).
    double cross_language_weight = 1.5;
    // Cross-language: with a table, a list in several languages is compared in its most common
    // language, each other item's stems replaced by their most probable translation into it
    // (docs/cross-language.md), so "Ratifier le Protocole" and "Ratify the Protocol" meet.
    const TranslationTable* translations = nullptr;
};

struct ClusterMember {
    std::size_t item = 0;     // index into the input list
    double similarity = 1.0;  // cosine similarity to the representative
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
};

DedupResult deduplicate(const std::vector<DedupItem>& items, const Analyzer& analyzer,
                        const DedupOptions& options = {});

// The similarity deduplicate compares for each pair of items (indexes into `items`): the cosine
// of their vectors within the list, 1 for the same content, 0 when each names an instrument the
// other does not. What explains a decision; the clusters are built from it.
std::vector<double> pair_similarities(const std::vector<DedupItem>& items,
                                      const std::vector<std::pair<std::size_t, std::size_t>>& pairs,
                                      const Analyzer& analyzer, const DedupOptions& options = {});

}  // namespace tawsiya
