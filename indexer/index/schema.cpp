#include "tawsiya/schema.hpp"

#include <algorithm>
#include <cstdint>

#include "tawsiya/state_names.hpp"

namespace tawsiya::schema {

namespace {

// Cuts `s` to at most `max` bytes without splitting a UTF-8 sequence.
std::string_view cut_utf8(std::string_view s, std::size_t max) {
    if (s.size() <= max) return s;
    std::size_t end = max;
    while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
    return s.substr(0, end);
}

}  // namespace

std::string facet_label_of(std::string_view prefix, std::string_view label) {
    if (prefix == kState.prefix || prefix == kRecommending.prefix)
        if (auto canonical = canonical_state(label)) return std::move(*canonical);
    return std::string(label);
}

std::string facet_term(std::string_view prefix, std::string_view raw_label) {
    const std::string label = facet_label_of(prefix, raw_label);
    std::string term;
    term.reserve(prefix.size() + 1 + label.size());
    term.append(prefix).push_back(':');
    const std::size_t room = kMaxTermBytes > term.size() ? kMaxTermBytes - term.size() : 0;
    term.append(cut_utf8(label, room));
    return term;
}

std::string facet_term(const Facet& facet, std::string_view label) {
    return facet_term(facet.prefix, label);
}

bool is_tag_scheme(std::string_view scheme) {
    return !scheme.empty() && scheme.size() <= kMaxSchemeBytes &&
           scheme.find_first_of(": \t\r\n") == std::string_view::npos;
}

std::string tag_prefix(std::string_view scheme) {
    std::string prefix(kTagPrefix);
    prefix.append(scheme);
    return prefix;
}

std::string tag_term(std::string_view scheme, std::string_view label) {
    return facet_term(tag_prefix(scheme), label);
}

std::string id_term(std::string_view id) {
    std::string term(kIdPrefix);
    term.append(cut_utf8(id, kMaxTermBytes));
    return term;
}

bool is_counted_facet(std::string_view prefix) {
    for (const Facet& facet : kCountedFacets)
        if (facet.prefix == prefix) return true;
    return prefix.size() > kTagPrefix.size() && prefix.substr(0, kTagPrefix.size()) == kTagPrefix;
}

FacetId facet_id(std::string_view term) {
    FacetId hash = 2166136261u;  // FNV-1a: fixed for good, every shard and client computes it
    for (const char c : term) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 16777619u;
    }
    return hash;
}

std::string facet_value(std::vector<std::string_view> terms) {
    std::vector<FacetId> ids;
    ids.reserve(terms.size());
    for (const std::string_view term : terms) ids.push_back(facet_id(term));
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    std::string value;
    value.reserve(4 * ids.size());
    for (const FacetId id : ids)
        for (int shift = 24; shift >= 0; shift -= 8)
            value.push_back(static_cast<char>(id >> shift));
    return value;
}

namespace {
constexpr char kEndOfItem = '\x1f', kEndOfVersion = '\x1e';
}

std::string request_stems_value(const VersionStems& versions) {
    std::string value;
    for (const auto& [lang, stems] : versions) {
        value += lang_code(lang);
        value += kEndOfItem;
        for (const std::string& stem : stems) {
            if (stem.find_first_of("\x1e\x1f") != std::string::npos) continue;
            value += stem;
            value += kEndOfItem;
        }
        value += kEndOfVersion;
    }
    return value;
}

std::optional<VersionStems> parse_request_stems(std::string_view value) {
    if (value.empty() || value.back() != kEndOfVersion) return std::nullopt;
    VersionStems versions;
    while (!value.empty()) {
        const std::size_t end = value.find(kEndOfVersion);
        std::string_view version = value.substr(0, end);
        value.remove_prefix(end + 1);
        const std::size_t code_end = version.find(kEndOfItem);
        if (code_end == std::string_view::npos) return std::nullopt;
        const std::optional<Lang> lang = parse_lang(version.substr(0, code_end));
        if (!lang) return std::nullopt;
        version.remove_prefix(code_end + 1);
        auto& [version_lang, stems] = versions.emplace_back(*lang, std::vector<std::string>{});
        while (!version.empty()) {
            const std::size_t item_end = version.find(kEndOfItem);
            if (item_end == std::string_view::npos) return std::nullopt;
            stems.emplace_back(version.substr(0, item_end));
            version.remove_prefix(item_end + 1);
        }
    }
    return versions;
}

std::optional<std::string> facet_label(std::string_view term, std::string_view prefix) {
    if (term.size() <= prefix.size() || term.substr(0, prefix.size()) != prefix ||
        term[prefix.size()] != ':')
        return std::nullopt;
    return std::string(term.substr(prefix.size() + 1));
}

}  // namespace tawsiya::schema
