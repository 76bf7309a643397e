#include "engine/facet_labels.hpp"

#include "tawsiya/schema.hpp"

namespace tawsiya::engine {

FacetLabels::FacetLabels(const Xapian::Database& db, const Analyzer& analyzer)
    : db_(db), analyzer_(analyzer) {}

void FacetLabels::reset() {
    by_prefix_.clear();
    schemes_.reset();
}

const std::unordered_map<std::string, std::string>& FacetLabels::labels_of(
    const std::string& prefix) {
    auto found = by_prefix_.find(prefix);
    if (found != by_prefix_.end()) return found->second;
    std::unordered_map<std::string, std::string> labels;
    const std::string term_prefix = prefix + ":";
    for (auto it = db_.allterms_begin(term_prefix); it != db_.allterms_end(term_prefix); ++it) {
        const std::string term = *it;
        const std::string_view label = std::string_view(term).substr(term_prefix.size());
        // One key a label: a filter's value and a query's (which reaches the field processors
        // after the whole query went through Analyzer::normalize) fold to it alike.
        labels.emplace(analyzer_.fold_label(label), term);
        // Coded labels answer to their code: "16 - PEACE, JUSTICE ..." to sdg:16.
        if (const auto dash = label.find(" - "); dash != std::string_view::npos && dash <= 4)
            labels.emplace(analyzer_.fold_label(label.substr(0, dash)), term);
    }
    return by_prefix_.emplace(prefix, std::move(labels)).first->second;
}

std::string FacetLabels::term_for(const std::string& prefix, std::string_view value) {
    const auto& labels = labels_of(prefix);
    auto found = labels.find(analyzer_.fold_label(value));
    if (found != labels.end()) return found->second;
    return schema::facet_term(prefix, value);
}

const std::vector<std::string>& FacetLabels::schemes() {
    if (schemes_) return *schemes_;
    std::vector<std::string> schemes;
    const std::string prefix(schema::kTagPrefix);
    auto it = db_.allterms_begin(prefix);
    const auto end = db_.allterms_end(prefix);
    while (it != end) {
        const std::string term = *it;
        const auto colon = term.find(':', prefix.size());
        if (colon == std::string::npos) {
            ++it;
            continue;
        }
        schemes.push_back(term.substr(prefix.size(), colon - prefix.size()));
        // Jump past every label of this scheme (';' follows ':').
        it.skip_to(term.substr(0, colon) + ";");
    }
    schemes_ = std::move(schemes);
    return *schemes_;
}

}  // namespace tawsiya::engine
