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

Xapian::valueno facet_slot(std::string_view prefix) {
    // FNV-1a, 32 bits: fixed by this file for every index ever written (a change is a new
    // kSchemaVersion).
    std::uint32_t hash = 2166136261u;
    for (const char c : prefix) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 16777619u;
    }
    constexpr Xapian::valueno kFirst = 0x100;  // below: the fixed slots (enum Slot)
    return kFirst + hash % 0x7fff0000u;
}

std::string facet_value(std::vector<std::string> labels) {
    std::sort(labels.begin(), labels.end());
    labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
    std::string value;
    for (const std::string& label : labels) {
        for (std::size_t n = label.size();; n >>= 7) {  // varint, 7 bits a byte, low bits first
            const auto low = static_cast<unsigned char>(n & 0x7f);
            if (n < 0x80) {
                value.push_back(static_cast<char>(low));
                break;
            }
            value.push_back(static_cast<char>(low | 0x80));
        }
        value += label;
    }
    return value;
}

std::vector<std::string> facet_value_labels(std::string_view value) {
    std::vector<std::string> labels;
    std::size_t at = 0;
    while (at < value.size()) {
        std::size_t size = 0;
        for (unsigned shift = 0; at < value.size() && shift < 35; shift += 7) {
            const auto byte = static_cast<unsigned char>(value[at++]);
            size |= static_cast<std::size_t>(byte & 0x7f) << shift;
            if (!(byte & 0x80)) break;
        }
        if (size > value.size() - at) break;  // not a value this file wrote: what was read
        labels.emplace_back(value.substr(at, size));
        at += size;
    }
    return labels;
}

std::optional<std::string> facet_label(std::string_view term, std::string_view prefix) {
    if (term.size() <= prefix.size() || term.substr(0, prefix.size()) != prefix ||
        term[prefix.size()] != ':')
        return std::nullopt;
    return std::string(term.substr(prefix.size() + 1));
}

}  // namespace tawsiya::schema
