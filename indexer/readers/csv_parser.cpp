#include "csv_parser.hpp"

#include "tawsiya/error.hpp"

namespace tawsiya::readers {

char detect_separator(std::string_view text) {
    std::size_t commas = 0, semicolons = 0, tabs = 0;
    bool quoted = false;
    for (const char c : text) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == '\n') break;
        commas += c == ',';
        semicolons += c == ';';
        tabs += c == '\t';
    }
    if (semicolons > commas && semicolons >= tabs) return ';';
    if (tabs > commas && tabs > semicolons) return '\t';
    return ',';
}

bool CsvParser::next(std::vector<std::string>& fields, std::size_t& line) {
    fields.clear();
    // Blank lines between rows are not rows.
    while (pos_ < text_.size() && text_[pos_] == '\n') {
        ++pos_;
        ++line_;
    }
    if (pos_ >= text_.size()) return false;
    line = line_;
    std::string field;
    bool quoted = false;
    const std::size_t quote_line = line_;
    while (pos_ < text_.size()) {
        const char c = text_[pos_++];
        if (quoted) {
            if (c == '"') {
                if (pos_ < text_.size() && text_[pos_] == '"') {
                    field += '"';
                    ++pos_;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n') ++line_;
                field += c;
            }
        } else if (c == '"' && field.find_first_not_of(" \t") == std::string::npos) {
            field.clear();  // spaces before an opening quote are not content
            quoted = true;
        } else if (c == separator_) {
            fields.push_back(std::move(field));
            field.clear();
        } else if (c == '\n') {
            ++line_;
            break;
        } else {
            field += c;
        }
    }
    if (quoted)
        throw FormatError("a quoted field opened on line " + std::to_string(quote_line) +
                          " never ends");
    fields.push_back(std::move(field));
    return true;
}

}  // namespace tawsiya::readers
