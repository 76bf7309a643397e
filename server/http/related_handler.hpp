// GET /api/records/{id}/related: a record's history, the earlier and later recommendations that
// match it, made to the same state. The record's own text (its English version, else French, else
// Arabic, or ?lang=) is matched with the Matcher, restricted to the record's state, and the matches
// are grouped by when (earlier / same year / later than the record) and by year, cycle and
// mechanism:
//   {"id","state","year","lang","groups":[{"when":"earlier|same|later","year","cycle","mechanism",
//     "matches":[{"id","score","mechanism","body","year","cycle","symbol","paragraph","text",
//                 "text_lang"}]}]}
#pragma once

#include <string>

#include "http/url_codec.hpp"
#include "tawsiya/match.hpp"
#include "tawsiya/search.hpp"

namespace tawsiya::http {

// ?k= (matches looked at, 1..the Matcher's max_k, default 30), ?min_score= (0..1, default 0.2:
// below it a match shares only common words), ?lang=. Throws NotFoundError for an unknown id.
std::string handle_related(Searcher& searcher, Matcher& matcher, const std::string& id,
                           const QueryParams& params);

}  // namespace tawsiya::http
