// Trained taggers: isotonic calibration and its error measure, the schemes of an index, and
// `train_models` writing models that load, predict sensibly and change the Matcher's suggestions.
#include <unistd.h>
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

#include "engine/features.hpp"
#include "engine/tagger_calibration.hpp"
#include "engine/tagger_schemes.hpp"
#include "support/temp_dir.hpp"
#include "tawsiya/analyzer.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/index_writer.hpp"
#include "tawsiya/match.hpp"
#include "tawsiya/tagger.hpp"

using namespace tawsiya;

namespace {

// 48 records on three topics, each worded a little differently, so that a label has enough
// positives (and negatives) to be trained.
std::vector<Record> topic_corpus() {
    const std::vector<std::pair<std::string, std::vector<std::string>>> topics = {
        {"Torture",
         {"investigate allegations of torture", "prevent torture in prisons",
          "prosecute perpetrators of ill-treatment", "ratify the protocol against torture"}},
        {"Education",
         {"guarantee free primary education", "improve school enrolment of girls",
          "train teachers in rural schools", "reduce school dropout"}},
        {"Water",
         {"ensure access to safe drinking water", "improve sanitation in rural areas",
          "protect water resources from pollution", "extend water supply networks"}},
    };
    const std::vector<std::string> openings = {"Take measures to", "Step up efforts to",
                                               "Continue to", "Adopt a plan to"};
    std::vector<Record> records;
    int n = 0;
    for (const auto& [theme, phrases] : topics)
        for (const auto& opening : openings)
            for (const auto& phrase : phrases) {
                Record r;
                r.id = "r:" + std::to_string(++n);
                r.text[Lang::en] = opening + " " + phrase + ".";
                r.mechanism = "upr";
                r.body = "UPR";
                r.tags["uhri_theme"] = {theme};
                r.responsible = {theme == "Torture" ? "Justice" : "Government"};
                records.push_back(r);
            }
    return records;
}

void build(const std::string& dir, const Analyzer& analyzer) {
    IndexWriter writer(dir, analyzer);
    for (const auto& r : topic_corpus()) writer.add(r);
    writer.commit();
}

// An index of the topic corpus with trained models, in `dir`/db.
std::string trained_index(const test::TempDir& dir, const Analyzer& analyzer) {
    const std::string db = dir / "db";
    build(db, analyzer);
    train_models(db, analyzer);
    return db;
}

std::string read_text(const std::string& path) {
    std::ifstream in(path);
    return {std::istreambuf_iterator<char>(in), {}};
}

double probability_of(const std::vector<LabelProbability>& probabilities,
                      const std::string& label) {
    for (const auto& p : probabilities)
        if (p.label == label) return p.probability;
    return -1;
}

}  // namespace

TEST_CASE("isotonic calibration is monotone and maps scores to observed frequencies", "[tagger]") {
    std::vector<tagging::Outcome> outcomes;
    // Scores 0.9 are right half of the time, scores 0.1 never: an over-confident classifier.
    for (int i = 0; i < 100; ++i) outcomes.push_back({0.9, i % 2 == 0});
    for (int i = 0; i < 100; ++i) outcomes.push_back({0.1, false});
    CHECK(tagging::expected_calibration_error(outcomes) == Approx(0.5 * 0.4 + 0.5 * 0.1));
    const auto calibration = tagging::IsotonicCalibration::fit(outcomes);
    CHECK(calibration.apply(0.9) == Approx(0.5));
    CHECK(calibration.apply(0.1) == Approx(0.0).margin(1e-9));
    CHECK(calibration.apply(0.5) >= calibration.apply(0.2));
    for (auto& outcome : outcomes) outcome.first = calibration.apply(outcome.first);
    CHECK(tagging::expected_calibration_error(outcomes) == Approx(0.0).margin(1e-9));
    CHECK(tagging::IsotonicCalibration().apply(0.3) == Approx(0.3));  // unfitted: identity
}

