#include "list_numbering.hpp"

#include <array>

namespace tawsiya::readers {

NumberFormat word_number_format(std::string_view value) {
    if (value == "decimalZero") return NumberFormat::decimal_zero;
    if (value == "lowerLetter") return NumberFormat::lower_letter;
    if (value == "upperLetter") return NumberFormat::upper_letter;
    if (value == "lowerRoman") return NumberFormat::lower_roman;
    if (value == "upperRoman") return NumberFormat::upper_roman;
    if (value == "arabicAlpha") return NumberFormat::arabic_alpha;
    if (value == "arabicAbjad") return NumberFormat::arabic_abjad;
    if (value == "hindiNumbers" || value == "arabicIndic") return NumberFormat::arabic_indic;
    if (value == "bullet") return NumberFormat::bullet;
    if (value == "none") return NumberFormat::none;
    return NumberFormat::decimal;
}

NumberFormat odf_number_format(std::string_view value) {
    if (value.empty()) return NumberFormat::none;
    if (value == "1") return NumberFormat::decimal;
    if (value == "a") return NumberFormat::lower_letter;
    if (value == "A") return NumberFormat::upper_letter;
    if (value == "i") return NumberFormat::lower_roman;
    if (value == "I") return NumberFormat::upper_roman;
    if (value.rfind("أ, ب, ت", 0) == 0) return NumberFormat::arabic_alpha;
    if (value.rfind("أ, ب, ج", 0) == 0) return NumberFormat::arabic_abjad;
    if (value.rfind("١", 0) == 0) return NumberFormat::arabic_indic;
    return NumberFormat::decimal;
}

namespace {

constexpr std::array<const char*, 28> kAlpha = {"أ", "ب", "ت", "ث", "ج", "ح", "خ", "د", "ذ", "ر",
                                                "ز", "س", "ش", "ص", "ض", "ط", "ظ", "ع", "غ", "ف",
                                                "ق", "ك", "ل", "م", "ن", "ه", "و", "ي"};
constexpr std::array<const char*, 28> kAbjad = {"أ", "ب", "ج", "د", "ه", "و", "ز", "ح", "ط", "ي",
                                                "ك", "ل", "م", "ن", "س", "ع", "ف", "ص", "ق", "ر",
                                                "ش", "ت", "ث", "خ", "ذ", "ض", "ظ", "غ"};

std::string roman(int n, bool upper) {
    static constexpr std::array<std::pair<int, const char*>, 13> kParts = {{{1000, "m"},
                                                                            {900, "cm"},
                                                                            {500, "d"},
                                                                            {400, "cd"},
                                                                            {100, "c"},
                                                                            {90, "xc"},
                                                                            {50, "l"},
                                                                            {40, "xl"},
                                                                            {10, "x"},
                                                                            {9, "ix"},
                                                                            {5, "v"},
                                                                            {4, "iv"},
                                                                            {1, "i"}}};
    if (n > 3999) return std::to_string(n);
    std::string out;
    for (const auto& [value, letters] : kParts)
        for (; n >= value; n -= value) out += letters;
    if (upper)
        for (char& c : out) c = static_cast<char>(c - 'a' + 'A');
    return out;
}

// Word's letters: a..z, then aa..zz, aaa... (the letter repeated, not base 26).
std::string letters(int n, char first) {
    const int repeat = (n - 1) / 26 + 1;
    if (repeat > 10) return std::to_string(n);
    return std::string(static_cast<std::size_t>(repeat), static_cast<char>(first + (n - 1) % 26));
}

std::string arabic_letters(int n, const std::array<const char*, 28>& alphabet) {
    if (n > 28) return std::to_string(n);
    return alphabet[static_cast<std::size_t>(n - 1)];
}

}  // namespace

std::string format_number(int n, NumberFormat format) {
    if (n < 1 && format != NumberFormat::decimal && format != NumberFormat::decimal_zero &&
        format != NumberFormat::bullet && format != NumberFormat::none)
        return std::to_string(n);
    switch (format) {
        case NumberFormat::decimal:
            return std::to_string(n);
        case NumberFormat::decimal_zero: {
            // Not ("0" or "") + to_string: GCC 12 warns of an overlapping memcpy there (a false
            // -Wrestrict, which -Werror makes an error).
            std::string padded = std::to_string(n);
            if (n >= 0 && n < 10) padded.insert(padded.begin(), '0');
            return padded;
        }
        case NumberFormat::lower_letter:
            return letters(n, 'a');
        case NumberFormat::upper_letter:
            return letters(n, 'A');
        case NumberFormat::lower_roman:
            return roman(n, false);
        case NumberFormat::upper_roman:
            return roman(n, true);
        case NumberFormat::arabic_alpha:
            return arabic_letters(n, kAlpha);
        case NumberFormat::arabic_abjad:
            return arabic_letters(n, kAbjad);
        case NumberFormat::arabic_indic: {
            std::string out;
            for (char digit : std::to_string(n)) {
                // U+0660..U+0669: D9 A0..D9 A9
                out += '\xD9';
                out += static_cast<char>(0xA0 + (digit - '0'));
            }
            return out;
        }
        case NumberFormat::bullet:
        case NumberFormat::none:
            return {};
    }
    return std::to_string(n);
}

}  // namespace tawsiya::readers
