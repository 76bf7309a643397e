// UPR Info CSV exports (docs/record-format.md): one recommendation per row, Mac Roman by default.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <optional>

#include "bad_input.hpp"
#include "csv_parser.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/reader.hpp"
#include "tawsiya/text_scan.hpp"
#include "text_decoding.hpp"
#include "upr_sessions.hpp"

namespace tawsiya {
namespace {

std::string trim(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\n");
    if (first == std::string_view::npos) return {};
    const auto last = s.find_last_not_of(" \t\n");
    return std::string(s.substr(first, last - first + 1));
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// "Accepted" and "Noted" are UPR Info's words for the state's position; the record format uses
// the UN's "supported" and "noted".
std::string map_response(const std::string& value) {
    const std::string v = lower(value);
    if (v.empty()) return {};
    if (v == "accepted" || v == "supported") return "supported";
    if (v == "noted" || v == "rejected" || v == "not accepted") return "noted";
    return v;
}

// The id is the export's name and the row: "sessions-1-5.csv" row 2 is "uprinfo:1-5:2", the id
// the shared corpus gives the same recommendation, so importing both replaces instead of doubling.
std::string id_prefix(const std::string& path) {
    const std::string stem = std::filesystem::path(path).stem().string();
    // "session12", "Sessions_1-5", "sessions 7": the number or range.
    if (scan::equals_at_icase(stem, 0, "session")) {
        std::size_t at = 7;
        if (at < stem.size() && scan::lower(stem[at]) == 's') ++at;
        if (at < stem.size() && (stem[at] == '-' || stem[at] == '_' || stem[at] == ' ')) ++at;
        const std::size_t first = scan::skip_digits(stem, at);
        std::size_t end = first;
        if (end + 1 < stem.size() && stem[end] == '-' && scan::is_digit(stem[end + 1]))
            end = scan::skip_digits(stem, end + 1);
        if (first > at && end == stem.size()) return "uprinfo:" + stem.substr(at);
    }
    return "uprinfo:" + stem;
}

class Columns {
  public:
    explicit Columns(const std::vector<std::string>& header) {
        for (std::size_t i = 0; i < header.size(); ++i) index_[lower(trim(header[i]))] = i;
    }
    bool has(const std::string& name) const { return index_.count(lower(name)) != 0; }
    std::string get(const std::vector<std::string>& row, const std::string& name) const {
        const auto it = index_.find(lower(name));
        if (it == index_.end() || it->second >= row.size()) return {};
        return trim(row[it->second]);
    }

  private:
    std::map<std::string, std::size_t> index_;
};

Record make_record(const Columns& columns, const std::vector<std::string>& row,
                   const std::string& id) {
    Record r;
    r.id = id;
    const std::string text = columns.get(row, "Text");
    if (text.empty()) throw FormatError("empty `Text`");
    r.text[Lang::en] = text;
    r.mechanism = "upr";
    r.body = "UPR";
    r.state = columns.get(row, "To");
    if (const std::string from = columns.get(row, "From"); !from.empty())
        r.recommending_states.push_back(from);
    if (const std::string session = columns.get(row, "Session"); !session.empty()) {
        if (session.find_first_not_of("0123456789") != std::string::npos || session.size() > 3)
            throw FormatError("`Session` is not a session number: '" + session + "'");
        r.session = std::stoi(session);
        r.year = readers::upr_session_year(*r.session);
        r.cycle = readers::upr_session_cycle(*r.session);
    }
    r.response = map_response(columns.get(row, "Response"));
    if (const std::string action = columns.get(row, "Action"); !action.empty())
        r.tags["uprinfo_action"] = {action};
    std::vector<std::string> issues;
    const std::string issue_list = columns.get(row, "Issue");
    for (std::size_t start = 0; start <= issue_list.size();) {
        const std::size_t comma = std::min(issue_list.find(',', start), issue_list.size());
        if (std::string issue = trim(issue_list.substr(start, comma - start)); !issue.empty())
            issues.push_back(std::move(issue));
        start = comma + 1;
    }
    if (!issues.empty()) r.tags["uprinfo_issue"] = std::move(issues);
    r.source = "uprinfo-csv";
    return r;
}

}  // namespace

void read_uprinfo_csv(const std::string& path, const ReadOptions& options, const RecordSink& sink,
                      ReadReport& report) {
    const std::string text = readers::normalize_line_endings(
        readers::decode_to_utf8(readers::read_file_bytes(path), options.encoding, path));
    readers::CsvParser parser(text);
    std::vector<std::string> row;
    std::size_t line = 0;
    if (!parser.next(row, line)) {
        readers::reject(options, report, path, 1, "empty file");
        return;
    }
    const Columns columns(row);
    if (!columns.has("Text") || !columns.has("To"))
        throw InputError(path, line,
                         "not a UPR Info export: the header has no `Text` or `To` column");
    const std::size_t width = row.size();
    const std::string prefix = id_prefix(path);
    std::size_t row_number = 1, rows = 0;
    bool broken = false;
    try {
        while (parser.next(row, line)) {
            ++row_number;
            ++rows;
            if (row.size() != width) {
                readers::reject(options, report, path, line,
                                "expected " + std::to_string(width) + " fields, found " +
                                    std::to_string(row.size()));
                continue;
            }
            Record record;
            try {
                record = make_record(columns, row, prefix + ":" + std::to_string(row_number));
            } catch (const FormatError& e) {
                readers::reject(options, report, path, line, e.what());
                continue;
            }
            readers::deliver(options, report, path, line, sink, std::move(record));
        }
    } catch (const FormatError& e) {  // an unterminated quote: nothing after it can be read
        broken = true;
        readers::reject(options, report, path, line, e.what());
    }
    if (rows == 0 && !broken) readers::reject(options, report, path, 1, "no rows under the header");
}

}  // namespace tawsiya
