#include "split_markers.hpp"

#include <algorithm>
#include <iterator>

#include "tawsiya/text_scan.hpp"

namespace tawsiya::split {
namespace {

// The value of the digit at `at` (ASCII, Arabic-Indic U+0660.., Persian U+06F0..) and its size
// in bytes; size 0 when there is none.
std::size_t digit_at(std::string_view s, std::size_t at, int& value) {
    if (at >= s.size()) return 0;
    if (scan::is_digit(s[at])) {
        value = s[at] - '0';
        return 1;
    }
    if (at + 1 >= s.size()) return 0;
    const auto c = static_cast<unsigned char>(s[at]), d = static_cast<unsigned char>(s[at + 1]);
    if (c == 0xD9 && d >= 0xA0 && d <= 0xA9) {
        value = d - 0xA0;
        return 2;
    }
    if (c == 0xDB && d >= 0xB0 && d <= 0xB9) {
        value = d - 0xB0;
        return 2;
    }
    return 0;
}

// A run of one to three digits at `at`: its value and end; npos when none or more than three
// (a year, "2008", is not a paragraph number).
std::size_t short_number(std::string_view s, std::size_t at, int& value) {
    value = 0;
    std::size_t end = at;
    int count = 0, digit = 0;
    for (std::size_t size; (size = digit_at(s, end, digit)) > 0; end += size) {
        value = value * 10 + digit;
        if (++count > 3) return std::string_view::npos;
    }
    return count == 0 ? std::string_view::npos : end;
}

bool is_blank(char c) {
    return c == ' ' || c == '\t';
}

std::size_t skip_blanks(std::string_view s, std::size_t at) {
    while (at < s.size() && is_blank(s[at])) ++at;
    return at;
}

// After a mark: at least one blank and the text, or the end of the line. npos otherwise.
std::size_t text_after_mark(std::string_view line, std::size_t at) {
    const std::size_t text = skip_blanks(line, at);
    if (text == line.size()) return text;
    return text > at ? text : std::string_view::npos;
}

constexpr std::string_view kEnDash = "\xE2\x80\x93";

// Roman numerals i to xx as their value minus one, or -1.
int roman_value(std::string_view s) {
    static constexpr std::string_view kRoman[] = {
        "i",  "ii",  "iii",  "iv",  "v",  "vi",  "vii",  "viii",  "ix",  "x",
        "xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx"};
    const auto it = std::find(std::begin(kRoman), std::end(kRoman), s);
    return it == std::end(kRoman) ? -1 : static_cast<int>(it - std::begin(kRoman));
}

// The abjad order UN documents letter sub-paragraphs in (أ ب ج د هـ و ز ح ط ي ك ل م ن س ع ف ص ق ر).
int abjad_value(std::string_view s) {
    static constexpr std::string_view kAbjad[] = {"أ", "ب", "ج", "د", "هـ", "و", "ز",
                                                  "ح", "ط", "ي", "ك", "ل",  "م", "ن",
                                                  "س", "ع", "ف", "ص", "ق",  "ر"};
    if (s == "ه") return 4;  // هـ without its tatweel
    const auto it = std::find(std::begin(kAbjad), std::end(kAbjad), s);
    return it == std::end(kAbjad) ? -1 : static_cast<int>(it - std::begin(kAbjad));
}

}  // namespace

std::optional<NumberMark> number_at(std::string_view line, std::size_t at) {
    NumberMark mark;
    std::size_t end = short_number(line, at, mark.first);
    if (end == std::string_view::npos) return std::nullopt;
    // "129.51" or "129.51.": an item under paragraph 129.
    if (end + 1 < line.size() && line[end] == '.') {
        int second = 0;
        const std::size_t second_end = short_number(line, end + 1, second);
        if (second_end != std::string_view::npos) {
            mark.second = second;
            end = second_end < line.size() && line[second_end] == '.' ? second_end + 1 : second_end;
            const std::size_t text = text_after_mark(line, end);
            if (text == std::string_view::npos) return std::nullopt;
            mark.text = text;
            return mark;
        }
    }
    // "12.", "12)", "12-", "12 -", "12 –": a separator, then blanks and the text, or nothing.
    std::size_t separator = skip_blanks(line, end);
    if (separator < line.size() && (line[separator] == '.' || line[separator] == ')') &&
        separator == end)
        ++separator;
    else if (separator < line.size() && line[separator] == '-')
        ++separator;
    else if (line.substr(separator, kEnDash.size()) == kEnDash)
        separator += kEnDash.size();
    else
        return std::nullopt;
    const std::size_t text = text_after_mark(line, separator);
    if (text == std::string_view::npos) return std::nullopt;
    mark.text = text;
    return mark;
}

std::optional<LetterMark> letter_at(std::string_view line, std::size_t at) {
    const bool open = at < line.size() && line[at] == '(';
    const std::size_t start = open ? at + 1 : at;
    const std::size_t close = line.find(')', start);
    if (close == std::string_view::npos || close == start || close - start > 8) return std::nullopt;
    const std::string_view label = line.substr(start, close - start);
    LetterMark mark;
    mark.label = std::string(label);
    if (std::all_of(label.begin(), label.end(), scan::is_lower)) {
        mark.roman = roman_value(label);
        if (label.size() == 1)
            mark.ordinal = label[0] - 'a';
        else if (label.size() == 2 && label[0] == label[1])
            mark.ordinal = 26 + (label[0] - 'a');  // "aa", "bb" after "z"
        if (mark.ordinal < 0 && mark.roman < 0) return std::nullopt;
    } else if (const int abjad = abjad_value(label); abjad >= 0) {
        mark.script = LetterMark::Script::abjad;
        mark.ordinal = abjad;
    } else {
        return std::nullopt;
    }
    const std::size_t text = text_after_mark(line, close + 1);
    if (text == std::string_view::npos) return std::nullopt;
    mark.text = text;
    return mark;
}

std::string_view trim(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\f\v");
    if (first == std::string_view::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\f\v") - first + 1);
}

bool is_page_furniture(std::string_view line) {
    if (line.find('\f') != std::string_view::npos &&
        line.find_first_not_of(" \t\f") == std::string_view::npos)
        return true;
    const std::size_t first = scan::skip_spaces(line);
    std::size_t last = line.size();
    while (last > first && scan::is_space(line[last - 1])) --last;
    std::string_view t = line.substr(first, last - first);
    if (t.empty()) return false;
    const auto digits_to_end = [](std::string_view s, std::size_t from) {
        return from < s.size() && scan::skip_digits(s, from) == s.size();
    };
    // "GE.12-14567", "GE.08-13456 (E) 020608"
    if (t.substr(0, 3) == "GE." && scan::skip_digits(t, 3) == 5 && t.size() > 6 && t[5] == '-' &&
        scan::is_digit(t[6]))
        return true;
    if (t.size() <= 3 && digits_to_end(t, 0)) return true;  // "12"
    if (scan::equals_at_icase(t, 0, "page ") && digits_to_end(t, 5)) return true;
    // "- 12 -"
    std::size_t at = 0;
    while (at < t.size() && (t[at] == '-' || t[at] == ' ')) ++at;
    const std::size_t after = scan::skip_digits(t, at);
    if (at > 0 && after > at && t.find_first_not_of("- ", after) == std::string_view::npos)
        return true;
    // A symbol alone, or with its page: "A/HRC/8/47", "A/HRC/8/47 page 12", "CAT/C/MAR/CO/4".
    const std::size_t space = t.find(' ');
    const std::string_view symbol = t.substr(0, space);
    if (symbol.size() >= 5 && scan::is_upper(symbol[0]) &&
        std::count(symbol.begin(), symbol.end(), '/') >= 2 &&
        std::all_of(symbol.begin(), symbol.end(), [](char c) {
            return scan::is_upper(c) || scan::is_digit(c) || c == '/' || c == '.' || c == '_' ||
                   c == 'd';
        })) {
        if (space == std::string_view::npos) return true;
        const std::string_view rest = t.substr(space + 1);
        return scan::equals_at_icase(rest, 0, "page ") && digits_to_end(rest, 5);
    }
    return false;
}

}  // namespace tawsiya::split
