#include "engine/synonyms.hpp"

#include <algorithm>

#include "engine/features.hpp"
#include "tawsiya/embedded.hpp"
#include "tawsiya/error.hpp"

namespace tawsiya {

namespace {

std::vector<std::string_view> split_tabs(std::string_view line) {
    std::vector<std::string_view> fields;
    std::size_t start = 0;
    for (;;) {
        const std::size_t tab = line.find('\t', start);
        fields.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
        if (tab == std::string_view::npos) return fields;
        start = tab + 1;
    }
}

}  // namespace

const Synonyms& Synonyms::embedded(const Analyzer& analyzer) {
    static const Synonyms instance = [&] {
        for (const auto& file : embedded::lexicon_files())
            if (file.name == embedded::kSynonymsFile)
                return Synonyms(file.data, file.name, analyzer);
        return Synonyms({}, embedded::kSynonymsFile, analyzer);
    }();
    return instance;
}

Synonyms::Synonyms(std::string_view tsv, std::string_view name, const Analyzer& analyzer) {
    std::size_t start = 0, line_number = 0;
    while (start < tsv.size()) {
        std::size_t end = tsv.find('\n', start);
        if (end == std::string_view::npos) end = tsv.size();
        std::string_view line = tsv.substr(start, end - start);
        start = end + 1;
        ++line_number;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line[0] == '#') continue;
        const auto where = std::string(name) + ":" + std::to_string(line_number) + ": ";
        const auto fields = split_tabs(line);
        const auto lang = parse_lang(fields[0]);
        if (!lang) throw FormatError(where + "unknown language \"" + std::string(fields[0]) + "\"");
        if (fields.size() < 3) throw FormatError(where + "a group needs at least two phrases");
        std::vector<std::vector<std::string>> group;
        for (std::size_t f = 1; f < fields.size(); ++f) {
            auto stems = features::content_stems(fields[f], *lang, analyzer);
            if (stems.empty())
                throw FormatError(where + "\"" + std::string(fields[f]) + "\" has no content word");
            group.push_back(std::move(stems));
        }
        const std::size_t id = groups_.size();
        for (const auto& stems : group) {
            auto& list = phrases_[*lang][stems.front()];
            list.push_back({stems, id});
            std::stable_sort(list.begin(), list.end(), [](const Phrase& a, const Phrase& b) {
                return a.stems.size() > b.stems.size();
            });
        }
        groups_.push_back(std::move(group));
    }
}

const Synonyms::Phrase* Synonyms::phrase_at(const std::vector<std::string>& stems, std::size_t i,
                                            Lang lang) const {
    const auto by_lang = phrases_.find(lang);
    if (by_lang == phrases_.end()) return nullptr;
    const auto list = by_lang->second.find(stems[i]);
    if (list == by_lang->second.end()) return nullptr;
    for (const Phrase& phrase : list->second)
        if (i + phrase.stems.size() <= stems.size() &&
            std::equal(phrase.stems.begin(), phrase.stems.end(), stems.begin() + i))
            return &phrase;
    return nullptr;
}

std::vector<std::string> Synonyms::canonical(const std::vector<std::string>& stems,
                                             Lang lang) const {
    std::vector<std::string> out;
    out.reserve(stems.size());
    for (std::size_t i = 0; i < stems.size();) {
        if (const Phrase* phrase = phrase_at(stems, i, lang)) {
            const auto& canonical = groups_[phrase->group].front();
            out.insert(out.end(), canonical.begin(), canonical.end());
            i += phrase->stems.size();
        } else {
            out.push_back(stems[i++]);
        }
    }
    return out;
}

}  // namespace tawsiya
