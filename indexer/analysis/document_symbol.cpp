#include "tawsiya/document_symbol.hpp"

#include <regex>

namespace tawsiya {

namespace {

// A committee's prefix and series ("CAT/C/", "CAT/OP/", "E/C.12/"), or the Council's ("A/HRC/"),
// then the rest of the symbol: upper-case letters, digits, dots, dashes and slashes ("MAR/CO/3-4",
// "36/6/Add.1"). The prefix must start a word: "XCAT/C/1" is none.
const std::regex& symbol_pattern() {
    static const std::regex pattern(
        R"((?:^|[^A-Za-z0-9/])((?:CAT|CCPR|CEDAW|CERD|CRC|CRPD|CED|CMW)/(?:C|OP)/[A-Za-z0-9./-]+|E/C\.12/[A-Za-z0-9./-]+|A/HRC/(?:\d+/\d+|WG\.6/[A-Za-z0-9./-]+)(?:/Add\.\d+)?))");
    return pattern;
}

}  // namespace

std::optional<std::string> find_document_symbol(std::string_view text) {
    std::match_results<std::string_view::const_iterator> m;
    if (!std::regex_search(text.begin(), text.end(), m, symbol_pattern())) return std::nullopt;
    std::string symbol = m[1].str();
    // A symbol ending a sentence ("... CAT/C/MAR/CO/4.") keeps no stop or slash.
    while (!symbol.empty() &&
           (symbol.back() == '.' || symbol.back() == '/' || symbol.back() == '-'))
        symbol.pop_back();
    return symbol;
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
