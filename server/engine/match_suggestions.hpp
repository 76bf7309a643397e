// Suggestions from the matches: each neighbour votes for the labels it carries with its similarity;
// a label's vote is the similarity carrying it over the similarity of the neighbours that carry
// any label of the scheme (plus a shrinkage, so that one weak neighbour is not a certainty). Where
// a trained model exists, its calibrated probability is blended with the vote, and the label's
// reference text the model cites (an SDG target's wording) is kept as evidence. The mechanism is
// then held to what the wording or the document symbol says (issuer_cues.hpp), and the issuing
// bodies to the mechanism.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "engine/issuer_cues.hpp"
#include "tawsiya/match.hpp"
#include "tawsiya/tagger.hpp"

namespace tawsiya::matching {

std::map<std::string, std::vector<Suggestion>> suggest(
    const std::vector<Match>& matches, const std::vector<std::string>& schemes,
    const std::map<std::string, std::vector<LabelProbability>>& model_probabilities,
    const MatchOptions& options, const IssuerCues& cues = {});

}  // namespace tawsiya::matching
