// Which facets a search knows: the names used in queries (state:Morocco), in filters
// (request.filters["tag:sdg"]) and in facet counts, and the term prefix of each.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tawsiya::engine {

// A query field that filters on a facet: `name:value` matches the terms `prefix:label`.
struct FacetField {
    std::string name;    // as typed in a query, lower case: "state", "theme", "tag_sdg"
    std::string prefix;  // term prefix: "XS", "XTuhri_theme"
};

// The fields of the query language: every fixed facet of schema.hpp by its name, the tag-scheme
// shorthands (sdg, theme, issue, action, persons, axis, subaxis) and, for each scheme present,
// "tag_<scheme>" (the query text's "tag.<scheme>:" is rewritten to it, see query_text.hpp).
std::vector<FacetField> query_fields(const std::vector<std::string>& schemes);

// The field name of the generic tag field of a scheme: "tag_" + scheme with '-' as '_'.
std::string tag_field_name(std::string_view scheme);

// The facet a filter names.
struct FilterFacet {
    std::string key;     // "body", "lang", "tag:sdg": as in SearchResult::facets
    std::string prefix;  // term prefix
};

// The one reading of a filter's name, for search, match, the CLI and HTTP: a fixed facet of
// schema.hpp ("body", "state"; "language" is "lang"), a tag scheme as "tag:<scheme>" or
// "tag.<scheme>" (any name schema::is_tag_scheme accepts, "tag:SDG" too), a tag shorthand of the
// query language ("sdg", "theme", ...) or, among `schemes` (the index's tag schemes), a bare
// scheme name ("uhri_theme"). nullopt when it names no facet.
std::optional<FilterFacet> filter_facet(std::string_view name,
                                        const std::vector<std::string>& schemes = {});

// A facet whose values are counted in search results.
struct CountedFacet {
    std::string key;     // key in SearchResult::facets: "body", "lang", "tag:sdg"
    std::string prefix;  // term prefix
};

// schema::kCountedFacets (mechanism, body, state, year, response, recommending, responsible,
// lang, status: the implementation status of the Moroccan records), and tag:<scheme> for each
// scheme present.
std::vector<CountedFacet> counted_facets(const std::vector<std::string>& schemes);

}  // namespace tawsiya::engine