TEST_CASE("the label schemes of an index are its record fields and tag schemes", "[tagger]") {
    test::TempDir dir;
    const Analyzer analyzer;
    build(dir / "db", analyzer);
    const Xapian::Database db(dir / "db");
    CHECK(tagging::label_schemes(db) ==
          std::vector<std::string>{"mechanism", "body", "responsible", "uhri_theme"});
    const Record r = topic_corpus().front();
    CHECK(tagging::labels_of(r, "uhri_theme") == std::vector<std::string>{"Torture"});
    CHECK(tagging::labels_of(r, "body") == std::vector<std::string>{"UPR"});
    CHECK(tagging::labels_of(r, "sdg").empty());
}

TEST_CASE("train writes models that load, predict and change the suggestions", "[tagger]") {
    test::TempDir dir;
    const Analyzer analyzer;
    build(dir / "db", analyzer);
    MatchRequest request;
    request.text = "Investigate every allegation of torture in prisons";

    Matcher before(dir / "db", analyzer);
    CHECK_FALSE(before.has_models());
    CHECK(TaggerModels::load(dir / "db") == nullptr);
    const MatchResult voted = before.match(request);

    TrainOptions options;
    options.min_positives = 8;
    const TrainReport report = train_models(dir / "db", analyzer, options);
    CHECK(report.records == 48);
    CHECK(std::filesystem::exists(models_dir(dir / "db") + "/manifest.tsv"));
    bool theme_trained = false;
    for (const auto& s : report.schemes)
        if (s.scheme == "uhri_theme") theme_trained = s.labels == 3;
    CHECK(theme_trained);

    const auto models = TaggerModels::load(dir / "db");
    REQUIRE(models != nullptr);
    const auto probabilities =
        models->predict({"investig", "alleg", "tortur", "prison"})["uhri_theme"];
    CHECK(probability_of(probabilities, "Torture") > probability_of(probabilities, "Water"));
    CHECK(probability_of(probabilities, "Torture") > probability_of(probabilities, "Education"));

    Matcher after(dir / "db", analyzer);
    CHECK(after.has_models());
    const MatchResult trained = after.match(request);
    REQUIRE(trained.suggestions.count("uhri_theme"));
    CHECK(trained.suggestions.at("uhri_theme").front().label == "Torture");
    CHECK(trained.suggestions.at("uhri_theme").front().confidence !=
          Approx(voted.suggestions.at("uhri_theme").front().confidence));
    // Labels without any neighbour still get the model's (small) confidence.
    CHECK(trained.suggestions.at("uhri_theme").size() == 3);

    // Retraining replaces the models in place.
    train_models(dir / "db", analyzer, options);
    CHECK(TaggerModels::load(dir / "db") != nullptr);
}

TEST_CASE("workers share one model set, replaced when training replaces the files", "[tagger]") {
    test::TempDir dir;
    const Analyzer analyzer;
    build(dir / "db", analyzer);
    TrainOptions options;
    options.min_positives = 8;
    train_models(dir / "db", analyzer, options);

    // What each HTTP worker does when it opens (or renews after a commit) its Matcher, at once.
    const auto load_in_workers = [&] {
        std::vector<std::shared_ptr<const TaggerModels>> held(4);
        std::vector<std::thread> workers;
        for (auto& models : held)
            workers.emplace_back([&models, &dir] { models = TaggerModels::load(dir / "db"); });
        for (auto& worker : workers) worker.join();
        return held;
    };
    const auto first = load_in_workers();
    REQUIRE(first.front() != nullptr);
    for (const auto& models : first) CHECK(models.get() == first.front().get());
    CHECK(TaggerModels::load(dir / "db").get() == first.front().get());  // a commit: no reload

    // Retrained on one scheme: the next load of every worker sees the new files, one copy again.
    options.schemes = {"uhri_theme"};
    train_models(dir / "db", analyzer, options);
    const auto second = load_in_workers();
    REQUIRE(second.front() != nullptr);
    CHECK(second.front().get() != first.front().get());
    for (const auto& models : second) CHECK(models.get() == second.front().get());
    CHECK(second.front()->schemes() == std::vector<std::string>{"uhri_theme"});
    CHECK(first.front()->schemes() != second.front()->schemes());  // the old set is still whole
}

