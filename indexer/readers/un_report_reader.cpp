// The plain text of a UPR Working Group report (docs/record-format.md, "UN reports"): the
// numbered paragraphs of its "Conclusions and/or recommendations" section become records.
//
// Reports come as PDF extractions: page headers, footers and page numbers fall in the middle of
// paragraphs, and two numbering styles exist. Cycle 2 numbers each recommendation under its
// paragraph ("129.4. Ratify ... (Denmark);"); early cycle 1 lists "1. To ratify ..." under a
// paragraph "75." whose introduction, or a sentence after the list, says whether the state
// supported them.
#include <algorithm>
#include <filesystem>
#include <optional>
#include <sstream>
#include <string_view>

#include "../analysis/language_detector.hpp"
#include "bad_input.hpp"
#include "tawsiya/document_file.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/reader.hpp"
#include "tawsiya/text_scan.hpp"
#include "text_decoding.hpp"
#include "upr_paragraph.hpp"
#include "upr_sessions.hpp"

namespace tawsiya {
namespace {

struct ReportHeader {
    std::string symbol, state;
    std::optional<int> session, year;
};

// "A/HRC/22/10" or "A/HRC/22/10/Add.1" at `at`, after no word character; "" otherwise.
std::string symbol_at(std::string_view s, std::size_t at) {
    if ((at > 0 && scan::is_word(s[at - 1])) || s.substr(at, 6) != "A/HRC/") return {};
    std::size_t end = scan::skip_digits(s, at + 6);
    if (end == at + 6 || end >= s.size() || s[end] != '/') return {};
    const std::size_t second = scan::skip_digits(s, end + 1);
    if (second == end + 1) return {};
    end = second;
    if (s.substr(end, 5) == "/Add." && scan::skip_digits(s, end + 5) > end + 5)
        end = scan::skip_digits(s, end + 5);
    return std::string(s.substr(at, end - at));
}

// "held its twenty-second session": the ordinal word.
std::string session_word(std::string_view s) {
    constexpr std::string_view lead = "held its ", tail = " session";
    for (auto at = s.find(lead); at != std::string_view::npos; at = s.find(lead, at + 1)) {
        const std::size_t start = at + lead.size();
        std::size_t end = start;
        while (end < s.size() && scan::is_alpha(s[end])) ++end;
        if (end == start) continue;
        if (end + 1 < s.size() && s[end] == '-' && scan::is_lower(s[end + 1])) {
            std::size_t hyphenated = end + 1;
            while (hyphenated < s.size() && scan::is_lower(s[hyphenated])) ++hyphenated;
            end = hyphenated;
        }
        if (s.substr(end, tail.size()) == tail) return std::string(s.substr(start, end - start));
    }
    return {};
}

// "review of Morocco was held", "review of the Gambia took place": the state, a capitalised name
// of 2 to 81 characters without a full stop.
std::string reviewed_state(std::string_view s) {
    constexpr std::string_view lead = "review of ";
    for (auto at = s.find(lead); at != std::string_view::npos; at = s.find(lead, at + 1)) {
        const std::size_t start = at + lead.size();
        for (const std::size_t name : {start + (s.substr(start, 4) == "the " ? 4 : 0), start}) {
            if (name >= s.size() || !scan::is_upper(s[name])) continue;
            for (std::size_t end = name + 1; end < s.size() && end <= name + 80; ++end) {
                if (s[end] == '\n' || s[end] == '.') break;
                const std::string_view after = s.substr(end + 1);
                if (after.rfind(" was", 0) == 0 || after.rfind(" took place", 0) == 0)
                    return std::string(s.substr(start, end + 1 - start));
            }
        }
    }
    return {};
}

ReportHeader read_header(const std::string& text, const std::string& path) {
    ReportHeader h;
    const std::string_view head = std::string_view(text).substr(0, 6000);
    for (std::size_t at = head.find("A/HRC/"); at != std::string_view::npos && h.symbol.empty();
         at = head.find("A/HRC/", at + 1))
        h.symbol = symbol_at(head, at);
    if (const std::string word = session_word(head); !word.empty())
        h.session = readers::parse_ordinal_word(word);
    h.state = reviewed_state(head);
    if (h.session) h.year = readers::upr_session_year(*h.session);
    const std::string stem = std::filesystem::path(path).stem().string();
    for (std::size_t at = 0; !h.year && at + 4 <= stem.size(); ++at)
        if (scan::skip_digits(stem, at) >= at + 4) h.year = std::stoi(stem.substr(at, 4));
    return h;
}

// Page furniture from PDF extraction: "GE.12-14xxx", the symbol repeated, bare page numbers, a
// form feed, "- 12 -".
bool is_page_noise(const std::string& line, const std::string& symbol) {
    const std::size_t first = scan::skip_spaces(line);
    std::size_t last = line.size();
    while (last > first && scan::is_space(line[last - 1])) --last;
    const std::string_view t = std::string_view(line).substr(first, last - first);
    if (t.empty()) return line.find('\f') != std::string::npos;
    const auto digits_to_end = [&](std::size_t from) {
        return from < t.size() && scan::skip_digits(t, from) == t.size();
    };
    if (t.substr(0, 3) == "GE." && t.size() > 6 && scan::skip_digits(t, 3) == 5 && t[5] == '-' &&
        scan::is_digit(t[6]))
        return true;
    if (t.size() <= 3 && digits_to_end(0)) return true;
    if (t.substr(0, 5) == "Page " && digits_to_end(5)) return true;
    if (t.substr(0, 6) == "A/HRC/" && t.size() > 6 &&
        std::all_of(t.begin() + 6, t.end(),
                    [](char c) { return scan::is_word(c) || c == '.' || c == '/'; }))
        return true;
    const auto dashes = [&](std::size_t from) {
        while (from < t.size() && (t[from] == '-' || scan::is_space(t[from]))) ++from;
        return from;
    };
    const std::size_t number = dashes(0);
    const std::size_t after = scan::skip_digits(t, number);
    if (after > number && dashes(after) == t.size()) return true;
    return !symbol.empty() && line.find(symbol) != std::string::npos &&
           line.size() < symbol.size() + 20;
}

std::string response_in(std::string_view sentence) {
    if (scan::contains_any_icase(sentence,
                                 {"did not enjoy", "do not enjoy", "not accepted", "not supported",
                                  "not been accepted", "not been supported", "rejected", "noted by",
                                  "will be noted", "were noted", "are noted"}))
        return "noted";
    if (scan::contains_any_icase(
            sentence,
            {"enjoy the support", "enjoys the support", "enjoyed the support", "enjoy its support",
             "enjoys its support", "enjoyed its support", "accepted", "supported"}))
        return "supported";
    return {};
}

// "II. Conclusions and/or recommendations", any case, with optional "*", ":" or ".".
bool is_recommendations_heading(std::string_view line) {
    std::size_t at = scan::skip_spaces(line);
    if (!scan::equals_at_icase(line, at, "II.")) return false;
    at = scan::skip_spaces(line, at + 3);
    if (!scan::equals_at_icase(line, at, "Conclusions and")) return false;
    at += 15;
    if (scan::equals_at_icase(line, at, "/or")) at += 3;
    if (!scan::equals_at_icase(line, at, " recommendations")) return false;
    at += 16;
    while (at < line.size() && line[at] == '*') ++at;
    at = scan::skip_spaces(line, at);
    if (at < line.size() && (line[at] == ':' || line[at] == '.')) ++at;
    return scan::skip_spaces(line, at) == line.size();
}

// The next part of the report: "III.", "IV.", "Annex", "Notes", or the closing paragraph "NN.
// All conclusions and/or recommendations ...".
bool ends_section(std::string_view line) {
    const std::size_t at = scan::skip_spaces(line);
    if (scan::equals_at_icase(line, at, "III.") || scan::equals_at_icase(line, at, "IV.") ||
        scan::word_at(line, at, "annex", true))
        return true;
    if (scan::equals_at_icase(line, at, "notes") && scan::skip_spaces(line, at + 5) == line.size())
        return true;
    const std::size_t dot = scan::skip_digits(line, at);
    if (dot == at || dot >= line.size() || line[dot] != '.') return false;
    const std::size_t phrase = scan::skip_spaces(line, dot + 1);
    return phrase > dot + 1 &&
           scan::equals_at_icase(line, phrase, "All conclusions and/or recommendations");
}

// The end of a run of one to three digits at `at`, or npos (no digit, or more than three).
std::size_t short_number_end(std::string_view line, std::size_t at) {
    const std::size_t end = scan::skip_digits(line, at);
    return end > at && end - at <= 3 ? end : std::string_view::npos;
}

// What follows a paragraph number: nothing, or blanks and the text. False for anything else
// ("129.4x").
bool text_after_number(std::string_view line, std::size_t at, std::string& text) {
    if (at == line.size()) {
        text.clear();
        return true;
    }
    if (!scan::is_space(line[at])) return false;
    text = line.substr(scan::skip_spaces(line, at));
    return true;
}

struct NumberedLine {
    std::string first, second, text;  // "129", "4", "Ratify ..."; second empty for "75."
};

// "129.4. text" or "129.4 text": a recommendation numbered under its paragraph.
std::optional<NumberedLine> sub_numbered(std::string_view line) {
    const std::size_t start = scan::skip_spaces(line);
    const std::size_t dot = short_number_end(line, start);
    if (dot == std::string_view::npos || dot >= line.size() || line[dot] != '.') return {};
    const std::size_t end = short_number_end(line, dot + 1);
    if (end == std::string_view::npos) return {};
    NumberedLine n{std::string(line.substr(start, dot - start)),
                   std::string(line.substr(dot + 1, end - dot - 1)),
                   {}};
    const std::size_t after = end < line.size() && line[end] == '.' ? end + 1 : end;
    if (!text_after_number(line, after, n.text)) return {};
    return n;
}

// "75. text": a paragraph, or an item of a list under one.
std::optional<NumberedLine> numbered(std::string_view line) {
    const std::size_t start = scan::skip_spaces(line);
    const std::size_t dot = short_number_end(line, start);
    if (dot == std::string_view::npos || dot >= line.size() || line[dot] != '.') return {};
    NumberedLine n{std::string(line.substr(start, dot - start)), {}, {}};
    if (!text_after_number(line, dot + 1, n.text)) return {};
    return n;
}

// "The recommendations listed above ...", "All conclusions ...", any case.
bool closes_list(std::string_view line) {
    const std::size_t at = scan::skip_spaces(line);
    for (const std::string_view lead : {"The", "All", "These"}) {
        const std::size_t next = at + lead.size() + 1;
        if (scan::equals_at_icase(line, at, lead) && next - 1 < line.size() &&
            line[next - 1] == ' ' &&
            (scan::equals_at_icase(line, next, "recommendations") ||
             scan::equals_at_icase(line, next, "conclusions")))
            return true;
    }
    return false;
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
    // A PDF, a Word or OpenDocument file, or text in any encoding.
    const std::string text = read_document(path, options.encoding).text;
    if (text.find_first_not_of(" \t\n\f") == std::string::npos) {
        readers::reject(options, report, path, 1, "empty file");
        return;
    }
    const ReportHeader header = read_header(text, path);

    std::vector<Item> items;
    std::map<int, std::string> response_of;  // paragraph -> response its introduction states
    std::istringstream lines(text);
    std::string line;
    std::size_t line_number = 0;
    bool in_section = false;
    int parent = 0, last_sub = 0;
    Item* open = nullptr;
    while (std::getline(lines, line)) {
        ++line_number;
        if (!in_section) {
            in_section = is_recommendations_heading(line);
            continue;
        }
        if (ends_section(line)) break;
        if (is_page_noise(line, header.symbol) ||
            line.find_first_not_of(" \t") == std::string::npos)
            continue;
        if (const auto m = sub_numbered(line); m && std::stoi(m->first) == parent) {
            items.push_back({m->first + "." + m->second, m->text, line_number, parent});
            open = &items.back();
            last_sub = std::stoi(m->second);
            continue;
        }
        if (const auto m = numbered(line)) {
            const int n = std::stoi(m->first);
            // A list item continues its list ("10." after "9."); otherwise "76." after
            // paragraph 75 is the next paragraph.
            if (parent != 0 && last_sub != 0 && n == last_sub + 1) {
                items.push_back(
                    {std::to_string(parent) + "." + m->first, m->text, line_number, parent});
                open = &items.back();
                last_sub = n;
                continue;
            }
            if (parent == 0 || n == parent + 1 || (last_sub == 0 && n != 1)) {
                parent = n;
                last_sub = 0;
                open = nullptr;
                response_of[parent] = response_in(m->text);
                continue;
            }
            if (n == 1) {  // the first item of a list under the current paragraph
                items.push_back({std::to_string(parent) + ".1", m->text, line_number, parent});
                open = &items.back();
                last_sub = 1;
                continue;
            }
        }
        // A sentence after a list ("The recommendations listed above enjoy the support of
        // Morocco.") closes it and may state the response.
        if (closes_list(line)) {
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
        readers::deliver(options, report, path, item.line, sink, std::move(r));
    }
}

}  // namespace tawsiya
