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

namespace {

void put_varint(std::string& out, std::size_t n) {  // 7 bits a byte, low bits first
    for (; n >= 0x80; n >>= 7) out.push_back(static_cast<char>((n & 0x7f) | 0x80));
    out.push_back(static_cast<char>(n));
}

void put_string(std::string& out, std::string_view s) {
    put_varint(out, s.size());
    out.append(s);
}

}  // namespace

namespace detail {

// Reads what put_varint / put_string wrote at `at`; false at the end or on bytes it did not write.
bool get_varint(std::string_view in, std::size_t& at, std::size_t& n) {
    n = 0;
    for (unsigned shift = 0; at < in.size() && shift < 35; shift += 7) {
        const auto byte = static_cast<unsigned char>(in[at++]);
        n |= static_cast<std::size_t>(byte & 0x7f) << shift;
        if (!(byte & 0x80)) return true;
    }
    return false;
}

bool get_string(std::string_view in, std::size_t& at, std::string_view& s) {
    std::size_t size = 0;
    if (!get_varint(in, at, size) || size > in.size() - at) return false;
    s = in.substr(at, size);
    at += size;
    return true;
}

}  // namespace detail

std::string facet_value(FacetLabelsByPrefix labels) {
    std::string value;
    for (auto& [prefix, of_prefix] : labels) {
        std::sort(of_prefix.begin(), of_prefix.end());
        of_prefix.erase(std::unique(of_prefix.begin(), of_prefix.end()), of_prefix.end());
        put_string(value, prefix);
        put_varint(value, of_prefix.size());
        for (const std::string& label : of_prefix) put_string(value, label);
    }
    return value;
}

std::vector<std::pair<std::string, std::string>> facet_value_labels(std::string_view value) {
    std::vector<std::pair<std::string, std::string>> labels;
    for_each_facet_label(value, [&](std::string_view prefix, std::string_view label) {
        labels.emplace_back(prefix, label);
    });
    return labels;
}

std::optional<std::string> facet_label(std::string_view term, std::string_view prefix) {
    if (term.size() <= prefix.size() || term.substr(0, prefix.size()) != prefix ||
        term[prefix.size()] != ':')
        return std::nullopt;
    return std::string(term.substr(prefix.size() + 1));
}

}  // namespace tawsiya::schema
