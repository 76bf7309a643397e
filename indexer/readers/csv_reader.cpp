// CSV exports (docs/record-format.md): one recommendation per row. UPR Info's exports are known
// by their header (the older `To,...,Text,...` one and the current `SuR;Rgrp;Org;Recommendation;
// RS;...`); any other export is read through a `--columns` mapping (csv_mapping.hpp).
#include <filesystem>

#include "bad_input.hpp"
#include "csv_mapping.hpp"
#include "csv_parser.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/reader.hpp"
#include "tawsiya/text_scan.hpp"
#include "text_decoding.hpp"

namespace tawsiya {
namespace {

// The id is the export's name and the row: "sessions-1-5.csv" row 2 is "uprinfo:1-5:2", the id
// the shared corpus gives the same recommendation, so importing both replaces instead of doubling.
std::string uprinfo_id_prefix(const std::string& path) {
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

bool has_column(const std::vector<std::string>& header, std::string_view name) {
    for (const auto& h : header) {
        const std::size_t first = scan::skip_spaces(h);
        std::size_t last = h.size();
        while (last > first && scan::is_space(h[last - 1])) --last;
        if (last - first == name.size() && scan::equals_at_icase(h, first, name)) return true;
    }
    return false;
}

// UPR Info's two exports, as mappings. Both give the same records: regional groups and
// organisations (To-Rgrp, To-Org, From-Rgrp, From-Org; the current export's two `Rgrp` and two
// `Org`) are not part of the record format.
readers::CsvMapping uprinfo_mapping(bool current) {
    readers::CsvMapping m = readers::parse_csv_mapping(
        std::string(current ? "text.en=Recommendation\nstate=SuR\nrecommending_states=RS[]\n"
                            : "text.en=Text\nstate=To\nrecommending_states=From[]\n") +
        "response=Response\ntags.uprinfo_action=Action[]\ntags.uprinfo_issue=Issue[,]\n"
        "session=Session\nmechanism=\"upr\"\nbody=\"UPR\"\nsource=\"uprinfo-csv\"");
    // Older files and hand-made extracts lack some columns; the text and the state are there
    // (the header was recognised by them).
    for (auto& rule : m.rules) rule.optional = rule.field != "text.en" && rule.field != "state";
    return m;
}

}  // namespace

void read_csv(const std::string& path, const ReadOptions& options, const RecordSink& sink,
              ReadReport& report) {
    const std::string text = readers::normalize_line_endings(
        readers::decode_to_utf8(readers::read_file_bytes(path), options.encoding, path));
    readers::CsvParser parser(text, readers::detect_separator(text));
    std::vector<std::string> row;
    std::size_t line = 0;
    if (!parser.next(row, line)) {
        readers::reject(options, report, path, 1, "empty file");
        return;
    }
    std::string prefix;
    readers::CsvMapping mapping;
    if (!options.columns.empty()) {
        mapping = readers::parse_csv_mapping(options.columns);
        prefix = "csv:" + std::filesystem::path(path).stem().string();
    } else if (has_column(row, "Text") && has_column(row, "To")) {
        mapping = uprinfo_mapping(false);
        prefix = uprinfo_id_prefix(path);
    } else if (has_column(row, "Recommendation") && has_column(row, "SuR")) {
        mapping = uprinfo_mapping(true);
        prefix = uprinfo_id_prefix(path);
    } else {
        throw InputError(path, line,
                         "not a UPR Info export: the header has neither `Text` and `To` nor "
                         "`Recommendation` and `SuR` columns; map another export's columns "
                         "with --columns (docs/record-format.md)");
    }
    std::optional<readers::BoundMapping> bound;
    try {
        bound.emplace(mapping, row);
    } catch (const FormatError& e) {
        throw InputError(path, line, e.what());
    }
    const std::size_t width = row.size();
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
                record = bound->make_record(row, prefix + ":" + std::to_string(row_number));
            } catch (const FormatError& e) {
                readers::reject(options, report, path, line, e.what());
                continue;
            }
            if (record.source.empty()) record.source = prefix;
            readers::deliver(options, report, path, line, sink, std::move(record));
        }
    } catch (const FormatError& e) {  // an unterminated quote: nothing after it can be read
        broken = true;
        readers::reject(options, report, path, line, e.what());
    }
    if (rows == 0 && !broken) readers::reject(options, report, path, 1, "no rows under the header");
}

}  // namespace tawsiya
