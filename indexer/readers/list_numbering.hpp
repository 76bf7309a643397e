// List numbers as a word processor shows them (private to indexer/readers): Word's numFmt and
// ODF's num-format values turned into "12", "b", "iv", "ب".
#pragma once

#include <string>
#include <string_view>

namespace tawsiya::readers {

enum class NumberFormat {
    decimal,
    decimal_zero,  // 01, 02
    lower_letter,  // a, b, ..., z, aa
    upper_letter,
    lower_roman,
    upper_roman,
    arabic_alpha,  // أ ب ت ث ...
    arabic_abjad,  // أ ب ج د ... (the order of UN Arabic sub-paragraphs)
    arabic_indic,  // ١ ٢ ٣
    bullet,
    none,
};

// Word's w:numFmt w:val ("decimal", "lowerLetter", ...); unknown ones count in decimal.
NumberFormat word_number_format(std::string_view value);

// ODF's style:num-format ("1", "a", "I", "أ, ب, ت, ..."); "" is none.
NumberFormat odf_number_format(std::string_view value);

// `n` (1-based) in `format`; "" for bullet and none.
std::string format_number(int n, NumberFormat format);

}  // namespace tawsiya::readers
