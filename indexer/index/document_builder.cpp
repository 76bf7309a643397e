// make_document: how a Record becomes a Xapian document (the layout is declared in schema.hpp).
#include <map>
#include <string>
#include <vector>

#include "tawsiya/error.hpp"
#include "tawsiya/index_writer.hpp"
#include "tawsiya/recommendation_text.hpp"
#include "tawsiya/schema.hpp"

namespace tawsiya {

namespace {

// Language versions are laid out one after another in the position space, with a gap so that a
// phrase never matches across two versions.
constexpr unsigned kPositionGapBetweenVersions = 100;

// The document's counted facet terms, for kSlotFacets.
using FacetLabelsOf = std::vector<std::string>;

void add_facet(Xapian::Document& doc, FacetLabelsOf& labels, std::string_view prefix,
               std::string_view label) {
    if (label.empty()) return;
    std::string term = schema::facet_term(prefix, label);
    doc.add_boolean_term(term);
    if (schema::is_counted_facet(prefix)) labels.push_back(std::move(term));
}

void add_facet(Xapian::Document& doc, FacetLabelsOf& labels, const schema::Facet& facet,
               std::string_view label) {
    add_facet(doc, labels, facet.prefix, label);
}

void add_text(Xapian::Document& doc, const std::string& text, Lang lang, const Analyzer& analyzer,
              unsigned& position_base) {
    unsigned last = 0;
    for (const Token& token : analyzer.tokenize(text, lang)) {
        const unsigned position = position_base + token.position;
        last = position;
        // Xapian refuses terms over 245 bytes. A "word" that long (a pasted URL, a run of
        // letters without spaces) is nothing anyone searches for: left out, not cut, so that no
        // cut word matches another.
        if (token.word.size() > schema::kMaxTermBytes) continue;
        doc.add_posting(token.word, position);
        if (!token.stopword && !token.stem.empty() &&
            schema::kStemPrefix.size() + token.stem.size() <= schema::kMaxTermBytes) {
            std::string stem_term(schema::kStemPrefix);
            stem_term += token.stem;
            doc.add_term(stem_term);
        }
    }
    if (last > position_base) position_base = last;
    position_base += kPositionGapBetweenVersions;
}

// A name in a message: the start of it when it is long.
std::string shown(const std::string& name) {
    constexpr std::size_t kShown = 40;
    if (name.size() <= kShown) return name;
    std::size_t cut = kShown;
    while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;  // UTF-8
    return name.substr(0, cut) + "...";
}

}  // namespace

void check_terms(const Record& record) {
    if (record.id.size() > schema::kMaxTermBytes)
        throw FormatError("`id` is longer than " + std::to_string(schema::kMaxTermBytes) +
                          " bytes");
    for (const auto& entry : record.tags)
        if (entry.first.size() > schema::kMaxSchemeBytes)
            throw FormatError("tag scheme '" + shown(entry.first) + "' is longer than " +
                              std::to_string(schema::kMaxSchemeBytes) + " bytes (" +
                              std::to_string(entry.first.size()) + ")");
}

Xapian::Document make_document(const Record& record, const Analyzer& analyzer) {
    check_terms(record);
    Xapian::Document doc;
    doc.set_data(record_to_json(record));
    doc.add_boolean_term(schema::id_term(record.id));

    FacetLabelsOf labels;
    unsigned position_base = 0;
    schema::VersionStems request_stems;
    for (const auto& [lang, text] : record.text) {
        add_text(doc, text, lang, analyzer, position_base);
        add_facet(doc, labels, schema::kLanguage, lang_code(lang));
        request_stems.emplace_back(lang, request_word_stems(text, lang, analyzer));
    }
    if (!request_stems.empty())
        doc.add_value(schema::kSlotRequestStems, schema::request_stems_value(request_stems));

    add_facet(doc, labels, schema::kMechanism, record.mechanism);
    add_facet(doc, labels, schema::kBody, record.body);
    add_facet(doc, labels, schema::kState, record.state);
    for (const auto& state : record.recommending_states)
        add_facet(doc, labels, schema::kRecommending, state);
    if (record.year) add_facet(doc, labels, schema::kYear, std::to_string(*record.year));
    if (record.cycle) add_facet(doc, labels, schema::kCycle, std::to_string(*record.cycle));
    if (record.session) add_facet(doc, labels, schema::kSession, std::to_string(*record.session));
    add_facet(doc, labels, schema::kResponse, record.response);
    for (const auto& body : record.responsible) add_facet(doc, labels, schema::kResponsible, body);
    add_facet(doc, labels, schema::kSource, record.source);
    add_facet(doc, labels, schema::kStatus, record.status);
    add_facet(doc, labels, schema::kSymbol, record.symbol);
    for (const auto& [scheme, tag_labels] : record.tags)
        for (const auto& label : tag_labels)
            add_facet(doc, labels, schema::tag_prefix(scheme), label);
    if (!labels.empty())
        doc.add_value(schema::kSlotFacets, schema::facet_value(std::vector<std::string_view>(
                                               labels.begin(), labels.end())));

    if (record.year) doc.add_value(schema::kSlotYear, Xapian::sortable_serialise(*record.year));
    doc.add_value(schema::kSlotId, record.id);
    return doc;
}

}  // namespace tawsiya
