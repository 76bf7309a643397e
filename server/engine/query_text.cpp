#include "engine/query_text.hpp"

#include <algorithm>
#include <cctype>

#include "tawsiya/text_scan.hpp"

namespace tawsiya::engine {

namespace {

bool is_name_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-';
}

// A field reference starting at `pos`: its length up to ':' and the canonical name, when the
// text at `pos` is `name:` with a name the parser knows.
struct FieldRef {
    std::size_t name_length = 0;
    std::string name;
};

bool at_word_start(std::string_view query, std::size_t pos) {
    if (pos == 0) return true;
    const char before = query[pos - 1];
    return before == ' ' || before == '\t' || before == '(' || before == '+' || before == '-';
}

bool field_at(std::string_view query, std::size_t pos, const std::vector<std::string>& fields,
              FieldRef& ref) {
    if (!at_word_start(query, pos)) return false;
    std::size_t end = pos;
    while (end < query.size() && is_name_char(query[end])) ++end;
    if (end == pos || end >= query.size() || query[end] != ':') return false;
    std::string name = scan::lower_ascii(query.substr(pos, end - pos));
    if (name.rfind("tag.", 0) == 0 || name.rfind("tag:", 0) == 0) {
        std::string tag = "tag_";
        for (const char c : name.substr(4)) tag.push_back(c == '-' || c == '.' ? '_' : c);
        name = tag;
    }
    if (std::find(fields.begin(), fields.end(), name) == fields.end()) return false;
    ref.name_length = end - pos;
    ref.name = std::move(name);
    return true;
}

}  // namespace

std::string canonical_fields(std::string_view query, const std::vector<std::string>& fields) {
    std::string out;
    out.reserve(query.size());
    bool in_quotes = false;
    for (std::size_t pos = 0; pos < query.size();) {
        FieldRef ref;
        if (!in_quotes && field_at(query, pos, fields, ref)) {
            out += ref.name;
            pos += ref.name_length;
            continue;
        }
        if (query[pos] == '"') in_quotes = !in_quotes;
        out.push_back(query[pos++]);
    }
    return out;
}

std::string free_text(std::string_view query, const std::vector<std::string>& fields) {
    std::string out;
    for (std::size_t pos = 0; pos < query.size();) {
        FieldRef ref;
        if (field_at(query, pos, fields, ref)) {
            // Skip the value: a quoted string or up to the next space.
            pos += ref.name_length + 1;
            if (pos < query.size() && query[pos] == '"') {
                const auto close = query.find('"', pos + 1);
                pos = close == std::string_view::npos ? query.size() : close + 1;
            } else {
                while (pos < query.size() && query[pos] != ' ' && query[pos] != ')') ++pos;
            }
            out.push_back(' ');
            continue;
        }
        const char c = query[pos++];
        out.push_back(c == '"' || c == '(' || c == ')' || c == '*' || c == '+' ? ' ' : c);
    }
    // Drop the boolean operators (upper case, as the parser reads them).
    std::string words;
    std::size_t start = 0;
    while (start < out.size()) {
        const auto end = std::min(out.find(' ', start), out.size());
        const std::string_view word = std::string_view(out).substr(start, end - start);
        if (!word.empty() && !is_query_operator(word) && word != "-") {
            if (!words.empty()) words.push_back(' ');
            words.append(word);
        }
        start = end + 1;
    }
    return words;
}

bool is_query_operator(std::string_view word) {
    for (const std::string_view op : {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"})
        if (word == op ||
            (word.size() > op.size() && word.substr(0, op.size()) == op && word[op.size()] == '/'))
            return true;
    return false;
}

std::size_t count_words(std::string_view words) {
    std::size_t count = 0;
    bool in_word = false;
    for (const char c : words) {
        const bool space = c == ' ' || c == '\t' || c == '\r' || c == '\n';
        if (!space && !in_word) ++count;
        in_word = !space;
    }
    return count;
}

std::string fold_case_except_operators(std::string_view text, const Analyzer& analyzer) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        std::size_t end = pos;
        while (end < text.size() && text[end] != ' ' && text[end] != '(' && text[end] != ')') ++end;
        const std::string_view word = text.substr(pos, end - pos);
        if (word.empty() || is_query_operator(word))
            out.append(word);
        else
            out.append(analyzer.normalize(word, /*fold_case=*/true));
        if (end < text.size()) out.push_back(text[end++]);
        pos = end;
    }
    return out;
}

}  // namespace tawsiya::engine
