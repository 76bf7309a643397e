// UN document symbols: found in a text, and what they say of the body that issued the document.
#include <catch2/catch.hpp>
#include <string>

#include "tawsiya/document_symbol.hpp"

using namespace tawsiya;

TEST_CASE("a document symbol is found in a text without its trailing punctuation", "[symbol]") {
    CHECK(find_document_symbol("Observations finales (CAT/C/MAR/CO/4), par. 12.") ==
          "CAT/C/MAR/CO/4");
    CHECK(find_document_symbol("See CRC/C/MAR/CO/3-4.") == "CRC/C/MAR/CO/3-4");
    CHECK(find_document_symbol("E/C.12/MAR/CO/4 para 5") == "E/C.12/MAR/CO/4");
    CHECK(find_document_symbol("A/HRC/35/23/Add.3, para. 80") == "A/HRC/35/23/Add.3");
    CHECK(find_document_symbol("الوثيقة CEDAW/C/MAR/CO/5-6") == "CEDAW/C/MAR/CO/5-6");
    CHECK_FALSE(find_document_symbol("Ratify the CAT and the OPCAT"));
    CHECK_FALSE(find_document_symbol("XCAT/C/MAR/CO/4"));
    CHECK_FALSE(find_document_symbol(""));
}

TEST_CASE("a symbol of a hundred thousand characters is found, not a stack overflow", "[symbol]") {
    // std::regex recursed once per character of the run and overflowed the stack at ~20,000
    // (a long `context` of POST /api/match crashed http_batch_fuzz's input).
    const std::string run(100000, 'A');
    CHECK(find_document_symbol("x CAT/C/" + run + ".") == "CAT/C/" + run);
    CHECK(find_document_symbol("A/HRC/WG.6/" + run) == "A/HRC/WG.6/" + run);
    const std::string digits(100000, '7');
    CHECK(find_document_symbol("A/HRC/" + digits + "/1/Add." + digits) ==
          "A/HRC/" + digits + "/1/Add." + digits);
    CHECK_FALSE(find_document_symbol(std::string(100000, '/') + "X" + run));
}

TEST_CASE("a committee's symbol names it; a Council symbol allows the UPR or a special procedure",
          "[symbol]") {
    const auto issuer = [](const char* symbol) { return symbol_issuer(symbol); };
    CHECK(issuer("CAT/C/MAR/CO/4")->body == "CAT");
    CHECK(issuer("CAT/C/MAR/CO/4")->mechanisms == std::vector<std::string>{"treaty_body"});
    CHECK(issuer("CAT/OP/MAR/1")->body == "SPT");
    CHECK(issuer("CRC/C/MAR/CO/3-4")->body == "CRC");
    CHECK(issuer("CCPR/C/MAR/CO/6")->body == "CCPR");
    CHECK(issuer("E/C.12/MAR/CO/4")->body == "CESCR");
    CHECK(issuer("CERD/C/MAR/CO/17-18")->body == "CERD");
    CHECK(issuer("CRPD/C/MAR/CO/1")->body == "CRPD");
    CHECK(issuer("CED/C/MAR/CO/1")->body == "CED");
    CHECK(issuer("CMW/C/MAR/CO/1")->body == "CMW");
    CHECK(issuer("A/HRC/36/6")->body.empty());
    CHECK(issuer("A/HRC/36/6")->mechanisms == std::vector<std::string>{"upr", "special_procedure"});
    CHECK_FALSE(issuer("A/HRC/WG.6/27/MAR/1"));  // quotes every mechanism
    CHECK_FALSE(issuer("A/71/100"));
}
