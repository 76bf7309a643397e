// Word (.docx): paragraphs of word/document.xml, their list numbers computed as Word shows them
// from word/numbering.xml (a paragraph's numPr, or its style's, in word/styles.xml).
#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <vector>

#include "list_numbering.hpp"
#include "office_text.hpp"
#include "xml_stream.hpp"

namespace tawsiya::readers {
namespace {

constexpr std::string_view kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view kMc = "http://schemas.openxmlformats.org/markup-compatibility/2006";
constexpr int kLevels = 9;

struct Level {
    int start = 1;
    NumberFormat format = NumberFormat::decimal;
    std::string text = "%1.";  // w:lvlText: "%1.", "%1)", "(%1)", "%1.%2"
};

struct AbstractNum {
    std::array<Level, kLevels> levels;
};

struct Num {
    std::string abstract;
    std::map<int, int> start_override;  // level -> start
};

struct NumPr {
    std::optional<std::string> num;
    std::optional<int> level;
};

struct Style {
    NumPr numbering;
    std::string based_on;
};

int to_int(const std::string& s, int fallback) {
    if (s.empty() || s.size() > 9) return fallback;
    int value = 0;
    std::size_t i = s[0] == '-' ? 1 : 0;
    if (i == s.size()) return fallback;
    for (; i < s.size(); ++i) {
        if (s[i] < '0' || s[i] > '9') return fallback;
        value = value * 10 + (s[i] - '0');
    }
    return s[0] == '-' ? -value : value;
}

std::string val(const XmlStream& xml) {
    return xml.attribute(kW, "val");
}

// Reads w:numId and w:ilvl in the w:numPr just started.
void read_num_pr(XmlStream& xml, NumPr& out) {
    const int depth = xml.depth();
    while (xml.next() && xml.depth() >= depth) {
        if (xml.event() != XmlStream::Event::start) continue;
        if (xml.is(kW, "numId")) out.num = val(xml);
        if (xml.is(kW, "ilvl")) out.level = std::clamp(to_int(val(xml), 0), 0, kLevels - 1);
    }
}

class Numbering {
  public:
    void read_numbering(XmlStream& xml) {
        AbstractNum* abstract = nullptr;
        Level* level = nullptr;
        Num* num = nullptr;
        int override_level = -1;
        while (xml.next()) {
            if (xml.event() != XmlStream::Event::start) continue;
            if (xml.is(kW, "abstractNum")) {
                abstract = &abstracts_[xml.attribute(kW, "abstractNumId")];
                num = nullptr;
            } else if (xml.is(kW, "num")) {
                num = &nums_[xml.attribute(kW, "numId")];
                abstract = nullptr;
            } else if (xml.is(kW, "lvl") && abstract) {
                level =
                    &abstract
                         ->levels[std::clamp(to_int(xml.attribute(kW, "ilvl"), 0), 0, kLevels - 1)];
            } else if (xml.is(kW, "start") && level && abstract) {
                level->start = to_int(val(xml), 1);
            } else if (xml.is(kW, "numFmt") && level && abstract) {
                level->format = word_number_format(val(xml));
            } else if (xml.is(kW, "lvlText") && level && abstract) {
                level->text = val(xml);
            } else if (xml.is(kW, "abstractNumId") && num) {
                num->abstract = val(xml);
            } else if (xml.is(kW, "lvlOverride") && num) {
                override_level = std::clamp(to_int(xml.attribute(kW, "ilvl"), 0), 0, kLevels - 1);
            } else if (xml.is(kW, "startOverride") && num && override_level >= 0) {
                num->start_override[override_level] = to_int(val(xml), 1);
            }
        }
    }

    void read_styles(XmlStream& xml) {
        Style* style = nullptr;
        while (xml.next()) {
            if (xml.event() != XmlStream::Event::start) continue;
            if (xml.is(kW, "style"))
                style = &styles_[xml.attribute(kW, "styleId")];
            else if (xml.is(kW, "basedOn") && style)
                style->based_on = val(xml);
            else if (xml.is(kW, "numPr") && style)
                read_num_pr(xml, style->numbering);
        }
    }