TEST_CASE("each scheme keeps the C that ranks its held-out labels best, or the one given",
          "[tagger]") {
    test::TempDir dir;
    const Analyzer analyzer;
    build(dir / "db", analyzer);
    const std::vector<double> candidates = TrainOptions{}.c_values;

    const TrainReport chosen = train_models(dir / "db", analyzer);
    bool theme_seen = false;
    for (const auto& s : chosen.schemes) {
        if (s.labels == 0) continue;
        CHECK(std::find(candidates.begin(), candidates.end(), s.c) != candidates.end());
        if (s.scheme != "uhri_theme") continue;
        theme_seen = true;
        // Three well-separated topics: the held-out records' theme comes first.
        CHECK(s.holdout_map > 0.9);
        CHECK(s.holdout_map <= 1.0);
    }
    CHECK(theme_seen);

    TrainOptions fixed;
    fixed.c_values = {3.0};
    for (const auto& s : train_models(dir / "db", analyzer, fixed).schemes)
        if (s.labels > 0) CHECK(s.c == 3.0);
}

TEST_CASE("the taggers see stopwords in word pairs only, and the first content word", "[tagger]") {
    const Analyzer analyzer;
    const auto tokens = features::tagging_tokens(
        "12. The Government should revise the law (France);", Lang::en, analyzer);
    REQUIRE(tokens.size() == 6);  // the, government, should, revise, the, law
    CHECK(tokens[0] == "=the");
    const auto terms = features::tagging_terms(tokens);
    CHECK(std::count(terms.begin(), terms.end(), "=the") == 0);
    CHECK(std::count(terms.begin(), terms.end(), "=the " + tokens[1]) == 1);
    CHECK(std::count(terms.begin(), terms.end(), "^" + tokens[1]) == 1);
    CHECK(std::none_of(terms.begin(), terms.end(),
                       [](const std::string& t) { return t.find("franc") != std::string::npos; }));
}

TEST_CASE("stored models that cannot be read are an IndexError naming the file", "[tagger]") {
    test::TempDir dir;
    const Analyzer analyzer;
    trained_index(dir, analyzer);
    SECTION("models of another version, with the command that remakes them") {
        const std::string manifest = models_dir(dir / "db") + "/manifest.tsv";
        const std::string old = read_text(manifest);
        std::ofstream(manifest) << "tawsiya-models\t1\n" << old.substr(old.find('\n') + 1);
        CHECK_THROWS_WITH(
            TaggerModels::load(dir / "db"),
            Catch::Contains("another version") && Catch::Contains("tawsiya train --db"));
    }
    SECTION("a malformed number (std::stod would throw its own invalid_argument)") {
        const std::string features = models_dir(dir / "db") + "/features.tsv";
        const std::string text = read_text(features);
        std::ofstream(features) << text.substr(0, text.find('\t')) << "\tnot-a-number\n";
        CHECK_THROWS_MATCHES(
            TaggerModels::load(dir / "db"), IndexError,
            Catch::Message("cannot read the models " + features + ": bad idf 'not-a-number'"));
    }
}

TEST_CASE("models that cannot be installed are an IndexError, the old models kept", "[tagger]") {
    test::TempDir dir;
    const Analyzer analyzer;
    trained_index(dir, analyzer);
    // The place the old models move to while the new ones go in is taken by a non-empty folder.
    const std::string models = models_dir(dir / "db");
    const std::string old = models + ".old-" + std::to_string(::getpid());
    std::filesystem::create_directories(old + "/taken");
    try {
        train_models(dir / "db", analyzer);
        FAIL("no error");
    } catch (const IndexError& e) {
        CHECK_THAT(e.what(), Catch::StartsWith("cannot write the models in " + models + ": "));
    }
    CHECK(TaggerModels::load(dir / "db") != nullptr);
    CHECK(std::filesystem::is_directory(old + "/taken"));
}
