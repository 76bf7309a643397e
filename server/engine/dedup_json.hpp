// Deduplication results as JSON: the clusters of `tawsiya dedup` (one per line) and the body of
// POST /api/dedup.
#pragma once

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <optional>
#include <string>
#include <vector>

#include "tawsiya/dedup.hpp"

namespace tawsiya {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

// A recommendation already in the index that a cluster repeats ("already recommended in 2012 by
// the UPR to Morocco").
struct PriorRecommendation {
    std::string id, mechanism, body, state;
    std::optional<int> year;
    double score = 0;  // the matcher's similarity of the cluster's representative to it
};

// {"cluster": c, "size", "representative": {"id", "text"}, "members": [{"id", "similarity",
// "text"}]}, the representative first, similarities rounded to 3 decimals; with `prior`,
// "prior": [{"id", "year", "mechanism", "body", "state", "score"}].
void write_cluster_json(JsonWriter& w, const std::vector<DedupItem>& items,
                        const DedupResult& result, std::size_t c,
                        const std::vector<PriorRecommendation>* prior = nullptr);

// {"items": n, "clusters": [...] (those with duplicates first, then singletons),
//  "duplicate_clusters": n, "candidate_pairs": n}
std::string dedup_result_to_json(const std::vector<DedupItem>& items, const DedupResult& result);

}  // namespace tawsiya
