// OpenDocument text (.odt): paragraphs and headings of content.xml, list numbers computed from
// the list styles (styles.xml, and content.xml's automatic styles) as a word processor shows
// them: prefix, the displayed levels joined by ".", suffix ("(a)", "129.51", "a)").
#include <algorithm>
#include <array>
#include <map>
#include <vector>

#include "list_numbering.hpp"
#include "office_text.hpp"
#include "xml_stream.hpp"

namespace tawsiya::readers {
namespace {

constexpr std::string_view kText = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
constexpr std::string_view kStyle = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
constexpr std::string_view kOffice = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
constexpr int kLevels = 10;
const std::string kOutline = "\x01outline";  // the outline style's key (no list style has it)

struct Level {
    NumberFormat format = NumberFormat::none;
    std::string prefix, suffix;
    int display = 1;  // text:display-levels
    int start = 1;
};

using ListStyle = std::array<Level, kLevels>;

int to_int(const std::string& s, int fallback) {
    if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string::npos)
        return fallback;
    return std::stoi(s);
}

int level_index(const XmlStream& xml) {
    return std::clamp(to_int(xml.attribute(kText, "level"), 1), 1, kLevels) - 1;
}

// Reads list styles (text:list-style, text:outline-style) from any part; everything else is
// passed over. Stops after office:automatic-styles when `stop_at_body` (content.xml: the body
// follows and is read by the caller from there).
void read_list_styles(XmlStream& xml, std::map<std::string, ListStyle>& styles, bool stop_at_body) {
    ListStyle* style = nullptr;
    while (xml.next()) {
        if (xml.event() != XmlStream::Event::start) continue;
        if (stop_at_body && xml.is(kOffice, "body")) return;
        if (xml.is(kText, "list-style")) {
            style = &styles[xml.attribute(kStyle, "name")];
        } else if (xml.is(kText, "outline-style")) {
            style = &styles[kOutline];
        } else if (style && (xml.is(kText, "list-level-style-number") ||
                             xml.is(kText, "outline-level-style"))) {
            Level& level = (*style)[level_index(xml)];
            level.format = odf_number_format(xml.attribute(kStyle, "num-format"));
            level.prefix = xml.attribute(kStyle, "num-prefix");
            level.suffix = xml.attribute(kStyle, "num-suffix");
            level.display =
                std::clamp(to_int(xml.attribute(kText, "display-levels"), 1), 1, kLevels);
            level.start = to_int(xml.attribute(kText, "start-value"), 1);
        } else if (style && xml.is(kText, "list-level-style-bullet")) {
            (*style)[level_index(xml)].format = NumberFormat::bullet;
        }
    }
}

struct OpenList {
    std::string style;
    int level = 0;  // 0-based
};

class Counters {
  public:
    explicit Counters(const std::map<std::string, ListStyle>& styles) : styles_(styles) {}

    void restart(const std::string& style) { counters_[style].fill(0); }

    // Counts an item at `level` of `style` and returns its label.
    std::string label(const std::string& style, int level, int start_value) {
        const auto it = styles_.find(style);
        if (it == styles_.end()) return {};
        const ListStyle& levels = it->second;
        auto& counters = counters_[style];
        counters[level] = start_value > 0        ? start_value
                          : counters[level] == 0 ? levels[level].start
                                                 : counters[level] + 1;
        for (int deeper = level + 1; deeper < kLevels; ++deeper) counters[deeper] = 0;
        const Level& shown = levels[level];
        if (shown.format == NumberFormat::bullet) return "•";
        if (shown.format == NumberFormat::none) return {};
        std::string number;
        for (int l = std::max(0, level - shown.display + 1); l <= level; ++l) {
            if (!number.empty()) number += '.';
            number +=
                format_number(counters[l] == 0 ? levels[l].start : counters[l], levels[l].format);
        }
        return shown.prefix + number + shown.suffix;
    }

  private:
    const std::map<std::string, ListStyle>& styles_;
    std::map<std::string, std::array<int, kLevels>> counters_;
};

// Content that is not the running text: notes (footnotes), annotations, tracked deletions, the
// cached number a paragraph may carry (computed here instead).
bool skipped(const XmlStream& xml) {
    return xml.is(kText, "note") || xml.is(kOffice, "annotation") ||
           xml.is(kText, "tracked-changes") || xml.is(kText, "number");
}

struct Paragraph {
    std::string label, text;
};

}  // namespace

std::string odt_text(const ZipArchive& zip, const std::string& path, const DocumentLimits& limits) {
    std::map<std::string, ListStyle> styles;
    if (zip.has("styles.xml")) {
        const std::string xml = zip.read("styles.xml");
        XmlStream stream(xml, path, "styles.xml", limits.max_xml_depth);
        read_list_styles(stream, styles, false);
    }
    const std::string content = zip.read("content.xml");
    XmlStream xml(content, path, "content.xml", limits.max_xml_depth);
    read_list_styles(xml, styles, true);

    Counters counters(styles);
    std::string out;
    std::vector<OpenList> lists;
    std::vector<Paragraph> open;
    std::string pending_label;  // a list item's label, for its first paragraph
    while (xml.next()) {
        if (xml.event() == XmlStream::Event::text) {
            // Raw line breaks and tabs in ODF text are white space (text:line-break is a break).
            if (!open.empty())
                for (char c : xml.text()) open.back().text += c == '\n' || c == '\t' ? ' ' : c;
            continue;
        }
        if (xml.event() == XmlStream::Event::end) {
            if (xml.is(kText, "list") && !lists.empty()) lists.pop_back();
            if ((xml.is(kText, "p") || xml.is(kText, "h")) && !open.empty()) {
                Paragraph p = std::move(open.back());
                open.pop_back();
                append_paragraph(out, p.text, p.label, path, limits);
            }
            continue;
        }
        if (skipped(xml)) {
            xml.skip_element();
            continue;
        }
        if (xml.is(kText, "list")) {
            OpenList list;
            list.style = xml.attribute(kText, "style-name");
            if (!lists.empty()) {
                if (list.style.empty()) list.style = lists.back().style;
                list.level = std::min(lists.back().level + 1, kLevels - 1);
            } else if (xml.attribute(kText, "continue-numbering") != "true" &&
                       xml.attribute(kText, "continue-list").empty()) {
                counters.restart(list.style);
            }
            lists.push_back(list);
        } else if (xml.is(kText, "list-item") && !lists.empty()) {
            pending_label = counters.label(lists.back().style, lists.back().level,
                                           to_int(xml.attribute(kText, "start-value"), 0));
        } else if (xml.is(kText, "list-header")) {
            pending_label.clear();
        } else if (xml.is(kText, "p") || xml.is(kText, "h")) {
            Paragraph p;
            if (!lists.empty()) {
                p.label = std::move(pending_label);
                pending_label.clear();
            } else if (xml.is(kText, "h")) {
                const int level = to_int(xml.attribute(kText, "outline-level"), 0);
                if (level > 0) p.label = counters.label(kOutline, std::min(level, kLevels) - 1, 0);
            }
            open.push_back(std::move(p));
        } else if (open.empty()) {
            continue;
        } else if (xml.is(kText, "s")) {
            open.back().text.append(
                static_cast<std::size_t>(std::clamp(to_int(xml.attribute(kText, "c"), 1), 1, 64)),
                ' ');
        } else if (xml.is(kText, "tab")) {
            open.back().text += ' ';
        } else if (xml.is(kText, "line-break")) {
            open.back().text += '\n';
        }
    }
    return out;
}

}  // namespace tawsiya::readers
