#include "engine/facet_catalog.hpp"

#include "tawsiya/schema.hpp"

namespace tawsiya::engine {

namespace {

// Query shorthands for the tag schemes of the shared corpus.
struct TagAlias {
    std::string_view name;
    std::string_view scheme;
};
constexpr TagAlias kTagAliases[] = {
    {"sdg", "sdg"},
    {"theme", "uhri_theme"},
    {"issue", "uprinfo_issue"},
    {"action", "uprinfo_action"},
    {"persons", "affected_persons"},
    {"axis", "didh_axis"},
    {"subaxis", "didh_subaxis"},
};

}  // namespace

std::string tag_field_name(std::string_view scheme) {
    std::string name = "tag_";
    for (const char c : scheme) name.push_back(c == '-' ? '_' : c);
    return name;
}

std::vector<FacetField> query_fields(const std::vector<std::string>& schemes) {
    std::vector<FacetField> fields;
    for (const auto& facet : schema::kFixedFacets)
        fields.push_back({std::string(facet.name), std::string(facet.prefix)});
    for (const auto& alias : kTagAliases)
        fields.push_back({std::string(alias.name), schema::tag_prefix(alias.scheme)});
    for (const auto& scheme : schemes)
        fields.push_back({tag_field_name(scheme), schema::tag_prefix(scheme)});
    return fields;
}

std::optional<FilterFacet> filter_facet(std::string_view name,
                                        const std::vector<std::string>& schemes) {
    const auto tag = [](std::string_view scheme) {
        return FilterFacet{"tag:" + std::string(scheme), schema::tag_prefix(scheme)};
    };
    if (name == "language") name = schema::kLanguage.name;
    for (const auto& facet : schema::kFixedFacets)
        if (facet.name == name) return FilterFacet{std::string(name), std::string(facet.prefix)};
    for (const std::string_view marker : {"tag:", "tag."})
        if (name.substr(0, marker.size()) == marker) {
            const std::string_view scheme = name.substr(marker.size());
            if (!schema::is_tag_scheme(scheme)) return std::nullopt;
            return tag(scheme);
        }
    for (const auto& alias : kTagAliases)
        if (alias.name == name) return tag(alias.scheme);
    for (const auto& scheme : schemes)
        if (scheme == name) return tag(scheme);
    return std::nullopt;
}

std::vector<CountedFacet> counted_facets(const std::vector<std::string>& schemes) {
    std::vector<CountedFacet> facets;
    for (const auto& facet : schema::kCountedFacets)
        facets.push_back({std::string(facet.name), std::string(facet.prefix)});
    for (const auto& scheme : schemes)
        facets.push_back({"tag:" + scheme, schema::tag_prefix(scheme)});
    return facets;
}

}  // namespace tawsiya::engine
