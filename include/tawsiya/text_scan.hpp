// Small scanning steps for recognising patterns in input text (numbered lines, headings, verbs).
// They replace std::regex, whose libstdc++ matcher recurses once per character and overflows the
// stack on a line of a few tens of kilobytes: these loops use no stack and run in linear time.
// Character classes are those of the C locale, as std::regex used them: ASCII only.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>

namespace tawsiya::scan {

// \s: space, tab, newline, vertical tab, form feed, carriage return.
inline bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}
inline bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
inline bool is_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
inline bool is_lower(char c) {
    return c >= 'a' && c <= 'z';
}
inline bool is_alpha(char c) {
    return is_upper(c) || is_lower(c);
}
// \w: the characters of a word for \b.
inline bool is_word(char c) {
    return is_alpha(c) || is_digit(c) || c == '_';
}
inline char lower(char c) {
    return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}

// The position of the first character at or after `from` that is not \s.
inline std::size_t skip_spaces(std::string_view s, std::size_t from = 0) {
    while (from < s.size() && is_space(s[from])) ++from;
    return from;
}

// `s` without the \s at either end: the one trim of the project.
inline std::string_view trim(std::string_view s) {
    const std::size_t first = skip_spaces(s);
    std::size_t last = s.size();
    while (last > first && is_space(s[last - 1])) --last;
    return s.substr(first, last - first);
}

// True when `s` holds nothing but \s (or nothing).
inline bool is_blank(std::string_view s) {
    return skip_spaces(s) == s.size();
}

// The position after the run of digits starting at `from` (`from` itself when there is none).
inline std::size_t skip_digits(std::string_view s, std::size_t from) {
    while (from < s.size() && is_digit(s[from])) ++from;
    return from;
}

// True when `s` holds `word` at `at`, ASCII letters compared without case.
inline bool equals_at_icase(std::string_view s, std::size_t at, std::string_view word) {
    if (at > s.size() || s.size() - at < word.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i)
        if (lower(s[at + i]) != lower(word[i])) return false;
    return true;
}

// True when `a` and `b` are the same, ASCII letters compared without case.
inline bool equals_icase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && equals_at_icase(a, 0, b);
}

// `s` with its ASCII letters in lower case (other bytes, UTF-8 included, unchanged): the one
// ASCII lowering of the project (std::tolower would follow the locale).
inline std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = lower(c);
    return out;
}

// True when `s` contains `word`, ASCII letters compared without case.
inline bool contains_icase(std::string_view s, std::string_view word) {
    if (word.empty()) return true;
    for (std::size_t at = 0; at + word.size() <= s.size(); ++at)
        if (lower(s[at]) == lower(word[0]) && equals_at_icase(s, at, word)) return true;
    return false;
}

inline bool contains_any_icase(std::string_view s, std::initializer_list<std::string_view> words) {
    for (const auto word : words)
        if (contains_icase(s, word)) return true;
    return false;
}

// True when `s` holds `word` at `at` as a whole word (\bword\b): no word character on either side.
inline bool word_at(std::string_view s, std::size_t at, std::string_view word, bool icase) {
    if (at > s.size() || s.size() - at < word.size()) return false;
    if (icase ? !equals_at_icase(s, at, word) : s.substr(at, word.size()) != word) return false;
    const std::size_t end = at + word.size();
    return (at == 0 || !is_word(s[at - 1])) && (end == s.size() || !is_word(s[end]));
}

// True when one of `words` (each starting and ending with a word character) stands in `s` as a
// whole word.
inline bool contains_word(std::string_view s, std::initializer_list<std::string_view> words,
                          bool icase) {
    for (std::size_t at = 0; at < s.size(); ++at) {
        if (!is_word(s[at]) || (at > 0 && is_word(s[at - 1]))) continue;  // not a word's start
        for (const auto word : words)
            if (word_at(s, at, word, icase)) return true;
    }
    return false;
}

}  // namespace tawsiya::scan
