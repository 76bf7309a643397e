// TF-IDF features of a text's stems: the representation the trained taggers learn from and predict
// on, and the one match scores compare.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "tawsiya/analyzer.hpp"
#include "tawsiya/language.hpp"

namespace tawsiya::features {

// A feature of a sparse vector and its weight.
struct Feature {
    std::uint32_t id;
    float weight;
};

// Features sorted by id, L2-normalised: what the taggers learn from and deduplication compares
// (normalised() makes one).
using SparseVector = std::vector<Feature>;

// Stems and their TF-IDF weights, not normalised: what matching compares. A text carried into
// another language is a sum over its stems' translations, compared by the norm of the text's own
// vector, so the weights must stay as they are.
using StemVector = std::unordered_map<std::string, double>;

// Smoothed inverse document frequency (as scikit-learn's): log((1 + N) / (1 + df)) + 1.
double idf(double documents, double document_frequency);

// Sublinear term weight: 1 + log(count).
double tf(unsigned count);

// The TF-IDF weight of a term seen `count` times whose IDF is `idf`: tf(count) * idf.
double tfidf_weight(unsigned count, double idf);

// The content stems of a text in one language: its paragraph number and recommending states
// stripped, stopwords left out, one entry per occurrence.
std::vector<std::string> content_stems(std::string_view text, Lang lang, const Analyzer& analyzer);

// The content stems without the lead-in (strip_lead_in: "The Committee recommends that the State
// party take all necessary measures to"), synonymous phrases made canonical (engine/synonyms.hpp):
// what matching and deduplication compare.
std::vector<std::string> request_stems(std::string_view text, Lang lang, const Analyzer& analyzer);

// The same of a text already cleaned by strip_recommendation_noise.
std::vector<std::string> request_stems_of_content(std::string_view content, Lang lang,
                                                  const Analyzer& analyzer);
// The same of its request_word_stems (tawsiya/recommendation_text.hpp), as the index stores them.
std::vector<std::string> request_stems_of_word_stems(const std::vector<std::string>& word_stems,
                                                     Lang lang, const Analyzer& analyzer);

// The words the taggers see, in text order (paragraph number and states stripped): content stems,
// and stopwords as "=word". The stopwords are the phrasing a mechanism writes in: "recommande au
// Gouvernement de" is a special rapporteur's, "l'État partie devrait" a committee's.
std::vector<std::string> tagging_tokens(std::string_view text, Lang lang, const Analyzer& analyzer);

// What the taggers learn from, given tagging_tokens: the content stems, the pairs of adjacent
// tokens ("a b", stopwords included: "consider ratifying" is not "ratify", "=au gouvern" is not
// "=l' état") and the first content stem marked "^" (a recommendation's first verb says its kind
// of action). A stopword alone is no feature: it says little without its neighbour.
std::vector<std::string> tagging_terms(const std::vector<std::string>& tokens);

// Stem -> occurrences.
std::unordered_map<std::string, unsigned> count(const std::vector<std::string>& stems);

// The one TF-IDF vectoriser: each term of `counts` (term -> occurrences, in its order) that
// `feature_of` knows, as its feature (of type Key) weighing tfidf_weight(occurrences, IDF).
// `feature_of(term)` returns the term's feature and IDF, std::nullopt for a term outside the
// vocabulary; the IDF source is the caller's (the index's document frequencies for matching, the
// list's own for deduplication, the trained Dictionary for the taggers).
template <class Key, class Counts, class FeatureOf>
std::vector<std::pair<Key, double>> tfidf_of_counts(const Counts& counts, FeatureOf&& feature_of) {
    std::vector<std::pair<Key, double>> weights;
    for (const auto& [term, n] : counts)
        if (const std::optional<std::pair<Key, double>> feature = feature_of(term))
            weights.emplace_back(feature->first, tfidf_weight(n, feature->second));
    return weights;
}

// The same of a text's stems, counted by count(stems).
template <class Key, class FeatureOf>
std::vector<std::pair<Key, double>> tfidf(const std::vector<std::string>& stems,
                                          FeatureOf&& feature_of) {
    return tfidf_of_counts<Key>(count(stems), feature_of);
}

// Weights of features as a SparseVector: sorted by id, each rounded to float and divided by the
// norm of the weights (empty if there is none).
SparseVector normalised(const std::vector<std::pair<std::uint32_t, double>>& weights);

// A vector's weight on a feature, or null: by binary search in a SparseVector, by hash in a
// StemVector. With norm, dot, cosine and coverage below, the one algebra over both kinds.
const float* weight_of(const SparseVector& v, std::uint32_t id);
const double* weight_of(const StemVector& v, const std::string& stem);

// The L2 norm of a vector.
template <class Vector>
double norm(const Vector& v) {
    double sum = 0;
    for (const auto& [feature, weight] : v) sum += double(weight) * double(weight);
    return std::sqrt(sum);
}

// The dot product, in the order of b's features: of two L2-normalised vectors, their cosine.
template <class A, class B>
double dot(const A& a, const B& b) {
    double sum = 0;
    for (const auto& [feature, weight] : b)
        if (const auto* other = weight_of(a, feature)) sum += double(weight) * double(*other);
    return sum;
}

// The cosine of a and b given their norms (0 if either is 0; at most 1 whatever the rounding).
// a_norm need not be a's own: a translated vector is compared by the norm of the text's.
template <class A, class B>
double cosine(const A& a, double a_norm, const B& b, double b_norm) {
    if (a_norm == 0 || b_norm == 0) return 0;
    return std::min(1.0, dot(a, b) / (a_norm * b_norm));
}

// The share of a's squared weight (over a_norm squared) on the features that b has.
template <class A, class B>
double coverage(const A& a, double a_norm, const B& b) {
    if (a_norm == 0) return 0;
    double covered = 0;
    for (const auto& [feature, weight] : a)
        if (weight_of(b, feature)) covered += double(weight) * double(weight);
    return covered / (a_norm * a_norm);
}

// The vocabulary the taggers were trained on, with each stem's IDF.
class Dictionary {
  public:
    std::uint32_t add(std::string stem, double idf);  // returns the new feature's index
    std::optional<std::uint32_t> find(const std::string& stem) const;
    std::size_t size() const { return stems_.size(); }
    const std::string& stem(std::uint32_t index) const { return stems_[index]; }
    double idf(std::uint32_t index) const { return idfs_[index]; }

    // TF-IDF of the stems known to the dictionary, L2-normalised (empty if none is known).
    SparseVector vectorise(const std::vector<std::string>& stems) const;

  private:
    std::vector<std::string> stems_;
    std::vector<double> idfs_;
    std::unordered_map<std::string, std::uint32_t> index_;
};

}  // namespace tawsiya::features
