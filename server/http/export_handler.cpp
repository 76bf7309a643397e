#include "http/export_handler.hpp"

#include <charconv>

#include <xapian.h>

#include "http/search_params.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/result_json.hpp"

namespace tawsiya::http {

namespace {

enum class Format { csv, jsonl };

// The Searcher's own page-size cap: the export asks it for pages of this many hits.
std::size_t export_page_size(const SearchLimits& limits) {
    return limits.max_page_size == 0 ? 1 : limits.max_page_size;
}

std::size_t parse_limit(const std::string& value) {
    std::size_t number = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (ec != std::errc() || end != value.data() + value.size() || number < 1 ||
        number > kMaxExportRecords)
        throw UsageError("limit",
                         "must be an integer between 1 and " + std::to_string(kMaxExportRecords));
    return number;
}

void append_csv_cell(std::string& out, std::string_view cell) {
    // A leading = + - @ makes spreadsheet programs evaluate the cell (CSV injection).
    const bool formula =
        !cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@');
    out += '"';
    if (formula) out += '\'';
    for (const char c : cell) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += "; ";
        out += item;
    }
    return out;
}

std::string tags_cell(const std::map<std::string, std::vector<std::string>>& tags) {
    std::string out;
    for (const auto& [scheme, labels] : tags)
        for (const auto& label : labels) {
            if (!out.empty()) out += "; ";
            out += scheme + ":" + label;
        }
    return out;
}

std::string number_cell(const std::optional<int>& number) {
    return number ? std::to_string(*number) : std::string();
}

constexpr std::string_view kCsvHeader =
    "id,mechanism,body,state,year,cycle,session,symbol,paragraph,recommending_states,response,"
    "status,responsible,tags,text_lang,text\r\n";

void append_csv_row(std::string& out, const SearchHit& hit) {
    const Record& r = hit.record;
    const auto text = r.text.find(hit.display_lang);
    const std::string cells[] = {
        r.id,
        r.mechanism,
        r.body,
        r.state,
        number_cell(r.year),
        number_cell(r.cycle),
        number_cell(r.session),
        r.symbol,
        r.paragraph,
        joined(r.recommending_states),
        r.response,
        r.status,
        joined(r.responsible),
        tags_cell(r.tags),
        text == r.text.end() ? std::string() : std::string(lang_code(hit.display_lang)),
        text == r.text.end() ? std::string() : text->second};
    bool first = true;
    for (const auto& cell : cells) {
        if (!first) out += ',';
        first = false;
        append_csv_cell(out, cell);
    }
    out += "\r\n";
}

void append_jsonl_row(std::string& out, const SearchHit& hit) {
    rapidjson::StringBuffer buffer;
    JsonWriter writer(buffer);
    write_json(writer, hit.record);
    out.append(buffer.GetString(), buffer.GetSize());
    out += '\n';
}

}  // namespace

ExportStream::ExportStream(const QueryParams& params, const SearchLimits& limits) {
    QueryParams search_params;
    for (const auto& [name, value] : params) {
        if (name == "format") {
            if (value == "csv")
                csv_ = true;
            else if (value == "jsonl")
                csv_ = false;
            else
                throw UsageError("format", "must be csv or jsonl");
        } else if (name == "limit") {
            limit_ = parse_limit(value);
        } else if (name == "page" || name == "size" || name == "facets") {
            throw UsageError(name, "is not an export parameter; use limit");
        } else {
            search_params.emplace_back(name, value);
        }
    }
    request_ = parse_search_params(search_params, limits);
    request_.facets = false;
    request_.size = export_page_size(limits);
    request_.page = 1;
    max_page_ = limits.max_page;
    content_type_ = csv_ ? "text/csv; charset=utf-8" : "application/x-ndjson";
    filename_ = csv_ ? "tawsiya-export.csv" : "tawsiya-export.jsonl";
}

bool ExportStream::next(Searcher& searcher, std::string& out) {
    const std::size_t before = out.size();
    if (!started_) {
        started_ = true;
        if (csv_) {
            out += "\xEF\xBB\xBF";
            out += kCsvHeader;
        }
    }
    if (done_ || written_ >= limit_ || request_.page > max_page_) return out.size() > before;
    SearchResult result;
    try {
        result = searcher.search(request_);
    } catch (const Xapian::DatabaseModifiedError&) {
        // The indexer committed twice while we read: the next pages come from the new revision,
        // as a user paging through the results would see them.
        searcher.reopen();
        result = searcher.search(request_);
    }
    for (const auto& hit : result.hits) {
        if (written_ == limit_) break;
        if (csv_)
            append_csv_row(out, hit);
        else
            append_jsonl_row(out, hit);
        ++written_;
    }
    ++request_.page;
    if (result.hits.size() < request_.size) done_ = true;
    return out.size() > before;
}

}  // namespace tawsiya::http
