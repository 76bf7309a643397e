#include "tawsiya/document_split.hpp"

#include <regex>

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

// Blocks: numbered paragraphs, lettered sub-paragraphs, or runs of lines between blank lines.
std::vector<Block> read_blocks(std::string_view document) {
    // "12.", "129.4", and Arabic documents' "١٥- " or "١٥ - ".
    static const std::regex numbered(
        R"(^\s*(\d{1,3}(?:\.\d{1,3})?)[ \t]*(?:\.|-|–)?[ \t]+(\S.*)$)");
    // Latin letters, roman numerals, or the Arabic abjad letters UN documents number with.
    static const std::regex lettered(
        R"(^\s*\(([a-z]{1,2}|[ivx]{1,4}|أ|ب|ج|د|هـ|ه|و|ز|ح|ط|ي|ك|ل|م|ن)\)[ \t]+(\S.*)$)");
    std::vector<Block> blocks;
    bool open = false;
    std::size_t line_number = 0;
    for (std::size_t start = 0; start <= document.size();) {
        const std::size_t end = std::min(document.find('\n', start), document.size());
        const std::string_view raw = document.substr(start, end - start);
        start = end + 1;
        ++line_number;
        if (blank(raw)) {
            open = false;
            continue;
        }
        const std::string line = trim(raw);
        const std::string ascii = ascii_digits(line);
        std::smatch m;
        if (std::regex_match(ascii, m, numbered)) {
            // Keep the original text after the number (the digits may have been Arabic).
            const std::size_t cut =
                line.size() - (ascii.size() - static_cast<std::size_t>(m.position(2)));
            blocks.push_back({m[1].str(), "", line.substr(cut), line_number});
            open = true;
        } else if (std::regex_match(line, m, lettered)) {
            blocks.push_back(
                {blocks.empty() ? "" : blocks.back().number, m[1].str(), m[2].str(), line_number});
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
    static const std::regex verbs(
        R"(\b(recommends?|urges?|calls? (up)?on|encourages?|requests?|invites?|should|must|recommande|exhorte|engage|invite|prie instamment|demande|encourage|devrait|devraient|doit)\b|توصي|يوصي|تحث|يحث|تدعو|يدعو|تشجع|تطلب|ينبغي|يجب)",
        std::regex::icase);
    return std::regex_search(text, verbs);
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
