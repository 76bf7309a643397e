// RFC 4180 CSV over UTF-8 text with LF line endings (private to indexer/readers): quoted fields
// may hold commas, doubled quotes and line breaks.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tawsiya::readers {

class CsvParser {
  public:
    explicit CsvParser(std::string_view text) : text_(text) {}

    // Reads the next row into `fields`; false at the end. `line` is the line the row starts on.
    // Throws FormatError for a quoted field that never ends (the rest of the file is unreadable).
    bool next(std::vector<std::string>& fields, std::size_t& line);

  private:
    std::string_view text_;
    std::size_t pos_ = 0;
    std::size_t line_ = 1;
};

}  // namespace tawsiya::readers