    // The label of a paragraph with this numbering and style ("" when not numbered), counting it.
    std::string label(NumPr direct, const std::string& style_id) {
        // A style's numbering, through its basedOn chain (bounded: a chain may loop).
        std::string id = style_id;
        for (int hops = 0; hops < 16 && !id.empty() && (!direct.num || !direct.level); ++hops) {
            const auto it = styles_.find(id);
            if (it == styles_.end()) break;
            if (!direct.num) direct.num = it->second.numbering.num;
            if (!direct.level) direct.level = it->second.numbering.level;
            id = it->second.based_on;
        }
        if (!direct.num || *direct.num == "0") return {};
        const auto num = nums_.find(*direct.num);
        if (num == nums_.end()) return {};
        const auto abstract = abstracts_.find(num->second.abstract);
        if (abstract == abstracts_.end()) return {};
        const int level = direct.level.value_or(0);

        // Counters run per abstract list; a num with a start override restarts it once.
        auto& counters = counters_[num->second.abstract];
        if (!restarted_.count(*direct.num) && !num->second.start_override.empty()) {
            restarted_.insert({*direct.num, true});
            counters.fill(0);
            for (const auto& [l, start] : num->second.start_override) counters[l] = start - 1;
        }
        const auto& levels = abstract->second.levels;
        auto start_of = [&](int l) {
            const auto o = num->second.start_override.find(l);
            return o != num->second.start_override.end() ? o->second : levels[l].start;
        };
        counters[level] = counters[level] == 0 ? start_of(level) : counters[level] + 1;
        for (int deeper = level + 1; deeper < kLevels; ++deeper) counters[deeper] = 0;

        const Level& shown = levels[level];
        if (shown.format == NumberFormat::bullet) return "•";
        std::string out;
        const std::string& pattern = shown.text;
        for (std::size_t i = 0; i < pattern.size(); ++i) {
            if (pattern[i] == '%' && i + 1 < pattern.size() && pattern[i + 1] >= '1' &&
                pattern[i + 1] <= '9') {
                const int l = pattern[i + 1] - '1';
                const int value = counters[l] == 0 ? start_of(l) : counters[l];
                out += format_number(value, levels[l].format);
                ++i;
            } else {
                out += pattern[i];
            }
        }
        return out;
    }

  private:
    std::map<std::string, AbstractNum> abstracts_;
    std::map<std::string, Num> nums_;
    std::map<std::string, Style> styles_;
    std::map<std::string, std::array<int, kLevels>> counters_;
    std::map<std::string, bool> restarted_;
};

// Elements whose content is not the document's text: earlier versions kept by tracked changes,
// the fallback copy of a drawing (mc:Choice holds the same), field instructions.
bool skipped(const XmlStream& xml) {
    return xml.is(kW, "pPrChange") || xml.is(kW, "rPrChange") || xml.is(kW, "delText") ||
           xml.is(kW, "del") || xml.is(kW, "instrText") || xml.is(kMc, "Fallback");
}

struct Paragraph {
    std::string text;
    NumPr numbering;
    std::string style;
};

}  // namespace

std::string docx_text(const ZipArchive& zip, const std::string& path,
                      const DocumentLimits& limits) {
    Numbering numbering;
    for (const char* part : {"word/numbering.xml", "word/styles.xml"}) {
        if (!zip.has(part)) continue;
        const std::string xml = zip.read(part);
        XmlStream stream(xml, path, part, limits.max_xml_depth);
        if (std::string_view(part) == "word/numbering.xml")
            numbering.read_numbering(stream);
        else
            numbering.read_styles(stream);
    }
    const std::string document = zip.read("word/document.xml");
    XmlStream xml(document, path, "word/document.xml", limits.max_xml_depth);
    std::string out;
    // Paragraphs nest (a text box inside a paragraph): each is written when it ends.
    std::vector<Paragraph> open;
    bool in_text = false;  // inside w:t
    int ppr_depth = -1;    // inside the open paragraph's w:pPr
    while (xml.next()) {
        if (xml.event() == XmlStream::Event::text) {
            if (in_text && !open.empty()) open.back().text += xml.text();
            continue;
        }
        if (xml.event() == XmlStream::Event::end) {
            if (xml.depth() < ppr_depth) ppr_depth = -1;
            if (xml.is(kW, "t")) in_text = false;
            if (xml.is(kW, "p") && !open.empty()) {
                Paragraph p = std::move(open.back());
                open.pop_back();
                const std::string label = numbering.label(p.numbering, p.style);
                append_paragraph(out, p.text, label, path, limits);
            }
            continue;
        }
        if (skipped(xml)) {
            xml.skip_element();
            continue;
        }
        if (xml.is(kW, "p")) {
            open.emplace_back();
        } else if (open.empty()) {
            continue;
        } else if (xml.is(kW, "pPr") && ppr_depth < 0) {
            ppr_depth = xml.depth();
        } else if (ppr_depth >= 0 && xml.is(kW, "pStyle")) {
            open.back().style = val(xml);
        } else if (ppr_depth >= 0 && xml.is(kW, "numPr")) {
            read_num_pr(xml, open.back().numbering);
        } else if (xml.is(kW, "t")) {
            in_text = true;
        } else if (xml.is(kW, "tab") && ppr_depth < 0) {
            open.back().text += ' ';
        } else if (xml.is(kW, "br") || xml.is(kW, "cr")) {
            if (xml.attribute(kW, "type") != "page") open.back().text += '\n';
        } else if (xml.is(kW, "noBreakHyphen")) {
            open.back().text += '-';
        }
    }
    return out;
}

}  // namespace tawsiya::readers
