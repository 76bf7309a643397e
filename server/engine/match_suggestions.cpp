#include "engine/match_suggestions.hpp"

#include <algorithm>

#include "engine/tagger_schemes.hpp"

namespace tawsiya::matching {

namespace {

struct Vote {
    double similarity = 0;
    std::vector<std::string> evidence;
};

}  // namespace

std::map<std::string, std::vector<Suggestion>> suggest(
    const std::vector<Match>& matches, const std::vector<std::string>& schemes,
    const std::map<std::string, std::vector<LabelProbability>>& model_probabilities,
    const MatchOptions& options) {
    std::map<std::string, std::vector<Suggestion>> result;
    for (const auto& scheme : schemes) {
        std::map<std::string, Vote> votes;
        double voted = 0;
        for (const Match& match : matches) {
            const auto labels = tagging::labels_of(match.record, scheme);
            if (labels.empty()) continue;
            voted += match.score;
            for (const auto& label : labels) {
                Vote& vote = votes[label];
                if (!vote.evidence.empty() && vote.evidence.back() == match.record.id) continue;
                vote.similarity += match.score;
                vote.evidence.push_back(match.record.id);
            }
        }
        const auto vote_share = [&](const std::string& label) {
            const auto it = votes.find(label);
            return it == votes.end() ? 0.0
                                     : it->second.similarity / (voted + options.vote_shrinkage);
        };

        std::map<std::string, Suggestion> suggestions;
        std::map<std::string, double> model_score;  // breaks ties of the calibrated step function
        const auto model = model_probabilities.find(scheme);
        if (model != model_probabilities.end()) {
            for (const auto& [label, probability, score] : model->second) {
                model_score[label] = score;
                Suggestion& s = suggestions[label];
                s.label = label;
                s.confidence = options.model_weight * probability +
                               (1 - options.model_weight) * vote_share(label);
            }
        }
        for (auto& [label, vote] : votes) {
            Suggestion& s = suggestions[label];
            if (s.label.empty()) {  // no model for this label: the vote alone
                s.label = label;
                s.confidence = vote_share(label);
            }
            s.evidence = vote.evidence;
        }
        std::vector<Suggestion> ranked;
        for (auto& [label, s] : suggestions) {
            s.confidence = std::clamp(s.confidence, 0.0, 1.0);
            s.abstain = s.confidence < options.abstain_below;
            ranked.push_back(std::move(s));
        }
        std::stable_sort(
            ranked.begin(), ranked.end(),
            [](const Suggestion& a, const Suggestion& b) { return a.confidence > b.confidence; });
        if (ranked.size() > options.max_suggestions) ranked.resize(options.max_suggestions);
        if (!ranked.empty()) result[scheme] = std::move(ranked);
    }
    return result;
}

}  // namespace tawsiya::matching
