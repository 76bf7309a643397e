// The marks that number the parts of a UN document, read at one position of a line (private to
// indexer/split): paragraph numbers ("12.", "١٢-", "12 –"), items ("129.51", "129.51."),
// sub-paragraph letters ("(a)", "a)", "(iv)", "(أ)"), and the page furniture of PDF extractions.
// Whether a mark really numbers a part is decided by the sequence (document_split.cpp).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace tawsiya::split {

// "12." or "129.51": first = 12 or 129, second = -1 or 51. `text` is where the text after it
// starts (the line's size when the number stands alone on its line).
struct NumberMark {
    int first = 0;
    int second = -1;
    std::size_t text = 0;
};
std::optional<NumberMark> number_at(std::string_view line, std::size_t at);

// A sub-paragraph's letter. `ordinal` is its rank among Latin letters ("a" 0, "b" 1, "aa" 26) or
// Arabic abjad letters ("أ" 0, "ب" 1); `roman` is its value minus one when it also reads as a
// roman numeral ("i" 0, "iv" 3), else -1.
struct LetterMark {
    enum class Script { latin, abjad } script = Script::latin;
    int ordinal = -1;
    int roman = -1;
    std::string label;  // "a", "iv", "أ"
    std::size_t text = 0;
};
std::optional<LetterMark> letter_at(std::string_view line, std::size_t at);

// `s` without the blanks (spaces, tabs, form feeds) at either end.
std::string_view trim(std::string_view s);

// A line that is page furniture, not text: "GE.12-14567", a page number ("12", "Page 12",
// "- 12 -"), the document's symbol repeated in a page header ("A/HRC/22/10 page 3"), a form feed.
bool is_page_furniture(std::string_view line);

}  // namespace tawsiya::split
