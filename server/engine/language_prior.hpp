// The searcher's language in the ranking: the records with a version in it ("XL:<lang>",
// schema.hpp) get a fixed weight added. For a short query the weight is above any BM25 score,
// so a French query ranks the French records that contain its words first (« détention
// préventive » meets English records through the stems French and English share, "detent" and
// "prevent", and BM25 alone puts the rarer French records last); for a longer one it is too
// small to change anything but the order of equal scores. The matches are the same.
#pragma once

#include <xapian.h>

#include "engine/query_builder.hpp"

namespace tawsiya::engine {

// Above the BM25 score of any short query: 3 words, each under (k1 + 1) * idf (about 25 here).
inline constexpr double kLanguageFirstWeight = 1000.0;
// Below any difference of BM25 scores worth keeping.
inline constexpr double kLanguageTieWeight = 1e-6;

Xapian::Query with_language_prior(const Xapian::Query& query, BuiltQuery::Prior prior, Lang lang);

}  // namespace tawsiya::engine
