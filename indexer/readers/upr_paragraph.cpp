#include "upr_paragraph.hpp"

#include <array>
#include <cctype>
#include <optional>
#include <string_view>
#include <utility>

#include "tawsiya/text_scan.hpp"

#include "tawsiya/state_names.hpp"

namespace tawsiya::readers {
namespace {

struct Group {
    std::size_t open, close;  // positions of '(' and its matching ')'
};

// Top-level balanced parenthesised groups.
std::vector<Group> find_groups(std::string_view s) {
    std::vector<Group> groups;
    int depth = 0;
    std::size_t open = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '(') {
            if (depth++ == 0) open = i;
        } else if (s[i] == ')' && depth > 0) {
            if (--depth == 0) groups.push_back({open, i});
        }
    }
    return groups;
}

std::string trim(std::string_view s) {
    return std::string(scan::trim(s));
}

// Splits on top-level commas and semicolons.
std::vector<std::string> split_list(std::string_view s) {
    std::vector<std::string> items;
    int depth = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i < s.size() && s[i] == '(') ++depth;
        if (i < s.size() && s[i] == ')') --depth;
        if (i == s.size() || ((s[i] == ',' || s[i] == ';') && depth == 0)) {
            if (auto item = trim(s.substr(start, i - start)); !item.empty())
                items.push_back(std::move(item));
            start = i + 1;
        }
    }
    return items;
}

// "France and Spain" is two states, "Antigua and Barbuda" one.
bool split_states(const std::string& content, std::vector<std::string>& out) {
    std::vector<std::string> states;
    for (std::string item : split_list(content)) {
        if (item.rfind("and ", 0) == 0) item = trim(item.substr(4));
        if (is_state_name(item)) {
            states.push_back(item);
            continue;
        }
        const auto and_at = item.find(" and ");
        if (and_at != std::string::npos && is_state_name(item.substr(0, and_at)) &&
            is_state_name(item.substr(and_at + 5))) {
            states.push_back(trim(item.substr(0, and_at)));
            states.push_back(trim(item.substr(and_at + 5)));
            continue;
        }
        return false;
    }
    if (states.empty()) return false;
    out = std::move(states);
    return true;
}

// A state name this list lacks still reads like one: capitalised words, no digits, none of the
// words that name instruments, plans or bodies.
bool reads_like_states(const std::string& content, std::vector<std::string>& out) {
    if (content.empty() ||
        scan::contains_word(
            content,
            {"Protocol",   "Principles",  "Rules",     "Convention", "Covenant",  "Plan",
             "Act",        "Law",         "Code",      "Strategy",   "Charter",   "Statute",
             "Guidelines", "Declaration", "Committee", "Council",    "Programme", "Program",
             "Agenda",     "Goal",        "Goals",     "Article",    "Rights"},
            false))
        return false;
    for (unsigned char c : content)
        if (std::isdigit(c)) return false;
    std::vector<std::string> items = split_list(content);
    for (const auto& item : items) {
        if (!std::isupper(static_cast<unsigned char>(item[0]))) return false;
        if (item.size() <= 5 && item.find(' ') == std::string::npos) return false;  // "OPCAT"
    }
    out = std::move(items);
    return !out.empty();
}

bool only_terminators_after(std::string_view s, std::size_t pos) {
    return s.find_first_not_of(" \t\n;.,", pos) == std::string_view::npos;
}

std::string collapse_spaces(std::string_view s) {
    std::string out;
    for (char c : s) {
        const bool space = c == ' ' || c == '\t' || c == '\n';
        if (space && (out.empty() || out.back() == ' ')) continue;
        out += space ? ' ' : c;
    }
    while (!out.empty() && (out.back() == ' ' || out.back() == ';' || out.back() == ',' ||
                            out.back() == '.' || out.back() == ':'))
        out.pop_back();
    return out;
}

// A leading paragraph number, "129.4." or "129.4 ", and where the text after it starts: groups of
// one to three digits joined by dots, an optional final dot, then blanks.
std::optional<std::pair<std::string, std::size_t>> leading_number(std::string_view s) {
    const auto group_end = [&](std::size_t at) {  // a run of 1 to 3 digits, or npos
        const std::size_t end = scan::skip_digits(s, at);
        return end > at && end - at <= 3 ? end : std::string_view::npos;
    };
    const std::size_t start = scan::skip_spaces(s);
    std::size_t end = group_end(start);
    if (end == std::string_view::npos) return std::nullopt;
    while (end + 1 < s.size() && s[end] == '.' && scan::is_digit(s[end + 1])) {
        const std::size_t next = group_end(end + 1);
        if (next == std::string_view::npos) return std::nullopt;
        end = next;
    }
    const std::size_t after = end < s.size() && s[end] == '.' ? end + 1 : end;
    const std::size_t text = scan::skip_spaces(s, after);
    if (text == after) return std::nullopt;
    return std::pair{std::string(s.substr(start, end - start)), text};
}

}  // namespace

UprParagraph split_upr_paragraph(std::string_view paragraph) {
    UprParagraph result;
    std::string body(paragraph);
    if (const auto number = leading_number(body)) {
        result.number = number->first;
        body.erase(0, number->second);
    }

    std::string text;
    std::size_t copied = 0;
    const auto groups = find_groups(body);
    for (std::size_t g = 0; g < groups.size(); ++g) {
        const Group group = groups[g];
        const std::string content = body.substr(group.open + 1, group.close - group.open - 1);
        std::vector<std::string> states;
        const bool last = only_terminators_after(body, group.close + 1);
        if (!split_states(content, states) && !(last && reads_like_states(content, states)))
            continue;
        text += body.substr(copied, group.open - copied);
        text += ' ';
        result.states.insert(result.states.end(), states.begin(), states.end());
        // The separator after the states (";", "." or ",") goes with them.
        copied = group.close + 1;
        while (copied < body.size() && (body[copied] == ' ' || body[copied] == '\t')) ++copied;
        if (copied < body.size() &&
            (body[copied] == ';' || body[copied] == '.' || body[copied] == ','))
            ++copied;
    }
    text += body.substr(std::min(copied, body.size()));
    result.text = collapse_spaces(text);
    return result;
}

}  // namespace tawsiya::readers
