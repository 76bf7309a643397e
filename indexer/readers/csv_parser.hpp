// RFC 4180 CSV over UTF-8 text with LF line endings (private to indexer/readers): quoted fields
// may hold the separator, doubled quotes and line breaks. The separator is a comma, or what the
// header uses (UPR Info's current export and spreadsheets set to French locales use `;`).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tawsiya::readers {

// The separator of `text`: whichever of `,`, `;` and tab its first line holds most, outside
// quotes; a comma when none.
char detect_separator(std::string_view text);

class CsvParser {
  public:
    explicit CsvParser(std::string_view text, char separator = ',')
        : text_(text), separator_(separator) {}

    // Reads the next row into `fields`; false at the end. `line` is the line the row starts on.
    // Throws FormatError for a quoted field that never ends (the rest of the file is unreadable).
    bool next(std::vector<std::string>& fields, std::size_t& line);

  private:
    std::string_view text_;
    char separator_;
    std::size_t pos_ = 0;
    std::size_t line_ = 1;
};

}  // namespace tawsiya::readers
