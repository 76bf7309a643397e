// GET /api/search's parameters -> SearchRequest. Every bad value is a UsageError (-> 400) that
// names its parameter; values over the configured limits are LimitErrors.
//
//   q, lang=ar|fr|en, page, size, sort=relevance|year|year-asc, display=ar|fr|en, facets=0|1,
//   year_from, year_to, xlang=0|1, and facet filters (repeatable): body=CAT, state=Morocco,
//   tag.sdg=16 (a tag scheme; "tag:sdg" is accepted too), language=ar (the facet "lang": records
//   with an Arabic version; the parameter "lang" is the query's language).
#pragma once

#include "http/url_codec.hpp"
#include "tawsiya/search.hpp"

namespace tawsiya::http {

SearchRequest parse_search_params(const QueryParams& params, const SearchLimits& limits);

// The filter key of a query parameter name, read by engine::filter_facet: "body" -> "body",
// "tag.sdg" -> "tag:sdg", "sdg" -> "tag:sdg", "language" -> "lang" ("lang" is the query's
// language); nullopt when the name is not a facet.
std::optional<std::string> filter_key(std::string_view parameter);

}  // namespace tawsiya::http
