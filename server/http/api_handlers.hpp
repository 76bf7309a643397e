// The JSON API over one Searcher: each handler takes the decoded request parts and returns the JSON
// body; errors are thrown as tawsiya error types and mapped to statuses by the router.
#pragma once

#include <string>

#include "http/url_codec.hpp"
#include "tawsiya/search.hpp"

namespace tawsiya::http {

std::string handle_search(Searcher& searcher, const QueryParams& params,
                          const SearchLimits& limits);                 // GET /api/search
std::string handle_record(Searcher& searcher, const std::string& id);  // GET /api/records/{id}
std::string handle_health(Searcher& searcher);                         // GET /api/health
std::string handle_stats(Searcher& searcher);                          // GET /api/stats

}  // namespace tawsiya::http
