#include "engine/synonyms.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <numeric>

#include "engine/features.hpp"
#include "engine/tsv_lines.hpp"
#include "tawsiya/embedded.hpp"
#include "tawsiya/error.hpp"

namespace tawsiya {

namespace {

using tsv::for_each_line;
using tsv::split_tabs;

// "OPCAT", "OP-CAT", "CEDAW", "NGOs": one token of capitals (at least two), digits and hyphens,
// perhaps with a plural s. Written the same in the three languages' texts.
bool is_acronym(std::string_view text) {
    if (!text.empty() && text.back() == 's') text.remove_suffix(1);
    std::size_t capitals = 0;
    for (const char c : text) {
        if (c >= 'A' && c <= 'Z')
            ++capitals;
        else if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '-'))
            return false;
    }
    return capitals >= 2;
}

Synonyms::Wording make_wording(std::string_view text, Lang lang, const Analyzer& analyzer) {
    Synonyms::Wording wording;
    wording.lang = lang;
    for (const Token& token : analyzer.tokenize(text, lang)) {
        wording.words.push_back(token.word);
        if (!token.stopword && !token.stem.empty()) wording.content.push_back(token.word);
    }
    wording.stems = features::content_stems(text, lang, analyzer);
    return wording;
}

bool same_wording(const Synonyms::Wording& a, const Synonyms::Wording& b) {
    return a.lang == b.lang && a.words == b.words;
}

}  // namespace

const Synonyms& Synonyms::embedded(const Analyzer& analyzer) {
    static const Synonyms instance(embedded::lexicon_file(embedded::kSynonymsFile),
                                   embedded::kSynonymsFile, analyzer);
    return instance;
}

const Synonyms& Synonyms::for_search(const Analyzer& analyzer) {
    static const Synonyms instance = [&] {
        Synonyms synonyms = embedded(analyzer);
        synonyms.add_names(embedded::lexicon_file(embedded::kLexiconTermsFile), analyzer);
        return synonyms;
    }();
    return instance;
}

Synonyms::Synonyms(std::string_view tsv, std::string_view name, const Analyzer& analyzer) {
    for_each_line(tsv, [&](std::string_view line, std::size_t line_number) {
        const auto where = std::string(name) + ":" + std::to_string(line_number) + ": ";
        const auto fields = split_tabs(line);
        const auto lang = parse_lang(fields[0]);
        if (!lang) throw FormatError(where + "unknown language \"" + std::string(fields[0]) + "\"");
        if (fields.size() < 3) throw FormatError(where + "a group needs at least two phrases");
        Group group;
        for (std::size_t f = 1; f < fields.size(); ++f) {
            Wording wording = make_wording(fields[f], *lang, analyzer);
            if (wording.stems.empty())
                throw FormatError(where + "\"" + std::string(fields[f]) + "\" has no content word");
            group.wordings.push_back(std::move(wording));
        }
        const std::size_t id = groups_.size();
        for (std::size_t w = 0; w < group.wordings.size(); ++w)
            add_phrase(*lang, group.wordings[w], id, w);
        groups_.push_back(std::move(group));
    });
}

void Synonyms::add_phrase(Lang lang, const Wording& wording, std::size_t group,
                          std::size_t wording_id) {
    for (auto [index, terms] :
         {std::pair(&phrases_, &wording.stems), std::pair(&spelled_, &wording.content)}) {
        if (terms->empty()) continue;
        auto& list = (*index)[lang][terms->front()];
        // A copy, not the binding: clang before 16 cannot capture structured bindings (P1091).
        const auto* stems = terms;
        if (std::any_of(list.begin(), list.end(),
                        [&](const Phrase& p) { return p.group == group && p.stems == *stems; }))
            continue;  // "disappearance" and "disappearances" have one stem
        list.push_back({*terms, group, wording_id});
        std::stable_sort(list.begin(), list.end(), [](const Phrase& a, const Phrase& b) {
            return a.stems.size() > b.stems.size();
        });
    }
}

std::size_t Synonyms::group_of(Lang lang, const std::vector<std::string>& stems) const {
    const auto by_lang = phrases_.find(lang);
    if (by_lang == phrases_.end() || stems.empty()) return std::string::npos;
    const auto list = by_lang->second.find(stems.front());
    if (list == by_lang->second.end()) return std::string::npos;
    for (const Phrase& phrase : list->second)
        if (phrase.stems == stems) return phrase.group;
    return std::string::npos;
}

void Synonyms::merge(std::size_t into, std::size_t from) {
    if (into == from) return;
    auto& target = groups_[into].wordings;
    std::vector<std::size_t> moved_to;  // wording of `from` -> its index in `into`
    for (Wording& wording : groups_[from].wordings) {
        const auto same = std::find_if(target.begin(), target.end(),
                                       [&](const Wording& w) { return same_wording(w, wording); });
        moved_to.push_back(static_cast<std::size_t>(same - target.begin()));
        if (same == target.end()) target.push_back(std::move(wording));
    }
    groups_[into].names = groups_[into].names || groups_[from].names;
    groups_[from] = {};
    for (PhraseIndex* index : {&phrases_, &spelled_})
        for (auto& [lang, by_term] : *index)
            for (auto& [term, list] : by_term)
                for (Phrase& phrase : list)
                    if (phrase.group == from) {
                        phrase.group = into;
                        phrase.wording = moved_to[phrase.wording];
                    }
}

