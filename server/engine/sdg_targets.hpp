// The official wording of the Sustainable Development Goals in Arabic, French and English
// (lexicon/sdg-targets.tsv, from the Open SDG translations project, MIT licence beside it): the
// reference texts that teach the SDG tagger the three languages when the index's SDG-labelled
// records are in one (tagger_train.cpp), and the evidence a suggestion cites (tagger_model.cpp).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tawsiya/language.hpp"

namespace tawsiya::sdg {

// The tag scheme of the OHCHR thematic lists that carries SDG goals ("5 - GENDER EQUALITY").
inline constexpr std::string_view kScheme = "sdg";

// A goal's title ("5"), a target ("5.2") or an indicator ("5.2.1"), in every language it has.
struct GoalText {
    std::string id;
    int goal = 0;
    std::map<Lang, std::string> text;
};

// Every goal, target and indicator of the embedded file, in its order (goal 1, its targets, its
// indicators, goal 2...). The file is the project's own: a malformed line is a build error, found
// by the tests, so it is skipped here rather than thrown at a user.
const std::vector<GoalText>& goal_texts();

// The goal a label names: "5 - GENDER EQUALITY", "5", "Goal 5" → 5; nullopt when none (1-17).
std::optional<int> goal_of_label(std::string_view label);

// The label goal `goal` gets: the first of `known` (the index's own labels) that names it, else
// the OHCHR form "5 - GENDER EQUALITY" (the number and the English short name in capitals).
std::string goal_label(int goal, const std::vector<std::string>& known);

}  // namespace tawsiya::sdg
