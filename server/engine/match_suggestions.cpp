#include "engine/match_suggestions.hpp"

#include <algorithm>
#include <cmath>

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

double total_confidence(const std::vector<Suggestion>& suggestions) {
    double sum = 0;
    for (const Suggestion& s : suggestions) sum += s.confidence;
    return sum;
}

// The mechanism held to what the wording or the symbol says (issuer_cues.hpp): the mechanisms the
// cues allow share at least their reliability, the others at most the rest. A cue's mechanism
// that neither a model nor a neighbour proposed is added.
void hold_mechanism_to_cues(std::vector<Suggestion>& mechanisms, const IssuerCues& cues) {
    if (cues.mechanisms.empty()) return;
    const auto allowed = [&](const std::string& label) {
        return std::find(cues.mechanisms.begin(), cues.mechanisms.end(), label) !=
               cues.mechanisms.end();
    };
    for (const std::string& m : cues.mechanisms)
        if (std::none_of(mechanisms.begin(), mechanisms.end(),
                         [&](const Suggestion& s) { return s.label == m; }))
            mechanisms.push_back({m, 0, {}, false, {}});
    double in = 0, out = 0;
    for (const Suggestion& s : mechanisms) (allowed(s.label) ? in : out) += s.confidence;
    for (Suggestion& s : mechanisms) {
        if (!allowed(s.label))
            s.confidence *= out > 1 - cues.reliability ? (1 - cues.reliability) / out : 1.0;
        else if (in == 0)
            s.confidence = cues.reliability / static_cast<double>(cues.mechanisms.size());
        else if (in < cues.reliability)
            s.confidence *= cues.reliability / in;
    }
}

// The body a committee's symbol names is as sure as the symbol; the other bodies share the rest.
void hold_body_to_cues(std::vector<Suggestion>& bodies, const IssuerCues& cues) {
    if (cues.body.empty()) return;
    auto named = std::find_if(bodies.begin(), bodies.end(),
                              [&](const Suggestion& s) { return s.label == cues.body; });
    if (named == bodies.end()) named = bodies.insert(bodies.end(), {cues.body, 0, {}, false, {}});
    named->confidence = std::max(named->confidence, cues.reliability);
    const double others = total_confidence(bodies) - named->confidence;
    if (others > 1 - named->confidence)
        for (Suggestion& s : bodies)
            if (s.label != cues.body) s.confidence *= (1 - named->confidence) / others;
}

// The mechanism and the body are one decision: the body tagger knows the mechanism too (its
// classes are the mechanisms' bodies) and often better than the mechanism's own tagger (a
// mandate's vocabulary says "special procedure" more surely than the mechanism's features do).
// Each mechanism's confidence becomes the geometric mean of its own and its likeliest body's,
// made to sum to 1 over the mechanisms (log-linear pooling of the two taggers' opinions): the
// mechanism then suggested is the one of the likeliest (mechanism, body) pair, and its confidence
// is no surer than the two taggers together are (their plain product was: ECE 0.060 against
// 0.029). The mechanism's tagger alone deciding, or the mean of the two taggers, chose worse
// bodies on Morocco (docs/matching.md).
void join_mechanism_with_bodies(std::vector<Suggestion>& mechanisms,
                                const std::vector<Suggestion>& bodies) {
    std::map<std::string, double> best_body;
    for (const Suggestion& b : bodies) {
        double& best = best_body[mechanism_of_body(b.label)];
        best = std::max(best, b.confidence);
    }
    // A mechanism none of whose bodies is suggested (the index's records of it carry no body)
    // would be ruled out for want of evidence: then the mechanism decides alone.
    for (const Suggestion& m : mechanisms)
        if (m.confidence > 0 && !best_body.count(m.label)) return;
    double sum = 0;
    for (Suggestion& m : mechanisms) {
        m.confidence = std::sqrt(m.confidence * best_body[m.label]);
        sum += m.confidence;
    }
    if (sum > 0)
        for (Suggestion& m : mechanisms) m.confidence /= sum;
}

