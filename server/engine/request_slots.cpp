#include "engine/request_slots.hpp"

#include <algorithm>

#include "engine/features.hpp"
#include "engine/synonyms.hpp"
#include "engine/tsv_lines.hpp"
#include "tawsiya/embedded.hpp"
#include "tawsiya/error.hpp"

namespace tawsiya {

namespace {

// How far (in content stems) after "optional protocol" the instrument it belongs to may start:
// « Protocole facultatif se rapportant à la Convention » leaves one stem ("rapport") between.
constexpr std::size_t kModifierReach = 3;

bool parse_slot(std::string_view name, Slot& slot) {
    static constexpr std::array<std::pair<std::string_view, Slot>, kSlots> names{
        {{"instrument", Slot::instrument},
         {"action", Slot::action},
         {"group", Slot::group},
         {"object", Slot::object}}};
    for (const auto& [n, s] : names)
        if (n == name) {
            slot = s;
            return true;
        }
    return false;
}

void sort_unique(std::vector<std::string>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

bool is_number(const std::string& stem) {
    return stem.size() >= 2 && stem.size() <= 4 &&
           std::all_of(stem.begin(), stem.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Each of two sorted lists holds an element the other does not.
bool each_has_other(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    if (a.empty() || b.empty()) return false;
    const auto has_other = [](const auto& x, const auto& y) {
        return std::any_of(x.begin(), x.end(), [&](const auto& e) {
            return !std::binary_search(y.begin(), y.end(), e);
        });
    };
    return has_other(a, b) && has_other(b, a);
}

bool intersect(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    return std::any_of(a.begin(), a.end(),
                       [&](const auto& e) { return std::binary_search(b.begin(), b.end(), e); });
}

}  // namespace

SlotComparison compare_slots(const RequestSlots& a, const RequestSlots& b) {
    SlotComparison c;
    for (std::size_t s = 0; s < kSlots; ++s) {
        c.conflict[s] = each_has_other(a.keys[s], b.keys[s]);
        c.shared[s] = intersect(a.keys[s], b.keys[s]);
    }
    c.first_action_differs =
        !a.first_action.empty() && !b.first_action.empty() && a.first_action != b.first_action;
    c.numbers_conflict = each_has_other(a.numbers, b.numbers);
    return c;
}

const SlotLexicon& SlotLexicon::embedded(const Analyzer& analyzer) {
    static const SlotLexicon instance(embedded::lexicon_file(embedded::kRequestSlotsFile),
                                      embedded::kRequestSlotsFile, analyzer);
    return instance;
}

SlotLexicon::SlotLexicon(std::string_view tsv, std::string_view name, const Analyzer& analyzer) {
    std::map<std::pair<Slot, std::string>, std::size_t> entry_of;
    const Synonyms& synonyms = Synonyms::embedded(analyzer);
    tsv::for_each_line(tsv, [&](std::string_view line, std::size_t line_number) {
        const auto where = std::string(name) + ":" + std::to_string(line_number) + ": ";
        const auto fields = tsv::split_tabs(line);
        if (fields.size() != 4) throw FormatError(where + "expected slot, key, lang and phrases");
        Slot slot{};
        if (!parse_slot(fields[0], slot))
            throw FormatError(where + "unknown slot \"" + std::string(fields[0]) + "\"");
        const auto lang = parse_lang(fields[2]);
        if (!lang) throw FormatError(where + "unknown language \"" + std::string(fields[2]) + "\"");
        const std::string key(fields[1]);
        if (key.empty()) throw FormatError(where + "empty key");
        const auto [it, added] = entry_of.try_emplace({slot, key}, entries_.size());
        if (added) entries_.push_back({slot, key, key[0] == '+'});
        std::string_view phrases = fields[3];
        while (!phrases.empty()) {
            const std::size_t bar = phrases.find('|');
            const std::string_view phrase = phrases.substr(0, bar);
            phrases = bar == std::string_view::npos ? std::string_view{} : phrases.substr(bar + 1);
            auto stems =
                synonyms.canonical(features::content_stems(phrase, *lang, analyzer), *lang);
            if (stems.empty())
                throw FormatError(where + "phrase \"" + std::string(phrase) +
                                  "\" has no content word");
            // Arabic writes a preposition or a conjunction into the next word and the stemmer
            // leaves it there (لاتفاقية، باتفاقية، والأطفال): the phrase is also found so.
            if (*lang == Lang::ar)
                for (const std::string_view prefix : {"ل", "ب", "و"}) {
                    auto variant = stems;
                    variant.front().insert(0, prefix);
                    phrases_[*lang][variant.front()].push_back({std::move(variant), it->second});
                }
            auto& list = phrases_[*lang][stems.front()];
            list.push_back({std::move(stems), it->second});
        }
    });
    for (auto& [lang, by_first] : phrases_)
        for (auto& [first, list] : by_first)
            std::stable_sort(list.begin(), list.end(), [](const Phrase& a, const Phrase& b) {
                return a.stems.size() > b.stems.size();
            });
}

RequestSlots SlotLexicon::find(const std::vector<std::string>& stems, Lang lang) const {
    RequestSlots slots;
    for (const auto& stem : stems)
        if (is_number(stem)) slots.numbers.push_back(stem);
    sort_unique(slots.numbers);
    const auto by_lang = phrases_.find(lang);
    if (by_lang == phrases_.end()) return slots;
    struct Found {
        std::size_t entry, first, end;
    };
    std::vector<Found> found;
    for (std::size_t i = 0; i < stems.size();) {
        const Phrase* match = nullptr;
        if (const auto list = by_lang->second.find(stems[i]); list != by_lang->second.end())
            for (const Phrase& phrase : list->second)
                if (i + phrase.stems.size() <= stems.size() &&
                    std::equal(phrase.stems.begin(), phrase.stems.end(), stems.begin() + i)) {
                    match = &phrase;
                    break;
                }
        if (!match) {
            ++i;
            continue;
        }
        found.push_back({match->entry, i, i + match->stems.size()});
        i += match->stems.size();
    }
    for (std::size_t f = 0; f < found.size(); ++f) {
        const Entry& entry = entries_[found[f].entry];
        if (entry.modifier) {
            // "optional protocol" names the protocol of the instrument right after it; alone it
            // names nothing definite.
            if (f + 1 < found.size()) {
                const Entry& next = entries_[found[f + 1].entry];
                if (next.slot == Slot::instrument && !next.modifier &&
                    found[f + 1].first <= found[f].end + kModifierReach) {
                    const std::string_view base = std::string_view(next.key).starts_with("op:")
                                                      ? std::string_view(next.key).substr(3)
                                                      : std::string_view(next.key);
                    slots.keys[static_cast<std::size_t>(Slot::instrument)].push_back(
                        entry.key.substr(1) + ":" + std::string(base));
                    ++f;
                }
            }
            continue;
        }
        slots.keys[static_cast<std::size_t>(entry.slot)].push_back(entry.key);
        if (entry.slot == Slot::action && slots.first_action.empty())
            slots.first_action = entry.key;
    }
    for (auto& keys : slots.keys) sort_unique(keys);
    return slots;
}

}  // namespace tawsiya
