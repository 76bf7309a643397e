#include "tawsiya/document_symbol.hpp"

#include <array>

#include "tawsiya/text_scan.hpp"

namespace tawsiya {

namespace {

// A symbol is found by plain scanning, not std::regex: libstdc++'s matcher recurses once per
// character of a `[A-Za-z0-9./-]+` run, and a run of some 20,000 characters (a `context` of
// POST /api/match, a pasted line) overflowed the stack (found by http_batch_fuzz's inputs).
//
// The grammar: a committee's prefix and series ("CAT/C/", "CAT/OP/", "E/C.12/"), or the
// Council's ("A/HRC/"), then the rest of the symbol: upper-case letters, digits, dots, dashes
// and slashes ("MAR/CO/3-4", "36/6/Add.1"). The prefix must start a word: "XCAT/C/1" is none.

bool is_symbol_char(char c) {
    return scan::is_alpha(c) || scan::is_digit(c) || c == '.' || c == '/' || c == '-';
}

// The end of the run of symbol characters from `from`, `from` itself when there is none.
std::size_t skip_symbol_chars(std::string_view s, std::size_t from) {
    while (from < s.size() && is_symbol_char(s[from])) ++from;
    return from;
}

// The end of the symbol starting at `at`; `at` itself when none starts there.
std::size_t symbol_end(std::string_view s, std::size_t at) {
    const std::string_view rest = s.substr(at);
    static constexpr std::array<std::string_view, 8> kCommittees = {"CAT", "CCPR", "CEDAW", "CERD",
                                                                    "CRC", "CRPD", "CED",   "CMW"};
    for (const std::string_view committee : kCommittees) {
        if (!rest.starts_with(committee) || rest.substr(committee.size(), 1) != "/") continue;
        for (const std::string_view series : {"C/", "OP/"}) {
            const std::size_t tail = at + committee.size() + 1 + series.size();
            if (rest.substr(committee.size() + 1).starts_with(series) &&
                skip_symbol_chars(s, tail) > tail)
                return skip_symbol_chars(s, tail);
        }
    }
    if (rest.starts_with("E/C.12/")) {
        const std::size_t tail = at + 7;
        if (skip_symbol_chars(s, tail) > tail) return skip_symbol_chars(s, tail);
    }
    if (rest.starts_with("A/HRC/")) {
        const std::size_t tail = at + 6;
        if (rest.substr(6).starts_with("WG.6/") && skip_symbol_chars(s, tail + 5) > tail + 5)
            return skip_symbol_chars(s, tail + 5);  // "/Add.N" is inside the run already
        const std::size_t session = scan::skip_digits(s, tail);
        if (session == tail || session >= s.size() || s[session] != '/') return at;
        std::size_t end = scan::skip_digits(s, session + 1);
        if (end == session + 1) return at;
        if (s.substr(end).starts_with("/Add.") && scan::skip_digits(s, end + 5) > end + 5)
            end = scan::skip_digits(s, end + 5);
        return end;
    }
    return at;
}

}  // namespace

std::optional<std::string> find_document_symbol(std::string_view text) {
    for (std::size_t at = 0; at < text.size(); ++at) {
        // Where a word starts: at the beginning, or after anything but a letter, digit or slash.
        if (at > 0 &&
            (scan::is_alpha(text[at - 1]) || scan::is_digit(text[at - 1]) || text[at - 1] == '/'))
            continue;
        const std::size_t end = symbol_end(text, at);
        if (end == at) continue;
        std::string symbol(text.substr(at, end - at));
        // A symbol ending a sentence ("... CAT/C/MAR/CO/4.") keeps no stop or slash.
        while (!symbol.empty() &&
               (symbol.back() == '.' || symbol.back() == '/' || symbol.back() == '-'))
            symbol.pop_back();
        return symbol;
    }
    return std::nullopt;
}

std::optional<SymbolIssuer> symbol_issuer(std::string_view symbol) {
    if (symbol.starts_with("A/HRC/")) {
        // The documents before a review (WG.6: the national report, the compilations) quote
        // every mechanism's recommendations: they say nothing of a paragraph's issuer.
        if (symbol.starts_with("A/HRC/WG.6/")) return std::nullopt;
        // A Working Group report of the UPR (A/HRC/36/6) and a special procedure's report
        // (A/HRC/35/23/Add.3) are numbered alike.
        return SymbolIssuer{{"upr", "special_procedure"}, ""};
    }
    if (symbol.starts_with("E/C.12/")) return SymbolIssuer{{"treaty_body"}, "CESCR"};
    if (symbol.starts_with("CAT/OP/")) return SymbolIssuer{{"treaty_body"}, "SPT"};
    const auto slash = symbol.find('/');
    if (slash == std::string_view::npos) return std::nullopt;
    const std::string_view committee = symbol.substr(0, slash);
    for (const char* known : {"CAT", "CCPR", "CEDAW", "CERD", "CRC", "CRPD", "CED", "CMW"})
        if (committee == known && symbol.substr(slash).starts_with("/C/"))
            return SymbolIssuer{{"treaty_body"}, std::string(committee)};
    return std::nullopt;
}

}  // namespace tawsiya
