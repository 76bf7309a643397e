#include "engine/match_suggestions.hpp"

#include <algorithm>

#include "engine/tagger_schemes.hpp"

namespace tawsiya::matching {

namespace {

struct Vote {
    double similarity = 0;
    std::vector<std::string> evidence;
};

// The mechanism an issuing body belongs to: the UPR, a treaty body (its committee's acronym), or
// else a special procedure's mandate.
std::string mechanism_of_body(const std::string& body) {
    static const char* const kTreatyBodies[] = {"CAT",   "CCPR", "CED", "CEDAW", "CERD",
                                                "CESCR", "CMW",  "CRC", "CRPD",  "SPT"};
    if (body == "UPR") return "upr";
    for (const char* committee : kTreatyBodies)
        if (body == committee) return "treaty_body";
    return "special_procedure";
}

// An issuing body is only as likely as its mechanism: "UPR" cannot be the body of a text that is
// most likely a treaty body's. Each body's confidence is scaled by its mechanism's confidence
// relative to the best mechanism's, so the bodies of the likeliest mechanism keep theirs.
void make_body_consistent(std::map<std::string, std::vector<Suggestion>>& result,
                          const MatchOptions& options) {
    const auto mechanisms = result.find("mechanism");
    const auto bodies = result.find("body");
    if (mechanisms == result.end() || bodies == result.end() || mechanisms->second.empty()) return;
    const double best = mechanisms->second.front().confidence;
    if (best <= 0) return;
    std::map<std::string, double> mechanism_confidence;
    for (const Suggestion& m : mechanisms->second) mechanism_confidence[m.label] = m.confidence;
    for (Suggestion& b : bodies->second) {
        const auto it = mechanism_confidence.find(mechanism_of_body(b.label));
        const double relative = it == mechanism_confidence.end() ? 0.0 : it->second / best;
        b.confidence *= std::min(1.0, relative);
        b.abstain = b.confidence < options.abstain_below;
    }
    std::stable_sort(
        bodies->second.begin(), bodies->second.end(),
        [](const Suggestion& a, const Suggestion& b) { return a.confidence > b.confidence; });
}

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
    make_body_consistent(result, options);
    return result;
}

}  // namespace tawsiya::matching
