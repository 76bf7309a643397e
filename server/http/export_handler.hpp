// GET /api/export: a search result list for a spreadsheet or a script, with the search's
// parameters (q, lang, filters, years, sort...) plus format=csv|jsonl and limit (at most
// kMaxExportRecords). The records are read from the Searcher a page at a time and written as
// they are read: the index is asked for one page at once, and one page is held in memory.
#pragma once

#include <cstddef>
#include <string>

#include "http/url_codec.hpp"
#include "tawsiya/search.hpp"

namespace tawsiya::http {

inline constexpr std::size_t kMaxExportRecords = 10000;

// An export written as it is read (GET /api/export is answered chunked): next() appends the next
// page of rows, so no more than one page is held at once, whatever the limit. The Searcher is
// given to each call, not kept: the page is written from whichever worker thread runs the
// connection's next step, and each uses its own Searcher.
class ExportStream {
  public:
    // Reads the parameters; throws UsageError/LimitError naming one, before anything is sent.
    ExportStream(const QueryParams& params, const SearchLimits& limits);

    const std::string& content_type() const { return content_type_; }  // "text/csv; ..."
    const std::string& filename() const { return filename_; }          // "tawsiya-export.csv"

    // Appends the next page of rows to `out` (the CSV's BOM and header before the first) and
    // returns true, or returns false when every row has been written.
    bool next(Searcher& searcher, std::string& out);

  private:
    bool csv_ = true;
    std::size_t limit_ = kMaxExportRecords;
    std::size_t max_page_ = 0;
    SearchRequest request_;
    std::size_t written_ = 0;
    bool started_ = false;
    bool done_ = false;
    std::string content_type_, filename_;
};

// CSV: UTF-8 with a byte-order mark (spreadsheets then read Arabic right), CRLF, RFC 4180 quoting,
// one column per field; a cell starting with = + - @ gets a leading ' so no spreadsheet runs it as
// a formula. JSON lines: one record per line in the API's record shape, with its score.

}  // namespace tawsiya::http
