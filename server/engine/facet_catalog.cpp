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

std::optional<std::string> filter_prefix(std::string_view name) {
    if (name == "language") return std::string(schema::kLanguage.prefix);
    for (const auto& facet : schema::kFixedFacets)
        if (facet.name == name) return std::string(facet.prefix);
    for (const std::string_view tag : {"tag:", "tag."})
        if (name.size() > tag.size() && name.substr(0, tag.size()) == tag)
            return schema::tag_prefix(name.substr(tag.size()));
    for (const auto& alias : kTagAliases)
        if (alias.name == name) return schema::tag_prefix(alias.scheme);
    return std::nullopt;
}

std::vector<CountedFacet> counted_facets(const std::vector<std::string>& schemes) {
    std::vector<CountedFacet> facets;
    for (const auto& facet :
         {schema::kMechanism, schema::kBody, schema::kState, schema::kYear, schema::kResponse,
          schema::kRecommending, schema::kResponsible, schema::kLanguage, schema::kStatus})
        facets.push_back({std::string(facet.name), std::string(facet.prefix)});
    for (const auto& scheme : schemes)
        facets.push_back({"tag:" + scheme, schema::tag_prefix(scheme)});
    return facets;
}

}  // namespace tawsiya::engine
