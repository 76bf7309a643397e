// The lexicon files' shape (lexicon/*.tsv): tab-separated lines, # comments, CRLF tolerated.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace tawsiya::tsv {

inline std::vector<std::string_view> split_tabs(std::string_view line) {
    std::vector<std::string_view> fields;
    std::size_t start = 0;
    for (;;) {
        const std::size_t tab = line.find('\t', start);
        fields.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
        if (tab == std::string_view::npos) return fields;
        start = tab + 1;
    }
}

// Each line of a tab-separated file that is neither empty nor a comment, with its number.
template <typename Visit>
void for_each_line(std::string_view tsv, Visit visit) {
    std::size_t start = 0, line_number = 0;
    while (start < tsv.size()) {
        std::size_t end = tsv.find('\n', start);
        if (end == std::string_view::npos) end = tsv.size();
        std::string_view line = tsv.substr(start, end - start);
        start = end + 1;
        ++line_number;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line[0] == '#') continue;
        visit(line, line_number);
    }
}

}  // namespace tawsiya::tsv
