#include "tawsiya/recommendation_text.hpp"

#include <cctype>

namespace tawsiya {

namespace {

bool is_space_or_punct_tail(unsigned char c) {
    return std::isspace(c) || c == ';' || c == '.' || c == ',' || c == ':';
}

// Arabic semicolon "؛" (U+061B) and comma "،" (U+060C), 2 bytes each in UTF-8.
bool ends_with_arabic_punct(std::string_view s) {
    return s.size() >= 2 && static_cast<unsigned char>(s[s.size() - 2]) == 0xD8 &&
           (static_cast<unsigned char>(s.back()) == 0x9B ||
            static_cast<unsigned char>(s.back()) == 0x8C);
}

std::string_view trim_tail(std::string_view s) {
    for (;;) {
        if (!s.empty() && is_space_or_punct_tail(static_cast<unsigned char>(s.back())))
            s.remove_suffix(1);
        else if (ends_with_arabic_punct(s))
            s.remove_suffix(2);
        else
            return s;
    }
}

// An acronym such as "CRPD" or "OP-CAT": upper-case ASCII letters, digits and dashes only.
bool is_acronym(std::string_view inner) {
    if (inner.empty() || inner.size() > 12) return false;
    for (unsigned char c : inner)
        if (!(std::isupper(c) || std::isdigit(c) || c == '-')) return false;
    return true;
}

// Leading "129.1", "12.", "3 (a)", "(b)": digits and dots, then optional "(x)", then space.
std::string_view strip_leading_number(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    const std::size_t start = i;
    while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.')) ++i;
    const bool had_number = i > start;
    std::size_t j = i;
    while (j < s.size() && s[j] == ' ') ++j;
    if (j + 2 < s.size() && s[j] == '(' && std::islower(static_cast<unsigned char>(s[j + 1])) &&
        s[j + 2] == ')') {
        i = j + 3;
    } else if (!had_number) {
        return s;
    }
    if (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i])))
        return s;  // "2030 Agenda"?
    // A bare year or count is content ("2030 Agenda"); a paragraph number has a dot or (x).
    const std::string_view number = s.substr(start, i - start);
    if (number.find('.') == std::string_view::npos && number.find('(') == std::string_view::npos)
        return s;
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    return s.substr(i);
}

}  // namespace

std::string strip_recommendation_noise(std::string_view text) {
    std::string_view s = strip_leading_number(text);
    for (;;) {
        const std::string_view trimmed = trim_tail(s);
        if (trimmed.empty() || trimmed.back() != ')') {
            s = trimmed;
            break;
        }
        const std::size_t open = trimmed.rfind('(');
        if (open == std::string_view::npos) break;
        const std::string_view inner = trimmed.substr(open + 1, trimmed.size() - open - 2);
        if (is_acronym(inner) || inner.find('(') != std::string_view::npos) {
            s = trimmed;
            break;
        }
        s = trimmed.substr(0, open);
    }
    return std::string(trim_tail(s));
}

}  // namespace tawsiya
