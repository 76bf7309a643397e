// GET /api/export: a search result list for a spreadsheet or a script, with the search's
// parameters (q, lang, filters, years, sort...) plus format=csv|jsonl and limit (at most
// kMaxExportRecords). The records are read from the Searcher a page at a time, so the index is
// asked for no more than one page at once; the body holds at most the cap.
#pragma once

#include <cstddef>
#include <string>

#include "http/url_codec.hpp"
#include "tawsiya/search.hpp"

namespace tawsiya::http {

inline constexpr std::size_t kMaxExportRecords = 10000;

struct ExportBody {
    std::string content_type;  // "text/csv; charset=utf-8" or "application/x-ndjson"
    std::string filename;      // for Content-Disposition: "tawsiya-export.csv"
    std::string body;
};

// CSV: UTF-8 with a byte-order mark (spreadsheets then read Arabic right), CRLF, RFC 4180 quoting,
// one column per field; a cell starting with = + - @ gets a leading ' so no spreadsheet runs it as
// a formula. JSON lines: one record per line in the API's record shape, with its score.
// Throws UsageError/LimitError naming the parameter, as the search does.
ExportBody handle_export(Searcher& searcher, const QueryParams& params, const SearchLimits& limits);

}  // namespace tawsiya::http
