// The pair model of deduplication: a logistic regression over a few pair features (dedup.hpp),
// trained with liblinear (bench/retrieval_eval trains it out-of-fold on the labelled pairs).
#include <linear.h>

#include <cmath>
#include <cstdlib>

#include "tawsiya/dedup.hpp"
#include "tawsiya/error.hpp"

namespace tawsiya {

namespace {

void quiet(const char*) {}

}  // namespace

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
                                                                       "conflict_cosine"};
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
    set_print_string_function(&quiet);
    constexpr int kBias = static_cast<int>(kPairFeatures) + 1;  // liblinear's 1-based bias node
    std::vector<std::vector<feature_node>> nodes;
    std::vector<feature_node*> rows;
    std::vector<double> y;
    for (std::size_t i = 0; i < features.size(); ++i) {
        std::vector<feature_node> row;
        for (std::size_t f = 0; f < kPairFeatures; ++f)
            if (features[i][f] != 0) row.push_back({static_cast<int>(f) + 1, features[i][f]});
        row.push_back({kBias, 1.0});
        row.push_back({-1, 0.0});
        nodes.push_back(std::move(row));
        y.push_back(labels[i] ? 1.0 : -1.0);
    }
    for (auto& row : nodes) rows.push_back(row.data());
    ::problem prob{};
    prob.l = static_cast<int>(rows.size());
    prob.n = kBias;
    prob.y = y.data();
    prob.x = rows.data();
    prob.bias = 1.0;
    parameter param{};
    param.solver_type = L2R_LR;
    param.eps = 0.001;
    param.C = C;
    std::srand(1);  // liblinear draws its visiting order from rand(): the same data, one model
    model* trained = ::train(&prob, &param);
    // liblinear's decision value favours its first label; make it the positive class's.
    const double sign = trained->nr_class == 2 && trained->label[0] == 1 ? 1.0 : -1.0;
    PairModel result;
    for (std::size_t f = 0; f < kPairFeatures; ++f) result.weights[f] = sign * trained->w[f];
    result.bias = sign * trained->w[kPairFeatures];
    free_and_destroy_model(&trained);
    return result;
}

}  // namespace tawsiya
