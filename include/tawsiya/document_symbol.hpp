// UN document symbols ("CAT/C/MAR/CO/4", "E/C.12/MAR/CO/4", "A/HRC/36/6") and what they say of the
// body that issued the document: a treaty body's symbol names its committee outright, a Human
// Rights Council symbol is a UPR Working Group report or a special procedure's report.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tawsiya {

// The first UN document symbol in `text` of a treaty body (CAT/C/..., CAT/OP/..., CCPR/C/...,
// CEDAW/C/..., CERD/C/..., CRC/C/..., CRPD/C/..., CED/C/..., CMW/C/..., E/C.12/...) or of the
// Human Rights Council (A/HRC/NN/NN, A/HRC/WG.6/...), without trailing punctuation; none if none.
std::optional<std::string> find_document_symbol(std::string_view text);

struct SymbolIssuer {
    // The mechanisms the symbol allows: "treaty_body" for a committee's, "upr" and
    // "special_procedure" for a Council document (which of the two, its wording says).
    std::vector<std::string> mechanisms;
    std::string body;  // the committee ("CAT", "CESCR" for E/C.12, "SPT" for CAT/OP), or empty
};

// What `symbol` says of its issuer; none for a symbol of another kind or one that says nothing of
// it (A/HRC/WG.6/...: the documents before a review, which quote every mechanism).
std::optional<SymbolIssuer> symbol_issuer(std::string_view symbol);

}  // namespace tawsiya
