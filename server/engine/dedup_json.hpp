// Deduplication results as JSON: the clusters of `tawsiya dedup` (one per line) and the body of
// POST /api/dedup.
#pragma once

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <string>
#include <vector>

#include "tawsiya/dedup.hpp"

namespace tawsiya {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

// {"cluster": c, "size", "representative": {"id", "text"}, "members": [{"id", "similarity",
// "text"}]}, the representative first, similarities rounded to 3 decimals.
void write_cluster_json(JsonWriter& w, const std::vector<DedupItem>& items,
                        const DedupResult& result, std::size_t c);

// {"items": n, "clusters": [...] (those with duplicates first, then singletons),
//  "duplicate_clusters": n, "candidate_pairs": n}
std::string dedup_result_to_json(const std::vector<DedupItem>& items, const DedupResult& result);

}  // namespace tawsiya
