#include "engine/action_degree.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "engine/features.hpp"
#include "engine/tsv_lines.hpp"
#include "tawsiya/embedded.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/recommendation_text.hpp"

namespace tawsiya {

namespace {

constexpr std::array<std::pair<std::string_view, ActionDegree>, 5> kDegreeNames{
    {{"minimal", ActionDegree::minimal},
     {"continuing", ActionDegree::continuing},
     {"considering", ActionDegree::considering},
     {"general", ActionDegree::general},
     {"specific", ActionDegree::specific}}};

// A list marker left by the analyser: "a)" and "(d)" leave one letter.
bool one_letter(const std::string& stem) {
    std::size_t code_points = 0;
    for (const char c : stem)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++code_points;
    return code_points == 1;
}

bool starts_with(const std::vector<std::string>& stems, std::size_t at,
                 const std::vector<std::string>& phrase) {
    return at + phrase.size() <= stems.size() &&
           std::equal(phrase.begin(), phrase.end(), stems.begin() + static_cast<long>(at));
}

}  // namespace

std::string_view uprinfo_action_category(ActionDegree degree) {
    static constexpr std::array<std::string_view, 6> categories{"", "1", "2", "3", "4", "5"};
    return categories[static_cast<std::size_t>(degree)];
}

const DegreeLexicon& DegreeLexicon::embedded(const Analyzer& analyzer) {
    static const DegreeLexicon instance(embedded::lexicon_file(embedded::kActionDegreeFile),
                                        embedded::kActionDegreeFile, analyzer);
    return instance;
}

DegreeLexicon::DegreeLexicon(std::string_view tsv, std::string_view name,
                             const Analyzer& analyzer) {
    std::map<std::pair<Lang, std::vector<std::string>>, ActionDegree> seen;
    tsv::for_each_line(tsv, [&](std::string_view line, std::size_t line_number) {
        const auto where = std::string(name) + ":" + std::to_string(line_number) + ": ";
        const auto fields = tsv::split_tabs(line);
        if (fields.size() != 3) throw FormatError(where + "expected degree, lang and phrases");
        const bool skip = fields[0] == "skip";
        ActionDegree degree = ActionDegree::unknown;
        for (const auto& [n, d] : kDegreeNames)
            if (n == fields[0]) degree = d;
        if (!skip && degree == ActionDegree::unknown)
            throw FormatError(where + "unknown degree \"" + std::string(fields[0]) + "\"");
        const auto lang = parse_lang(fields[1]);
        if (!lang) throw FormatError(where + "unknown language \"" + std::string(fields[1]) + "\"");
        std::string_view phrases = fields[2];
        while (!phrases.empty()) {
            const std::size_t bar = phrases.find('|');
            const std::string_view phrase = phrases.substr(0, bar);
            phrases = bar == std::string_view::npos ? std::string_view{} : phrases.substr(bar + 1);
            auto stems = features::content_stems(phrase, *lang, analyzer);
            if (stems.empty() && skip) continue;  // a stopword is passed over already
            if (stems.empty())
                throw FormatError(where + "phrase \"" + std::string(phrase) +
                                  "\" has no content word");
            if (skip) {
                skips_[*lang].push_back(std::move(stems));
                continue;
            }
            // The same stems twice ("guarantee" among general phrases, "step up" and "step") is
            // harmless; under two degrees it is a mistake in the file.
            const auto [it, added] = seen.try_emplace({*lang, stems}, degree);
            if (!added && it->second != degree)
                throw FormatError(where + "phrase \"" + std::string(phrase) +
                                  "\" is given two degrees");
            if (!added) continue;
            auto& list = phrases_[*lang][stems.front()];
            list.push_back({std::move(stems), degree});
        }
    });
    for (auto& [lang, by_first] : phrases_)
        for (auto& [first, list] : by_first)
            std::stable_sort(list.begin(), list.end(), [](const Phrase& a, const Phrase& b) {
                return a.stems.size() > b.stems.size();
            });
}

ActionDegree DegreeLexicon::of(std::string_view content, Lang lang,
                               const Analyzer& analyzer) const {
    const auto by_lang = phrases_.find(lang);
    if (by_lang == phrases_.end()) return ActionDegree::unknown;
    // The first few words are enough: the degree is the opening phrase.
    std::string_view request = strip_addressing_formula(content);
    if (request.size() > 400) {
        std::size_t cut = 400;  // on a character boundary
        while (cut > 0 && (static_cast<unsigned char>(request[cut]) & 0xC0) == 0x80) --cut;
        request = request.substr(0, cut);
    }
    const std::vector<std::string> stems = features::content_stems(request, lang, analyzer);
    std::size_t at = 0;
    const auto skips = skips_.find(lang);
    for (bool skipped = true; skipped && at < stems.size();) {
        skipped = false;
        if (one_letter(stems[at])) {
            ++at;
            skipped = true;
            continue;
        }
        if (skips != skips_.end())
            for (const auto& words : skips->second)
                if (starts_with(stems, at, words)) {
                    at += words.size();
                    skipped = true;
                    break;
                }
    }
    if (at >= stems.size()) return ActionDegree::unknown;
    const auto list = by_lang->second.find(stems[at]);
    if (list == by_lang->second.end()) return ActionDegree::unknown;
    for (const Phrase& phrase : list->second)
        if (starts_with(stems, at, phrase.stems)) return phrase.degree;
    return ActionDegree::unknown;
}

}  // namespace tawsiya
