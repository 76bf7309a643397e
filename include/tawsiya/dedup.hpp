// Deduplication of a recommendation list: items grouped into clusters of the same request, whatever
// the wording or the recommending state. Items are TF-IDF vectors of their stems; every pair with a
// cosine over the threshold is found through an inverted index of vector prefixes (never all
// pairs), and clusters are stars around the most central items, so every member is within the
// threshold of its representative (no chaining of A~B~C into one cluster when A and C differ).
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
    // Cosine similarity from which two items are the same request. 0.4: on the sample corpus's
    // repeat groups, precision 0.93-1.0 as at 0.5, for twice the recall (bench/RESULTS.md).
    double threshold = 0.4;
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

}  // namespace tawsiya
