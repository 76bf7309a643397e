// Trained taggers: for every label scheme of an index (mechanism, body, responsible and each tag
// scheme), one-vs-rest linear SVMs (liblinear, squared hinge) on TF-IDF features of the
// records' stems and word pairs, with C and a calibration chosen on a held-out fold. `tawsiya
// train` writes them beside the index, in DIR/tawsiya-models/; the Matcher loads them and blends
// them with its neighbours' votes.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tawsiya/analyzer.hpp"

namespace tawsiya {

struct TrainOptions {
    std::size_t min_positives = 8;  // a label needs this many records (and as many without it)
    // Candidates for liblinear's C (inverse regularisation): each scheme keeps the one whose models
    // rank the held-out records' labels best (docs/matching.md says why); one value fixes C.
    std::vector<double> c_values = {0.5, 1, 2, 4};
    unsigned seed = 1;           // of liblinear's visiting order: the same data, the same models
    unsigned holdout_every = 4;  // 1 record group in N is held out to fit the calibration
    std::vector<std::string> schemes;  // only these schemes (empty: every scheme of the index)
    bool verbose = false;              // progress on stderr
    // When the index has the `sdg` scheme: the official wording of the SDGs' goals, targets and
    // indicators in Arabic, French and English (lexicon/sdg-targets.tsv) are labelled training
    // records of their goal too, so that a French or Arabic text gets SDG suggestions from an
    // index whose SDG-labelled records are English only. They are never held out: the C and the
    // calibration are chosen on the index's own records (on the texts themselves when none).
    bool sdg_targets = true;
};

struct SchemeTrainReport {
    std::string scheme;
    std::size_t records = 0;         // records carrying a label of the scheme
    std::size_t references = 0;      // reference texts trained beside them (the SDG texts)
    std::size_t labels = 0;          // labels with a model
    std::size_t labels_skipped = 0;  // too few positives
    double holdout_ece = 0;          // expected calibration error on the held-out fold, before
    double calibrated_ece = 0;       // and after calibration (fitted on that fold: optimistic)
    double c = 0;                    // the C kept
    double holdout_map = 0;          // its mean average precision on the held-out fold
};

struct TrainReport {
    std::size_t records = 0;
    std::size_t features = 0;
    std::vector<SchemeTrainReport> schemes;
    std::string models_dir;
};

// DIR/tawsiya-models
std::string models_dir(const std::string& db_dir);

// Trains every scheme of the index at `db_dir` and replaces DIR/tawsiya-models atomically (written
// to a temporary directory, then renamed). Throws IndexError when the index cannot be read or the
// models not written, UsageError when `options.c_values` is empty.
TrainReport train_models(const std::string& db_dir, const Analyzer& analyzer,
                         const TrainOptions& options = {});

// The training text of a label that a text is most like: for an SDG, the official wording of
// the goal, target or indicator, in the text's language when it is one of the three.
struct ReferenceMatch {
    std::string id;    // "sdg:4.7" (target 4.7), "sdg:5" (the goal), "sdg:5.2.1" (an indicator)
    std::string lang;  // "ar", "fr" or "en"
    std::string text;
    double similarity = 0;  // cosine of the two texts' TF-IDF features, in (0, 1]
};

struct LabelProbability {
    std::string label;
    double probability = 0;                   // calibrated
    std::optional<ReferenceMatch> reference;  // when the label has reference texts (the SDGs)
};

// The stored models, loaded for prediction. Immutable once loaded: share it between threads.
class TaggerModels {
  public:
    // The models beside the index, or nullptr when there are none. Throws IndexError when they
    // exist but cannot be read. Loads of one index share one set while anything holds it (every
    // HTTP worker's Matcher, renewed after each commit, gets the same pointer); the files are read
    // again only when training has replaced them. Thread-safe.
    static std::shared_ptr<const TaggerModels> load(const std::string& db_dir);
    ~TaggerModels();

    // Calibrated probability of every modelled label of every scheme for a text, given its tokens
    // in text order: the stems of its content words and its stopwords marked "=word" (as the
    // engine's features::tagging_tokens makes them; stems alone work too, without the word pairs).
    std::map<std::string, std::vector<LabelProbability>> predict(
        const std::vector<std::string>& stems) const;

    std::vector<std::string> schemes() const;

    struct Impl;
    explicit TaggerModels(std::unique_ptr<Impl> impl);

  private:
    static std::shared_ptr<const TaggerModels> read(const std::string& db_dir);  // no sharing

    std::unique_ptr<Impl> impl_;
};

}  // namespace tawsiya
