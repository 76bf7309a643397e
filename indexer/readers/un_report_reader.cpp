// The plain text of a UPR Working Group report (docs/record-format.md, "UN reports"): the
// numbered paragraphs of its "Conclusions and/or recommendations" section become records.
//
// The section is split by the one document splitter (document_split.hpp, indexer/split/), which
// reads both numbering styles through the page furniture of PDF extractions. Here: the report's
// header (symbol, session, state), each item's recommending states, and its response, which its
// list's introduction or a sentence after the list states.
#include <algorithm>
#include <filesystem>
#include <optional>
#include <string_view>

#include "../analysis/language_detector.hpp"
#include "bad_input.hpp"
#include "tawsiya/analyzer.hpp"
#include "tawsiya/document_file.hpp"
#include "tawsiya/document_split.hpp"
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
    // The one splitter (document_split.hpp) reads the section's items, whatever the cycle.
    // (The language is given, so the analyzer is not asked for it.)
    static const Analyzer analyzer;
    const SplitDocument split = split_document(text, analyzer, Lang::en);
    if (split.kind != DocumentKind::upr_report) {
        readers::reject(options, report, path, 1,
                        "no \"Conclusions and/or recommendations\" section: not a UPR Working "
                        "Group report");
        return;
    }

    const std::string stem = std::filesystem::path(path).stem().string();
    for (const DocumentParagraph& item : split.paragraphs) {
        readers::UprParagraph parts = readers::split_upr_paragraph(item.text);
        if (parts.text.empty()) {
            readers::reject(options, report, path, item.line,
                            "recommendation " + item.number + " has no text");
            continue;
        }
        // The response its list's introduction states, or the sentence closing the list.
        std::string response = response_in(item.context);
        if (response.empty()) response = response_in(item.note);
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
        r.response = response;
        r.source = "un-report:" + stem;
        readers::deliver(options, report, path, item.line, sink, std::move(r));
    }
}

}  // namespace tawsiya
