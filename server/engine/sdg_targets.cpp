#include "engine/sdg_targets.hpp"

#include <cctype>
#include <charconv>

#include "engine/tsv_lines.hpp"
#include "tawsiya/embedded.hpp"

namespace tawsiya::sdg {

namespace {

struct Lexicon {
    std::vector<GoalText> texts;
    std::map<int, std::string> short_names;  // goal -> English short name ("Gender equality")
};

std::optional<int> leading_number(std::string_view s) {
    int value = 0;
    const auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (error != std::errc() || end == s.data()) return std::nullopt;
    return value;
}

Lexicon read_lexicon() {
    Lexicon lexicon;
    std::map<std::string, std::size_t> position;  // id -> index in texts
    for (const auto& file : embedded::lexicon_files()) {
        if (file.name != embedded::kSdgTargetsFile) continue;
        tsv::for_each_line(file.data, [&](std::string_view line, std::size_t) {
            const auto fields = tsv::split_tabs(line);
            if (fields.size() != 3 || fields[2].empty()) return;
            const auto lang = parse_lang(fields[1]);
            const auto goal = leading_number(fields[0]);
            if (!lang || !goal || *goal < 1 || *goal > 17) return;
            std::string id(fields[0]);
            if (id.ends_with("-short")) {
                if (*lang == Lang::en) lexicon.short_names[*goal] = std::string(fields[2]);
                return;
            }
            auto [it, added] = position.emplace(id, lexicon.texts.size());
            if (added) lexicon.texts.push_back({id, *goal, {}});
            lexicon.texts[it->second].text[*lang] = std::string(fields[2]);
        });
    }
    return lexicon;
}

const Lexicon& lexicon() {
    static const Lexicon instance = read_lexicon();
    return instance;
}

}  // namespace

const std::vector<GoalText>& goal_texts() {
    return lexicon().texts;
}

std::optional<int> goal_of_label(std::string_view label) {
    for (const std::string_view prefix : {"Goal ", "goal ", "SDG ", "SDG"})
        if (label.starts_with(prefix)) {
            label.remove_prefix(prefix.size());
            break;
        }
    const auto goal = leading_number(label);
    if (!goal || *goal < 1 || *goal > 17) return std::nullopt;
    const std::size_t digits = *goal < 10 ? 1 : 2;
    // "5 - GENDER EQUALITY", "5: ...", "5": the number alone, not "5.2" (a target) or "50".
    if (label.size() > digits && label[digits] != ' ' && label[digits] != '-' &&
        label[digits] != ':')
        return std::nullopt;
    return goal;
}

std::string goal_label(int goal, const std::vector<std::string>& known) {
    for (const auto& label : known)
        if (goal_of_label(label) == goal) return label;
    std::string label = std::to_string(goal);
    const auto name = lexicon().short_names.find(goal);
    if (name == lexicon().short_names.end()) return label;
    label += " - ";
    for (const char c : name->second)
        label.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    return label;
}

}  // namespace tawsiya::sdg