// The issuing body belongs to the suggested mechanism: the bodies of the others are left out
// ("UPR" is not the body of a text that reads like concluding observations), and none is surer
// than its mechanism.
void keep_bodies_of(const Suggestion& mechanism, std::vector<Suggestion>& bodies) {
    std::erase_if(
        bodies, [&](const Suggestion& b) { return mechanism_of_body(b.label) != mechanism.label; });
    for (Suggestion& b : bodies) b.confidence = std::min(b.confidence, mechanism.confidence);
}

// The mechanism and body held to the cues, then to each other.
void hold_issuer(std::map<std::string, std::vector<Suggestion>>& result, const IssuerCues& cues,
                 bool body_model) {
    const auto mechanisms = result.find("mechanism");
    const auto bodies = result.find("body");
    if (mechanisms != result.end()) hold_mechanism_to_cues(mechanisms->second, cues);
    if (bodies != result.end()) hold_body_to_cues(bodies->second, cues);
    if (mechanisms == result.end() || bodies == result.end()) return;
    // A formula or a symbol that names one mechanism decides it; the bodies only rank within.
    const std::vector<Suggestion> held = mechanisms->second;
    if (cues.mechanisms.size() != 1) join_mechanism_with_bodies(mechanisms->second, bodies->second);
    const auto by_confidence = [](const Suggestion& a, const Suggestion& b) {
        return a.confidence < b.confidence;
    };
    auto top =
        std::max_element(mechanisms->second.begin(), mechanisms->second.end(), by_confidence);
    if (top != mechanisms->second.end() && top->confidence <= 0) {
        mechanisms->second = held;  // no body of any mechanism: the mechanism alone
        top = std::max_element(mechanisms->second.begin(), mechanisms->second.end(), by_confidence);
    }
    if (top == mechanisms->second.end()) return;
    keep_bodies_of(*top, bodies->second);
    // The taggers gave the bodies of a mechanism they did not see as surely as the cue does: its
    // bodies then share its confidence in proportion to theirs, p(body | mechanism, text) times
    // p(mechanism | cue). Only where a body model weighs every body: the neighbours' votes name
    // a few, and one neighbour's body would take all of it.
    if (cues.mechanisms.size() == 1 && body_model) {
        const double sum = total_confidence(bodies->second);
        if (sum > 0)
            for (Suggestion& b : bodies->second) b.confidence *= top->confidence / sum;
    }
    if (bodies->second.empty()) result.erase(bodies);
}

}  // namespace

std::map<std::string, std::vector<Suggestion>> suggest(
    const std::vector<Match>& matches, const std::vector<std::string>& schemes,
    const std::map<std::string, std::vector<LabelProbability>>& model_probabilities,
    const MatchOptions& options, const IssuerCues& cues) {
    std::map<std::string, std::vector<Suggestion>> result;
    // The index's schemes, and those a model brings beside them: the SDGs trained on their
    // official texts (tagger_train.cpp) have a model whatever the neighbours carry.
    std::vector<std::string> all_schemes = schemes;
    for (const auto& [scheme, _] : model_probabilities)
        if (std::find(all_schemes.begin(), all_schemes.end(), scheme) == all_schemes.end())
            all_schemes.push_back(scheme);
    for (const auto& scheme : all_schemes) {
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
        const auto model = model_probabilities.find(scheme);
        if (model != model_probabilities.end()) {
            for (const auto& [label, probability, reference] : model->second) {
                Suggestion& s = suggestions[label];
                s.label = label;
                s.confidence = options.model_weight * probability +
                               (1 - options.model_weight) * vote_share(label);
                s.reference = reference;
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
        for (auto& [label, s] : suggestions) ranked.push_back(std::move(s));
        if (!ranked.empty()) result[scheme] = std::move(ranked);
    }
    // Before the cut to max_suggestions: a body's share of its mechanism counts all its rivals.
    hold_issuer(result, cues, model_probabilities.count("body") > 0);
    for (auto& [scheme, ranked] : result) {
        for (Suggestion& s : ranked) {
            s.confidence = std::clamp(s.confidence, 0.0, 1.0);
            s.abstain = s.confidence < options.abstain_below;
        }
        std::stable_sort(
            ranked.begin(), ranked.end(),
            [](const Suggestion& a, const Suggestion& b) { return a.confidence > b.confidence; });
        if (ranked.size() > options.max_suggestions) ranked.resize(options.max_suggestions);
    }
    return result;
}

}  // namespace tawsiya::matching
