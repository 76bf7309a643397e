// The pair model of deduplication: a logistic regression over a few pair features (dedup.hpp),
// trained with liblinear (bench/retrieval_eval trains it out-of-fold on the labelled pairs).
#include <cmath>
#include <numeric>

#include "engine/linear_binary.hpp"
#include "tawsiya/dedup.hpp"
#include "tawsiya/error.hpp"

namespace tawsiya {

std::string_view pair_feature_name(PairFeature feature) {
    static constexpr std::array<std::string_view, kPairFeatures> names{"cosine",
                                                                       "cross_language",
                                                                       "cross_cosine",
                                                                       "containment",
                                                                       "same_instrument",
                                                                       "same_object",
                                                                       "instrument_conflict",
                                                                       "action_conflict",
                                                                       "first_action_differs",
                                                                       "group_conflict",
                                                                       "object_conflict",
                                                                       "number_conflict",
                                                                       "conflict_cosine",
                                                                       "degree_differs"};
    return names.at(static_cast<std::size_t>(feature));
}

double PairModel::probability(const PairFeatures& features) const {
    double z = bias;
    for (std::size_t f = 0; f < kPairFeatures; ++f) z += weights[f] * features[f];
    return 1.0 / (1.0 + std::exp(-z));
}

PairModel train_pair_model(const std::vector<PairFeatures>& features,
                           const std::vector<bool>& labels, double C) {
    if (features.size() != labels.size() || features.empty())
        throw UsageError("pairs", "need one label per pair, and at least one pair");
    if (!(C > 0)) throw UsageError("c", "must be positive");
    engine::LinearRows rows(static_cast<int>(kPairFeatures));
    std::vector<double> y;
    for (std::size_t i = 0; i < features.size(); ++i) {
        std::vector<std::pair<std::size_t, double>> row;
        for (std::size_t f = 0; f < kPairFeatures; ++f)
            if (features[i][f] != 0) row.emplace_back(f, features[i][f]);
        rows.add(row);
        y.push_back(labels[i] ? 1.0 : -1.0);
    }
    std::vector<std::size_t> all(features.size());
    std::iota(all.begin(), all.end(), std::size_t{0});
    // Logistic regression, so that the margin is a probability.
    const engine::LinearWeights trained = engine::train_linear(rows, all, y, {L2R_LR, 0.001, C, 1});
    PairModel result;
    for (std::size_t f = 0; f < kPairFeatures; ++f) result.weights[f] = trained.weights[f];
    result.bias = trained.bias;
    return result;
}

}  // namespace tawsiya
