// The one TF-IDF vectoriser and its vector algebra (engine/features.hpp), which the taggers,
// matching and deduplication share: the weights it gives, the normalised vectors, and cosine,
// coverage and dot over both kinds of vector (sorted features, stems by hash).
#include <catch2/catch.hpp>
#include <cmath>

#include "engine/features.hpp"

using namespace tawsiya;

namespace {

// A vocabulary of three stems with their IDF; any other stem is unknown.
std::optional<std::pair<std::uint32_t, double>> toy_feature(const std::string& stem) {
    if (stem == "rare") return std::pair{0u, 3.0};
    if (stem == "common") return std::pair{2u, 1.0};
    if (stem == "middle") return std::pair{1u, 2.0};
    return std::nullopt;
}

}  // namespace

TEST_CASE("tfidf weighs each known stem once, sublinearly in its count", "[features]") {
    const auto weights = features::tfidf<std::uint32_t>(
        {"common", "rare", "common", "unknown", "common", "common"}, toy_feature);
    REQUIRE(weights.size() == 2);
    std::map<std::uint32_t, double> by_id(weights.begin(), weights.end());
    CHECK(by_id.at(0) == Approx(3.0));                     // tf(1) * 3
    CHECK(by_id.at(2) == Approx(1.0 + std::log(4.0)));     // tf(4) * 1
    CHECK(features::tfidf_weight(4, 1.0) == by_id.at(2));  // the one formula
    CHECK(features::tfidf<std::uint32_t>({"unknown"}, toy_feature).empty());
}

TEST_CASE("normalised vectors are sorted by feature and have norm 1", "[features]") {
    const features::SparseVector v = features::normalised(
        features::tfidf<std::uint32_t>({"common", "middle", "rare", "middle"}, toy_feature));
    REQUIRE(v.size() == 3);
    CHECK(v[0].id == 0);
    CHECK(v[1].id == 1);
    CHECK(v[2].id == 2);
    CHECK(features::norm(v) == Approx(1.0));
    // Rare and twice-seen weigh more than common: 3, 2 * (1 + log 2), 1 before normalising.
    CHECK(v[0].weight / v[2].weight == Approx(3.0));
    CHECK(v[1].weight / v[2].weight == Approx(2.0 * (1.0 + std::log(2.0))));
    CHECK(features::normalised({}).empty());
}

TEST_CASE("the dictionary vectorises with the vectoriser and its own IDF", "[features]") {
    features::Dictionary dictionary;
    dictionary.add("droit", 1.0);
    dictionary.add("enfant", 2.0);
    const features::SparseVector v = dictionary.vectorise({"enfant", "droit", "droit", "loi"});
    REQUIRE(v.size() == 2);
    CHECK(v[0].id == 0);
    CHECK(v[1].weight / v[0].weight == Approx(2.0 / (1.0 + std::log(2.0))));
    CHECK(features::norm(v) == Approx(1.0));
    CHECK(dictionary.vectorise({"loi"}).empty());
}

TEST_CASE("dot, cosine and coverage agree over both kinds of vector", "[features]") {
    const features::SparseVector a{{0, 0.6f}, {3, 0.8f}};
    const features::SparseVector b{{1, 0.6f}, {3, 0.8f}};
    const features::StemVector sa{{"x", 0.6}, {"w", 0.8}};
    const features::StemVector sb{{"y", 0.6}, {"w", 0.8}};

    CHECK(features::weight_of(a, 3) != nullptr);
    CHECK(*features::weight_of(a, 3) == 0.8f);
    CHECK(features::weight_of(a, 1) == nullptr);
    CHECK(features::weight_of(sa, "y") == nullptr);

    CHECK(features::dot(a, b) == Approx(0.64));
    CHECK(features::dot(sa, sb) == Approx(features::dot(a, b)));
    CHECK(features::cosine(sa, 1.0, sb, 1.0) == Approx(0.64));
    CHECK(features::cosine(sa, 0.0, sb, 1.0) == 0.0);
    // Not above 1 however the norms given round: a translated vector is over the text's norm.
    CHECK(features::cosine(sa, 0.5, sa, 1.0) == 1.0);
    CHECK(features::coverage(a, 1.0, b) == Approx(0.64));
    CHECK(features::coverage(sa, 1.0, sb) == Approx(features::coverage(a, 1.0, b)));
    CHECK(features::coverage(sa, 0.0, sb) == 0.0);
}
