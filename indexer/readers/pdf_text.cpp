// PDF text through Poppler's C++ API. Poppler gives the words of each page in reading order with
// their boxes (page::text_list); lines are rebuilt from them, then page furniture is dropped by
// position: a line in the top or bottom band of the page that repeats on other pages (a running
// header, "GE.12-14883" footers with their page number) or is only a page number, and the
// numbers of a line-numbered draft, a column of bare numbers left of the text.
#include "pdf_text.hpp"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <memory>
#include <set>
#include <vector>

#include "tawsiya/text_scan.hpp"

namespace tawsiya::readers {
namespace {

struct Word {
    std::string text;
    double x0, y0, x1, y1;
    bool space_after;
};

struct Line {
    std::vector<Word> words;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    double height() const { return y1 - y0; }
    std::string text() const {
        std::string out;
        for (std::size_t i = 0; i < words.size(); ++i) {
            out += words[i].text;
            if (i + 1 < words.size() &&
                (words[i].space_after || words[i + 1].x0 - words[i].x1 > 0.1 * height()))
                out += ' ';
        }
        return out;
    }
};

struct Page {
    std::vector<Line> lines;
    double height = 0;
};

bool all_digits(std::string_view s) {
    return !s.empty() && s.size() <= 4 &&
           std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

std::vector<Line> make_lines(const std::vector<poppler::text_box>& boxes) {
    std::vector<Line> lines;
    for (const auto& box : boxes) {
        const poppler::byte_array utf8 = box.text().to_utf8();
        Word w{std::string(utf8.begin(), utf8.end()),
               box.bbox().left(),
               box.bbox().top(),
               box.bbox().right(),
               box.bbox().bottom(),
               box.has_space_after()};
        if (w.text.empty()) continue;
        const double middle = (w.y0 + w.y1) / 2;
        bool same_line = false;
        if (!lines.empty()) {
            const Line& line = lines.back();
            const double line_middle = (line.y0 + line.y1) / 2;
            // By height only: right-to-left words may come in any horizontal order.
            same_line = std::abs(middle - line_middle) < 0.5 * std::min(line.height(), w.y1 - w.y0);
        }
        if (!same_line) {
            lines.emplace_back();
            lines.back().x0 = w.x0;
            lines.back().y0 = w.y0;
            lines.back().x1 = w.x1;
            lines.back().y1 = w.y1;
        }
        Line& line = lines.back();
        line.x0 = std::min(line.x0, w.x0);
        line.y0 = std::min(line.y0, w.y0);
        line.x1 = std::max(line.x1, w.x1);
        line.y1 = std::max(line.y1, w.y1);
        line.words.push_back(std::move(w));
    }
    return lines;
}

// Arabic letters (the Arabic block and its presentation forms): what makes a line right to left.
bool is_arabic(UChar32 c) {
    return (c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) ||
           (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF);
}

bool is_arabic_mark(UChar32 c) {
    return (c >= 0x064B && c <= 0x065F) || c == 0x0670;
}

std::vector<UChar32> code_points(const std::string& s) {
    std::vector<UChar32> out;
    const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
    const int32_t length = static_cast<int32_t>(s.size());
    for (int32_t i = 0; i < length;) {
        UChar32 c;
        U8_NEXT(bytes, i, length, c);
        if (c >= 0) out.push_back(c);
    }
    return out;
}

std::string utf8_of(const std::vector<UChar32>& points) {
    std::string out;
    for (const UChar32 c : points) {
        uint8_t buffer[4];
        int32_t n = 0;
        UBool error = false;
        U8_APPEND(buffer, n, 4, c, error);
        if (!error) out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(n));
    }
    return out;
}

// Poppler gives the words of a right-to-left line in visual order, left to right, each spelled
// backwards. An Arabic line is put back in reading order: its words from the right, each Arabic
// word's letters reversed (a letter keeps its vowel marks after it, a number its digits' order);
// Latin words are left as they are. (Poppler spells the lam-alef ligature in logical order inside
// the backwards word, so it comes out as alef-lam: "المالحظات" for "الملاحظات", as in pdftotext.)
void restore_right_to_left(Line& line) {
    std::size_t arabic = 0, latin = 0;
    for (const Word& w : line.words)
        for (const UChar32 c : code_points(w.text)) {
            if (is_arabic(c)) ++arabic;
            if (c < 0x0250 && u_isalpha(c)) ++latin;
        }
    if (arabic == 0 || arabic < latin) return;
    // Spaces as Poppler saw them, between visual neighbours: kept between the same two words.
    const std::size_t n = line.words.size();
    std::vector<bool> space(n, false);
    for (std::size_t k = 0; k + 1 < n; ++k)
        space[k] = line.words[k].space_after ||
                   line.words[k + 1].x0 - line.words[k].x1 > 0.1 * line.height();
    std::reverse(line.words.begin(), line.words.end());
    for (std::size_t i = 0; i < n; ++i) {
        Word& w = line.words[i];
        w.space_after = i + 1 < n && space[n - 2 - i];
        const std::vector<UChar32> points = code_points(w.text);
        if (std::none_of(points.begin(), points.end(), is_arabic)) continue;
        std::vector<std::vector<UChar32>> clusters;
        // Numbers read left to right even there: a run of digits stays as it is.
        auto digit = [](UChar32 c) { return u_isdigit(c); };
        for (std::size_t k = 0; k < points.size(); ++k) {
            const UChar32 c = points[k];
            if (!clusters.empty() &&
                (is_arabic_mark(c) || (digit(c) && k > 0 && digit(points[k - 1]))))
                clusters.back().push_back(c);
            else
                clusters.push_back({c});
        }
        std::vector<UChar32> reversed;
        for (auto it = clusters.rbegin(); it != clusters.rend(); ++it)
            reversed.insert(reversed.end(), it->begin(), it->end());
        w.text = utf8_of(reversed);
    }
}

// A line-numbered draft: at least three bare numbers opening their lines, left of where every
// other line starts. They are dropped (a line of nothing else with them).
void drop_line_numbers(Page& page) {
    double text_left = 1e9;
    std::size_t candidates = 0;
    for (const Line& line : page.lines) {
        if (all_digits(line.words.front().text)) {
            ++candidates;
            if (line.words.size() > 1) text_left = std::min(text_left, line.words[1].x0);
        } else {
            text_left = std::min(text_left, line.x0);
        }
    }
    if (candidates < 3) return;
    std::size_t margin = 0;
    for (const Line& line : page.lines)
        margin += all_digits(line.words.front().text) && line.words.front().x1 < text_left - 2;
    if (margin < 3) return;
    std::vector<Line> kept;
    for (Line& line : page.lines) {
        if (all_digits(line.words.front().text) && line.words.front().x1 < text_left - 2) {
            line.words.erase(line.words.begin());
            if (line.words.empty()) continue;
            line.x0 = line.words.front().x0;
        }
        kept.push_back(std::move(line));
    }
    page.lines = std::move(kept);
}

// A line's text with digits as '#', lower case, single spaces: "Page 3" and "Page 4" are one.
std::string furniture_key(const std::string& text) {
    std::string key;
    for (unsigned char c : text) {
        if (std::isdigit(c)) {
            if (key.empty() || key.back() != '#') key += '#';
        } else if (std::isspace(c)) {
            if (!key.empty() && key.back() != ' ') key += ' ';
        } else {
            key += scan::lower(static_cast<char>(c));
        }
    }
    return key;
}

// "12", "- 12 -", "Page 12", "12/40", "12 of 40", "GE.12-14883 (E)".
bool page_number_like(const std::string& key) {
    std::string bare;
    for (char c : key)
        if (c != ' ' && c != '-' && c != '/') bare += c;
    return bare == "#" || bare == "##" || bare == "page#" || bare == "page#of#" || bare == "#of#" ||
           key.rfind("ge.#", 0) == 0;
}

// A line that is only a document symbol ("A/HRC/21/3", "CAT/C/MAR/CO/4"): capitals, digits and
// the slashes between them, as UN documents print it in their running header.
bool symbol_like(const std::string& text) {
    std::size_t slashes = 0;
    for (unsigned char c : text) {
        if (c == '/')
            ++slashes;
        else if (!std::isupper(c) && !std::isdigit(c) && c != '.' && c != '-' && c != ' ' &&
                 c != '(' && c != ')' && c != ',')
            return false;
    }
    return slashes >= 2;
}

constexpr double kBand = 0.1;  // the top and bottom tenth of a page

bool in_band(const Line& line, const Page& page, bool top) {
    return top ? line.y1 < kBand * page.height : line.y0 > (1 - kBand) * page.height;
}

void drop_furniture(std::vector<Page>& pages) {
    // How many pages have each top and bottom line.
    std::map<std::pair<bool, std::string>, std::set<std::size_t>> seen;
    for (std::size_t p = 0; p < pages.size(); ++p)
        for (const Line& line : pages[p].lines)
            for (bool top : {true, false})
                if (in_band(line, pages[p], top)) seen[{top, furniture_key(line.text())}].insert(p);
    const std::size_t repeated = std::max<std::size_t>(2, pages.size() / 4);
    // A running header repeats what the first page's masthead says (the symbol): on a
    // two-page document it is seen once only.
    std::string masthead;
    if (!pages.empty())
        for (const Line& line : pages[0].lines)
            if (in_band(line, pages[0], true)) masthead += furniture_key(line.text()) + "\n";
    auto in_masthead = [&](const std::string& key) {
        return key.size() >= 4 && masthead.find(key) != std::string::npos;
    };
    for (std::size_t p = 0; p < pages.size(); ++p) {
        std::vector<Line> kept;
        for (Line& line : pages[p].lines) {
            bool furniture = false;
            for (bool top : {true, false}) {
                if (!in_band(line, pages[p], top)) continue;
                const std::string key = furniture_key(line.text());
                // The first page's top is its masthead (the symbol, the date): kept but for a
                // page number.
                furniture =
                    page_number_like(key) ||
                    (!(top && p == 0) && (seen[{top, key}].size() >= repeated ||
                                          (top && in_masthead(key)) || symbol_like(line.text())));
            }
            if (!furniture) kept.push_back(std::move(line));
        }
        pages[p].lines = std::move(kept);
    }
}

bool ends_sentence(const std::string& line) {
    const auto last = line.find_last_not_of(' ');
    return last != std::string::npos &&
           std::string_view(".;:!?").find(line[last]) != std::string::npos;
}

void silence(const std::string&, void*) {}  // Poppler's warnings about damaged files

}  // namespace

std::string pdf_text(std::string_view bytes, const std::string& path, const DocumentLimits& limits,
                     std::size_t& page_count, std::vector<std::size_t>& page_lines) {
    poppler::set_debug_error_function(silence, nullptr);
    std::unique_ptr<poppler::document> document(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!document) throw DocumentError(path, "a damaged PDF: Poppler cannot read it");
    if (document->is_locked())
        throw DocumentError(path, "an encrypted PDF: save it without a password first");
    const int count = document->pages();
    if (count < 0 || static_cast<std::size_t>(count) > limits.max_pages)
        throw DocumentError(path, "a PDF of " + std::to_string(count) + " pages: more than " +
                                      std::to_string(limits.max_pages));
    page_count = static_cast<std::size_t>(count);

    std::vector<Page> pages;
    std::size_t text_bytes = 0;
    for (int i = 0; i < count; ++i) {
        std::unique_ptr<poppler::page> page(document->create_page(i));
        Page p;
        if (page) {
            p.height = page->page_rect().height();
            p.lines = make_lines(page->text_list());
            for (Line& line : p.lines) restore_right_to_left(line);
        }
        for (const Line& line : p.lines)
            for (const Word& w : line.words) text_bytes += w.text.size() + 1;
        if (text_bytes > limits.max_text_bytes)
            throw DocumentError(path, "more than " + std::to_string(limits.max_text_bytes >> 20) +
                                          " MiB of text: refused");
        if (!p.lines.empty()) drop_line_numbers(p);
        pages.push_back(std::move(p));
    }
    drop_furniture(pages);

    std::string out;
    std::string previous;        // the last line written
    std::size_t line_count = 0;  // the lines of `out` so far, a blank line included
    page_lines.clear();
    for (std::size_t p = 0; p < pages.size(); ++p) {
        const std::vector<Line>& lines = pages[p].lines;
        // The line of `out` the page starts on (an empty page: the next line written).
        page_lines.push_back(line_count + 1);
        // The page's usual distance from a line to the next: a paragraph leaves more.
        std::vector<double> pitches;
        for (std::size_t i = 1; i < lines.size(); ++i) {
            const double pitch = lines[i].y0 - lines[i - 1].y0;
            if (pitch > 0 && pitch < 3 * lines[i - 1].height()) pitches.push_back(pitch);
        }
        std::sort(pitches.begin(), pitches.end());
        const double usual = pitches.empty() ? 0 : pitches[pitches.size() / 2];
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const std::string text = lines[i].text();
            if (!out.empty()) {
                bool blank;
                if (i == 0) {
                    // Across a page break, a paragraph goes on unless the last one ended.
                    blank = ends_sentence(previous);
                } else {
                    const double pitch = lines[i].y0 - lines[i - 1].y0;
                    blank = usual > 0 && (pitch > 1.25 * usual || pitch < -usual);
                }
                out += blank ? "\n\n" : "\n";
                line_count += blank ? 2 : 1;
            }
            if (i == 0) page_lines.back() = line_count + 1;
            out += text;
            previous = text;
        }
    }
    return out;
}

}  // namespace tawsiya::readers
