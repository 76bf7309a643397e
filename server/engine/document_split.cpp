#include "tawsiya/document_split.hpp"

#include <algorithm>
#include <iterator>
#include <optional>
#include <string_view>
#include <utility>

#include "tawsiya/text_scan.hpp"

#include "tawsiya/document_symbol.hpp"

namespace tawsiya {
namespace {

// Arabic-Indic and Persian digits as ASCII, so "١٢." numbers a paragraph like "12.".
std::string ascii_digits(std::string_view line) {
    std::string out;
    for (std::size_t i = 0; i < line.size();) {
        const auto c = static_cast<unsigned char>(line[i]);
        if ((c == 0xD9 || c == 0xDB) && i + 1 < line.size()) {
            const auto d = static_cast<unsigned char>(line[i + 1]);
            if (c == 0xD9 && d >= 0xA0 && d <= 0xA9) {  // U+0660..U+0669
                out += static_cast<char>('0' + (d - 0xA0));
                i += 2;
                continue;
            }
            if (c == 0xDB && d >= 0xB0 && d <= 0xB9) {  // U+06F0..U+06F9
                out += static_cast<char>('0' + (d - 0xB0));
                i += 2;
                continue;
            }
        }
        out += line[i++];
    }
    return out;
}

struct Block {
    std::string number, sub;  // "12", "a"
    std::string text;
    std::size_t line = 0;
};

bool blank(std::string_view s) {
    return s.find_first_not_of(" \t\r\f") == std::string_view::npos;
}

std::string trim(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\f");
    if (first == std::string_view::npos) return {};
    return std::string(s.substr(first, s.find_last_not_of(" \t\r\f") - first + 1));
}

// The en dash some documents number with ("12 – "), as UTF-8.
constexpr std::string_view kEnDash = "\xE2\x80\x93";

// Where the text of a line numbered "12.", "129.4", "١٥- " or "١٥ - " starts, and the number;
// nullopt for any other line. `ascii` has its Arabic-Indic digits as ASCII.
struct Numbered {
    std::string number;
    std::size_t text = 0;  // position of the text in `ascii`
};
std::optional<Numbered> numbered_line(std::string_view ascii) {
    const auto number_end = [&](std::size_t at) {  // a run of 1 to 3 digits, or npos
        const std::size_t end = scan::skip_digits(ascii, at);
        return end > at && end - at <= 3 ? end : std::string_view::npos;
    };
    const std::size_t start = scan::skip_spaces(ascii);
    std::size_t end = number_end(start);
    if (end == std::string_view::npos) return std::nullopt;
    if (end + 1 < ascii.size() && ascii[end] == '.' && scan::is_digit(ascii[end + 1])) {
        end = number_end(end + 1);  // "129.4"
        if (end == std::string_view::npos) return std::nullopt;
    }
    const auto blanks_end = [&](std::size_t at) {
        while (at < ascii.size() && (ascii[at] == ' ' || ascii[at] == '\t')) ++at;
        return at;
    };
    const auto text_at = [&](std::size_t at) {
        return at < ascii.size() && !scan::is_space(ascii[at]);
    };
    const std::size_t gap = blanks_end(end);
    // A separator after the number, then at least one blank...
    std::size_t separator = 0;
    if (gap < ascii.size() && (ascii[gap] == '.' || ascii[gap] == '-')) separator = 1;
    if (ascii.substr(gap, kEnDash.size()) == kEnDash) separator = kEnDash.size();
    if (separator > 0) {
        const std::size_t text = blanks_end(gap + separator);
        if (text > gap + separator && text_at(text))
            return Numbered{std::string(ascii.substr(start, end - start)), text};
    }
    // ... or just blanks.
    if (gap > end && text_at(gap))
        return Numbered{std::string(ascii.substr(start, end - start)), gap};
    return std::nullopt;
}

// The letter of a sub-paragraph "(a) text", "(iv) text", "(ب) text" and where its text starts;
// Latin letters, roman numerals, or the Arabic abjad letters UN documents number with.
std::optional<std::pair<std::string, std::size_t>> lettered_line(std::string_view line) {
    const std::size_t open = scan::skip_spaces(line);
    if (open >= line.size() || line[open] != '(') return std::nullopt;
    const std::size_t close = line.find(')', open + 1);
    if (close == std::string_view::npos) return std::nullopt;
    const std::string_view letter = line.substr(open + 1, close - open - 1);
    const bool latin = !letter.empty() && letter.size() <= 2 &&
                       std::all_of(letter.begin(), letter.end(), scan::is_lower);
    const bool roman = !letter.empty() && letter.size() <= 4 &&
                       letter.find_first_not_of("ivx") == std::string_view::npos;
    static constexpr std::string_view kAbjad[] = {"أ", "ب", "ج", "د", "هـ", "ه", "و", "ز",
                                                  "ح", "ط", "ي", "ك", "ل",  "م", "ن"};
    const bool abjad = std::find(std::begin(kAbjad), std::end(kAbjad), letter) != std::end(kAbjad);
    if (!latin && !roman && !abjad) return std::nullopt;
    std::size_t text = close + 1;
    while (text < line.size() && (line[text] == ' ' || line[text] == '\t')) ++text;
    if (text == close + 1 || text >= line.size() || scan::is_space(line[text])) return std::nullopt;
    return std::pair{std::string(letter), text};
}

// Blocks: numbered paragraphs, lettered sub-paragraphs, or runs of lines between blank lines.
std::vector<Block> read_blocks(std::string_view document) {
    std::vector<Block> blocks;
    bool open = false;
    std::size_t line_number = 0;
    for (std::size_t start = 0; start <= document.size();) {
        // LF, CRLF or a lone CR (old Mac exports) ends a line.
        const std::size_t end = std::min(document.find_first_of("\r\n", start), document.size());
        const std::string_view raw = document.substr(start, end - start);
        start = end + (document.compare(end, 2, "\r\n") == 0 ? 2 : 1);
        ++line_number;
        if (blank(raw)) {
            open = false;
            continue;
        }
        const std::string line = trim(raw);
        const std::string ascii = ascii_digits(line);
        if (const auto n = numbered_line(ascii)) {
            // Keep the original text after the number (the digits may have been Arabic).
            const std::size_t cut = line.size() - (ascii.size() - n->text);
            blocks.push_back({n->number, "", line.substr(cut), line_number});
            open = true;
        } else if (const auto l = lettered_line(line)) {
            blocks.push_back({blocks.empty() ? "" : blocks.back().number, l->first,
                              line.substr(l->second), line_number});
            open = true;
        } else if (open) {
            blocks.back().text += " " + line;
        } else {
            blocks.push_back({"", "", line, line_number});
            open = true;
        }
    }
    return blocks;
}

bool recommends(const std::string& text) {
    static constexpr std::string_view kArabic[] = {"توصي", "يوصي", "تحث",  "يحث",   "تدعو",
                                                   "يدعو", "تشجع", "تطلب", "ينبغي", "يجب"};
    for (const auto verb : kArabic)
        if (text.find(verb) != std::string::npos) return true;
    return scan::contains_word(
        text, {"recommend", "recommends",      "urge",      "urges",      "call on",    "calls on",
               "call upon", "calls upon",      "encourage", "encourages", "request",    "requests",
               "invite",    "invites",         "should",    "must",       "recommande", "exhorte",
               "engage",    "prie instamment", "demande",   "devrait",    "devraient",  "doit"},
        true);
}

// A UPR item starts with a verb in the imperative or infinitive ("Ratify", "Ratifier",
// "التصديق"): any sub-numbered item ("129.4") under the conclusions is one.
bool is_upr_item(const Block& block) {
    return block.number.find('.') != std::string::npos;
}

bool is_heading(const std::string& text) {
    // Short lines without a final stop: "C. Principal subjects of concern", "Torture".
    return text.size() < 90 && text.find_first_of(".;:؛") == std::string::npos;
}

}  // namespace

std::vector<DocumentParagraph> split_recommendations(std::string_view document,
                                                     const Analyzer& analyzer,
                                                     std::optional<Lang> lang) {
    const Lang language = lang ? *lang : analyzer.detect_language(document.substr(0, 20000));
    const std::vector<Block> blocks = read_blocks(document);
    std::vector<DocumentParagraph> out;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const Block& block = blocks[i];
        if (!block.sub.empty()) continue;  // taken with their chapeau below
        // Sub-paragraphs right after this block belong to it.
        std::size_t j = i + 1;
        while (j < blocks.size() && !blocks[j].sub.empty()) ++j;
        const bool has_subs = j > i + 1;
        if (has_subs) {
            const bool chapeau_recommends = recommends(block.text);
            for (std::size_t k = i + 1; k < j; ++k) {
                if (!chapeau_recommends && !recommends(blocks[k].text)) continue;
                out.push_back({block.number + "(" + blocks[k].sub + ")", blocks[k].text, block.text,
                               blocks[k].line, language});
            }
            i = j - 1;
            continue;
        }
        if (is_heading(block.text)) continue;
        if (is_upr_item(block) || recommends(block.text))
            out.push_back({block.number, block.text, "", block.line, language});
    }
    return out;
}

std::optional<std::string> document_symbol(std::string_view document) {
    // A page header: the symbol, the distribution, the date and the title's first lines.
    constexpr std::size_t kOpening = 600;
    std::size_t end = std::min(document.size(), kOpening);
    while (end < document.size() && (static_cast<unsigned char>(document[end]) & 0xC0) == 0x80)
        ++end;  // not inside a UTF-8 character
    return find_document_symbol(document.substr(0, end));
}

}  // namespace tawsiya
