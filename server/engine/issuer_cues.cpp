#include "engine/issuer_cues.hpp"

#include <algorithm>

#include "tawsiya/document_symbol.hpp"
#include "tawsiya/recommendation_text.hpp"
#include "tawsiya/state_names.hpp"

namespace tawsiya::matching {

namespace {

// How sure each cue is. They are not fitted to any evaluation set: a symbol is the document's
// own name for its issuer (what is left is a symbol quoted from another document); a formula is
// the mechanism's own way of writing (what is left is a text quoting another body); a state in
// parentheses at the end is how the UPR's reports credit a recommendation, but a treaty body's
// text may end with a parenthesis too.
constexpr double kSymbolReliability = 0.97;
constexpr double kFormulaReliability = 0.95;
constexpr double kStatesReliability = 0.9;

// Whether the text ends with a recommending state in parentheses: "(France);", "(Norvège) ;",
// "(النرويج)؛", "(France, Germany)".
bool ends_with_recommending_state(std::string_view text) {
    const auto close = text.find_last_of(')');
    if (close == std::string_view::npos ||
        text.substr(close + 1).find_first_not_of(" \t\r\n.;,:\xD8\x9B\xD8\x8C") !=
            std::string_view::npos)
        return false;
    const auto open = text.rfind('(', close);
    if (open == std::string_view::npos) return false;
    std::string_view inner = text.substr(open + 1, close - open - 1);
    inner = inner.substr(0, std::min(inner.find(','), inner.size()));  // the first of a list
    while (!inner.empty() && inner.front() == ' ') inner.remove_prefix(1);
    while (!inner.empty() && inner.back() == ' ') inner.remove_suffix(1);
    return !inner.empty() && is_state_name(inner);
}

std::string_view mechanism_of(FormulaWriter writer) {
    switch (writer) {
        case FormulaWriter::treaty_body:
            return "treaty_body";
        case FormulaWriter::special_procedure:
            return "special_procedure";
        case FormulaWriter::unknown:
            break;
    }
    return "";
}

}  // namespace

IssuerCues issuer_cues(std::string_view text, std::string_view context,
                       const std::optional<std::string>& symbol) {
    std::optional<std::string> found = symbol && !symbol->empty() ? symbol : std::nullopt;
    if (!found) found = find_document_symbol(text);
    if (!found && !context.empty()) found = find_document_symbol(context);
    const std::optional<SymbolIssuer> by_symbol =
        found ? symbol_issuer(*found) : std::optional<SymbolIssuer>();
    if (by_symbol && !by_symbol->body.empty())
        return {by_symbol->mechanisms, kSymbolReliability, by_symbol->body};

    FormulaWriter writer = addressing_formula_writer(text);
    if (writer == FormulaWriter::unknown && !context.empty())
        writer = addressing_formula_writer(context);
    const std::string by_formula(mechanism_of(writer));
    if (!by_formula.empty()) {
        const bool allowed =
            !by_symbol || std::find(by_symbol->mechanisms.begin(), by_symbol->mechanisms.end(),
                                    by_formula) != by_symbol->mechanisms.end();
        // A committee's formula in a Council document is a quotation: the symbol says more.
        if (allowed) return {{by_formula}, kFormulaReliability, ""};
    }
    if (by_symbol) return {by_symbol->mechanisms, kSymbolReliability, ""};
    if (ends_with_recommending_state(text)) return {{"upr"}, kStatesReliability, ""};
    return {};
}

}  // namespace tawsiya::matching
