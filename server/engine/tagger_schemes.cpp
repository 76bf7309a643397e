#include "engine/tagger_schemes.hpp"

#include <set>

#include "tawsiya/schema.hpp"

namespace tawsiya::tagging {

namespace {

bool has_term_with_prefix(const Xapian::Database& db, const std::string& prefix) {
    return db.allterms_begin(prefix) != db.allterms_end(prefix);
}

}  // namespace

std::vector<std::string> label_schemes(const Xapian::Database& db) {
    std::vector<std::string> schemes;
    for (const schema::Facet& facet : {schema::kMechanism, schema::kBody, schema::kResponsible})
        if (has_term_with_prefix(db, std::string(facet.prefix) + ":"))
            schemes.emplace_back(facet.name);
    std::set<std::string> tags;
    const std::string prefix(schema::kTagPrefix);
    const auto end = db.allterms_end(prefix);
    for (auto it = db.allterms_begin(prefix); it != end;) {
        const std::string term = *it;
        const auto colon = term.find(':', prefix.size());
        if (colon == std::string::npos || colon == prefix.size()) {
            ++it;
            continue;
        }
        const std::string scheme = term.substr(prefix.size(), colon - prefix.size());
        tags.insert(scheme);
        it.skip_to(prefix + scheme + ';');  // ';' follows ':': past every label of the scheme
    }
    for (const auto& scheme : tags)
        if (scheme != "mechanism" && scheme != "body" && scheme != "responsible")
            schemes.push_back(scheme);
    return schemes;
}

std::vector<std::string> labels_of(const Record& record, const std::string& scheme) {
    if (scheme == "mechanism")
        return record.mechanism.empty() ? std::vector<std::string>{}
                                        : std::vector<std::string>{record.mechanism};
    if (scheme == "body")
        return record.body.empty() ? std::vector<std::string>{}
                                   : std::vector<std::string>{record.body};
    if (scheme == "responsible") return record.responsible;
    const auto it = record.tags.find(scheme);
    if (it == record.tags.end()) return {};
    std::vector<std::string> labels;
    for (const auto& label : it->second)
        if (!label.empty()) labels.push_back(label);
    return labels;
}

}  // namespace tawsiya::tagging