void Synonyms::add_names(std::string_view lexicon_tsv, const Analyzer& analyzer) {
    constexpr auto& kColumns = embedded::kLexiconColumns;
    struct Entry {
        std::vector<std::pair<std::string_view, Lang>> names;
        bool acronym = false;
    };
    std::vector<Entry> entries;
    for_each_line(lexicon_tsv, [&](std::string_view line, std::size_t) {
        Entry entry;
        const auto fields = split_tabs(line);
        for (std::size_t c = 0; c < kColumns.size() && c < fields.size(); ++c) {
            if (fields[c].empty()) continue;
            entry.names.emplace_back(fields[c], kColumns[c]);
            entry.acronym = entry.acronym || (kColumns[c] != Lang::ar && is_acronym(fields[c]));
        }
        entries.push_back(std::move(entry));
    });

    // Entries that share a name (by its stems, in one language) are one component.
    std::vector<std::size_t> parent(entries.size());
    std::iota(parent.begin(), parent.end(), std::size_t{0});
    const auto root = [&](std::size_t e) {
        while (parent[e] != e) e = parent[e] = parent[parent[e]];
        return e;
    };
    std::map<std::pair<Lang, std::vector<std::string>>, std::size_t> first_with;
    std::vector<std::vector<Wording>> wordings(entries.size());
    for (std::size_t e = 0; e < entries.size(); ++e)
        for (const auto& [text, lang] : entries[e].names) {
            Wording wording = make_wording(text, lang, analyzer);
            if (wording.stems.empty()) continue;
            wording.acronym = lang != Lang::ar && is_acronym(text);
            const auto [at, added] = first_with.emplace(std::pair(lang, wording.stems), e);
            if (!added) parent[root(e)] = root(at->second);
            wordings[e].push_back(std::move(wording));
        }

    std::map<std::size_t, Group> components;
    for (std::size_t e = 0; e < entries.size(); ++e) {
        Group& group = components[root(e)];
        group.names = group.names || entries[e].acronym;
        for (Wording& wording : wordings[e])
            if (std::none_of(group.wordings.begin(), group.wordings.end(),
                             [&](const Wording& w) { return same_wording(w, wording); }))
                group.wordings.push_back(std::move(wording));
    }
    for (auto& [root_entry, group] : components) {
        if (!group.names) continue;  // only names with an acronym: "monitor" is not "suivi"
        std::size_t id = std::string::npos;
        for (const Wording& wording : group.wordings) {
            const std::size_t existing = group_of(wording.lang, wording.stems);
            if (existing == std::string::npos) continue;
            if (id == std::string::npos)
                id = existing;
            else
                merge(id, existing);
        }
        if (id == std::string::npos) {
            id = groups_.size();
            groups_.emplace_back();
        }
        const std::size_t merged = groups_.size();
        groups_.push_back(std::move(group));
        merge(id, merged);
        groups_.pop_back();
        const auto& all = groups_[id].wordings;
        for (std::size_t w = 0; w < all.size(); ++w) {
            const Wording& wording = all[w];
            add_phrase(wording.lang, wording, id, w);
            if (!wording.acronym) continue;
            for (const Lang other : kColumns) {
                Wording in_other = wording;
                in_other.stems.clear();
                for (const std::string& word : wording.content)
                    in_other.stems.push_back(analyzer.stem(word, other));
                add_phrase(other, in_other, id, w);
            }
        }
    }
}

const Synonyms::Phrase* Synonyms::phrase_at(const PhraseIndex& index,
                                            const std::vector<std::string>& terms, std::size_t i,
                                            Lang lang) {
    const auto by_lang = index.find(lang);
    if (by_lang == index.end()) return nullptr;
    const auto list = by_lang->second.find(terms[i]);
    if (list == by_lang->second.end()) return nullptr;
    for (const Phrase& phrase : list->second)
        if (i + phrase.stems.size() <= terms.size() &&
            std::equal(phrase.stems.begin(), phrase.stems.end(), terms.begin() + i))
            return &phrase;
    return nullptr;
}

std::vector<std::string> Synonyms::canonical(const std::vector<std::string>& stems,
                                             Lang lang) const {
    std::vector<std::string> out;
    out.reserve(stems.size());
    for (std::size_t i = 0; i < stems.size();) {
        if (const Phrase* phrase = phrase_at(phrases_, stems, i, lang)) {
            // The group's first wording in the language (a group of names has several).
            const auto& wordings = groups_[phrase->group].wordings;
            const auto canonical = std::find_if(wordings.begin(), wordings.end(),
                                                [&](const Wording& w) { return w.lang == lang; });
            const auto& chosen = canonical == wordings.end() ? wordings.front() : *canonical;
            out.insert(out.end(), chosen.stems.begin(), chosen.stems.end());
            i += phrase->stems.size();
        } else {
            out.push_back(stems[i++]);
        }
    }
    return out;
}

std::vector<Synonyms::Found> Synonyms::find(const std::vector<std::string>& words,
                                            Lang lang) const {
    std::vector<Found> found;
    for (std::size_t i = 0; i < words.size();) {
        if (const Phrase* phrase = phrase_at(spelled_, words, i, lang)) {
            found.push_back({i, phrase->stems.size(), phrase->group, phrase->wording});
            i += phrase->stems.size();
        } else {
            ++i;
        }
    }
    return found;
}

}  // namespace tawsiya
