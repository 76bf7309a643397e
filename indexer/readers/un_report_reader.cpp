// The plain text of a UPR Working Group report (docs/record-format.md, "UN reports"): the
// numbered paragraphs of its "Conclusions and/or recommendations" section become records.
//
// Reports come as PDF extractions: page headers, footers and page numbers fall in the middle of
// paragraphs, and two numbering styles exist. Cycle 2 numbers each recommendation under its
// paragraph ("129.4. Ratify ... (Denmark);"); early cycle 1 lists "1. To ratify ..." under a
// paragraph "75." whose introduction, or a sentence after the list, says whether the state
// supported them.
#include <filesystem>
#include <optional>
#include <regex>
#include <sstream>

#include "../analysis/language_detector.hpp"
#include "bad_input.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/reader.hpp"
#include "text_decoding.hpp"
#include "upr_paragraph.hpp"
#include "upr_sessions.hpp"

namespace tawsiya {
namespace {

struct ReportHeader {
    std::string symbol, state;
    std::optional<int> session, year;
};

ReportHeader read_header(const std::string& text, const std::string& path) {
    ReportHeader h;
    std::smatch m;
    const std::string head = text.substr(0, 6000);
    static const std::regex symbol(R"(\bA/HRC/\d+/\d+(?:/Add\.\d+)?)");
    if (std::regex_search(head, m, symbol)) h.symbol = m.str();
    static const std::regex session(R"(held its ([A-Za-z]+(?:-[a-z]+)?) session)");
    if (std::regex_search(head, m, session)) h.session = readers::parse_ordinal_word(m[1].str());
    static const std::regex review(R"(review of ((?:the )?[A-Z][^\n.]{1,80}?) (?:was|took place))");
    if (std::regex_search(head, m, review)) h.state = m[1].str();
    if (h.session) h.year = readers::upr_session_year(*h.session);
    static const std::regex year_in_name(R"((\d{4}))");
    const std::string stem = std::filesystem::path(path).stem().string();
    if (!h.year && std::regex_search(stem, m, year_in_name)) h.year = std::stoi(m[1].str());
    return h;
}

// Page furniture from PDF extraction: "GE.12-14xxx", the symbol repeated, bare page numbers.
bool is_page_noise(const std::string& line, const std::string& symbol) {
    static const std::regex noise(
        R"(^\s*(GE\.\d{2}-\d+.*|\d{1,3}|Page \d+|A/HRC/[\w./]+|\f+|[-\s]*\d+[-\s]*)\s*$)");
    if (std::regex_match(line, noise)) return true;
    return !symbol.empty() && line.find(symbol) != std::string::npos &&
           line.size() < symbol.size() + 20;
}

std::string response_in(const std::string& sentence) {
    static const std::regex not_supported(
        R"(did not enjoy|do not enjoy|not (?:been )?(?:accepted|supported)|rejected|noted by|will be noted|were noted|are noted)",
        std::regex::icase);
    static const std::regex supported(R"(enjoy(?:s|ed)? (?:the|its) support|accepted|supported)",
                                      std::regex::icase);
    if (std::regex_search(sentence, not_supported)) return "noted";
    if (std::regex_search(sentence, supported)) return "supported";
    return {};
}

struct Item {
    std::string number;  // "129.4" or, for a list under paragraph 75, "75.1"
    std::string text;
    std::size_t line = 0;
    int parent = 0;
};

}  // namespace

void read_un_report(const std::string& path, const ReadOptions& options, const RecordSink& sink,
                    ReadReport& report) {
    const std::string text = readers::normalize_line_endings(
        readers::decode_to_utf8(readers::read_file_bytes(path), options.encoding, path));
    if (text.find_first_not_of(" \t\n\f") == std::string::npos) {
        readers::reject(options, report, path, 1, "empty file");
        return;
    }
    const ReportHeader header = read_header(text, path);

    static const std::regex heading(
        R"(^\s*II\.\s*Conclusions and(?:/or)? recommendations\**\s*[:.]?\s*$)", std::regex::icase);
    static const std::regex section_end(
        R"(^\s*(?:III\.|IV\.|Annex\b|ANNEX\b|Notes\s*$|\d+\.\s+All conclusions and/or recommendations))",
        std::regex::icase);
    static const std::regex sub_numbered(R"(^\s*(\d{1,3})\.(\d{1,3})\.?(?:\s+(.*))?$)");
    static const std::regex numbered(R"(^\s*(\d{1,3})\.(?:\s+(.*))?$)");

    std::vector<Item> items;
    std::map<int, std::string> response_of;  // paragraph -> response its introduction states
    std::istringstream lines(text);
    std::string line;
    std::size_t line_number = 0;
    bool in_section = false;
    int parent = 0, last_sub = 0;
    Item* open = nullptr;
    std::smatch m;
    while (std::getline(lines, line)) {
        ++line_number;
        if (!in_section) {
            in_section = std::regex_match(line, heading);
            continue;
        }
        if (std::regex_search(line, section_end)) break;
        if (is_page_noise(line, header.symbol) ||
            line.find_first_not_of(" \t") == std::string::npos)
            continue;
        if (std::regex_match(line, m, sub_numbered) && std::stoi(m[1].str()) == parent) {
            items.push_back({m[1].str() + "." + m[2].str(), m[3].str(), line_number, parent});
            open = &items.back();
            last_sub = std::stoi(m[2].str());
            continue;
        }
        if (std::regex_match(line, m, numbered)) {
            const int n = std::stoi(m[1].str());
            // A list item continues its list ("10." after "9."); otherwise "76." after
            // paragraph 75 is the next paragraph.
            if (parent != 0 && last_sub != 0 && n == last_sub + 1) {
                items.push_back(
                    {std::to_string(parent) + "." + m[1].str(), m[2].str(), line_number, parent});
                open = &items.back();
                last_sub = n;
                continue;
            }
            if (parent == 0 || n == parent + 1 || (last_sub == 0 && n != 1)) {
                parent = n;
                last_sub = 0;
                open = nullptr;
                response_of[parent] = response_in(m[2].str());
                continue;
            }
            if (n == 1) {  // the first item of a list under the current paragraph
                items.push_back({std::to_string(parent) + ".1", m[2].str(), line_number, parent});
                open = &items.back();
                last_sub = 1;
                continue;
            }
        }
        // A sentence after a list ("The recommendations listed above enjoy the support of
        // Morocco.") closes it and may state the response.
        static const std::regex closing(R"(^\s*(The|All|These) (recommendations|conclusions))",
                                        std::regex::icase);
        if (std::regex_search(line, closing)) {
            if (const std::string r = response_in(line); !r.empty())
                response_of[parent] = response_of[parent].empty() ? r : response_of[parent];
            open = nullptr;
            continue;
        }
        if (open)
            open->text += " " + line;
        else if (parent != 0 && last_sub == 0) {
            // The introduction of a paragraph spread over several lines.
            if (const std::string r = response_in(line); !r.empty() && response_of[parent].empty())
                response_of[parent] = r;
        }
    }
    if (!in_section) {
        readers::reject(options, report, path, 1,
                        "no \"Conclusions and/or recommendations\" section: not a UPR Working "
                        "Group report");
        return;
    }

    const std::string stem = std::filesystem::path(path).stem().string();
    for (const Item& item : items) {
        readers::UprParagraph parts = readers::split_upr_paragraph(item.text);
        if (parts.text.empty()) {
            readers::reject(options, report, path, item.line,
                            "recommendation " + item.number + " has no text");
            continue;
        }
        Record r;
        r.id = (header.symbol.empty() ? "report:" + stem : header.symbol) + ":" + item.number;
        r.text[analysis::detect_language(parts.text)] = parts.text;
        r.mechanism = "upr";
        r.body = "UPR";
        r.state = header.state;
        r.recommending_states = std::move(parts.states);
        r.session = header.session;
        r.year = header.year;
        if (header.session) r.cycle = readers::upr_session_cycle(*header.session);
        r.symbol = header.symbol;
        r.paragraph = item.number;
        r.response = response_of[item.parent];
        r.source = "un-report:" + stem;
        ++report.records;
        sink(std::move(r));
    }
}

}  // namespace tawsiya
