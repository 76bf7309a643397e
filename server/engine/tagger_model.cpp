// Loading the stored taggers (layout in tagger_format.hpp) and predicting with them.
#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string_view>
#include <system_error>

#include "engine/features.hpp"
#include "engine/tagger_calibration.hpp"
#include "engine/tagger_format.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/tagger.hpp"

namespace fs = std::filesystem;

namespace tawsiya {

namespace {

struct SchemeModel {
    std::string scheme;
    std::vector<std::string> labels;
    tagging::IsotonicCalibration calibration;
    std::vector<float> bias;     // per label
    std::vector<float> weights;  // [feature][label]
};

[[noreturn]] void corrupt(const fs::path& path, const std::string& what) {
    throw IndexError("cannot read the models " + path.string() + ": " + what);
}

// A whole field as a number; anything else (std::stoul would throw its own invalid_argument, or
// read "12abc" as 12) is a corrupt file.
template <typename Number>
Number read_number(std::string_view field, const fs::path& path, const std::string& what) {
    Number value{};
    const char* end = field.data() + field.size();
    const auto [stop, error] = std::from_chars(field.data(), end, value);
    if (error != std::errc() || stop != end)
        corrupt(path, "bad " + what + " '" + std::string(field) + "'");
    return value;
}

std::size_t read_count(std::istream& in, const std::string& keyword, const fs::path& path) {
    std::string line;
    if (!std::getline(in, line) || line.rfind(keyword + " ", 0) != 0)
        corrupt(path, "no " + keyword);
    return read_number<std::size_t>(std::string_view(line).substr(keyword.size() + 1), path,
                                    keyword + " count");
}

SchemeModel read_scheme(const fs::path& path, const std::string& scheme, std::size_t features) {
    std::ifstream in(path, std::ios::binary);
    if (!in) corrupt(path, "missing");
    SchemeModel model;
    model.scheme = scheme;
    const std::size_t labels = read_count(in, "labels", path);
    model.labels.resize(labels);
    for (auto& label : model.labels)
        if (!std::getline(in, label)) corrupt(path, "truncated labels");
    const std::size_t points = read_count(in, "calibration", path);
    std::vector<double> xs(points), ys(points);
    for (std::size_t i = 0; i < points; ++i) {
        std::string line;
        if (!std::getline(in, line)) corrupt(path, "truncated calibration");
        std::istringstream fields(line);
        if (!(fields >> xs[i] >> ys[i])) corrupt(path, "bad calibration point");
    }
    model.calibration = tagging::IsotonicCalibration(std::move(xs), std::move(ys));
    if (read_count(in, "features", path) != features) corrupt(path, "feature count differs");
    model.bias.resize(labels);
    model.weights.resize(features * labels);
    in.read(reinterpret_cast<char*>(model.bias.data()), labels * sizeof(float));
    in.read(reinterpret_cast<char*>(model.weights.data()), model.weights.size() * sizeof(float));
    if (!in) corrupt(path, "truncated weights");
    return model;
}

}  // namespace

struct TaggerModels::Impl {
    features::Dictionary dictionary;
    std::vector<SchemeModel> schemes;
};

TaggerModels::TaggerModels(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TaggerModels::~TaggerModels() = default;

std::shared_ptr<const TaggerModels> TaggerModels::load(const std::string& db_dir) {
    const fs::path dir = models_dir(db_dir);
    std::ifstream manifest(dir / tagging::kManifestFile, std::ios::binary);
    if (!manifest) return nullptr;
    auto impl = std::make_unique<Impl>();
    std::string line;
    if (!std::getline(manifest, line) || line != tagging::kManifestHeader) {
        if (line.starts_with(tagging::kManifestPrefix))
            corrupt(dir / tagging::kManifestFile,
                    "made by another version of tawsiya; run `tawsiya train --db " + db_dir +
                        "` again");
        corrupt(dir / tagging::kManifestFile, "unknown format");
    }

    std::ifstream features(dir / tagging::kFeaturesFile, std::ios::binary);
    if (!features) corrupt(dir / tagging::kFeaturesFile, "missing");
    while (std::getline(features, line)) {
        const auto tab = line.find('\t');
        if (tab == std::string::npos) corrupt(dir / tagging::kFeaturesFile, "bad line");
        impl->dictionary.add(line.substr(0, tab),
                             read_number<double>(std::string_view(line).substr(tab + 1),
                                                 dir / tagging::kFeaturesFile, "idf"));
    }
    while (std::getline(manifest, line)) {
        const auto tab = line.find('\t');
        if (tab == std::string::npos) corrupt(dir / tagging::kManifestFile, "bad line");
        impl->schemes.push_back(
            read_scheme(dir / line.substr(tab + 1), line.substr(0, tab), impl->dictionary.size()));
    }
    return std::make_shared<TaggerModels>(std::move(impl));
}

std::map<std::string, std::vector<LabelProbability>> TaggerModels::predict(
    const std::vector<std::string>& stems) const {
    const features::SparseVector vector =
        impl_->dictionary.vectorise(features::tagging_terms(stems));
    std::map<std::string, std::vector<LabelProbability>> result;
    for (const SchemeModel& model : impl_->schemes) {
        const std::size_t labels = model.labels.size();
        std::vector<double> logits(model.bias.begin(), model.bias.end());
        for (const auto& [feature, weight] : vector) {
            const float* row = model.weights.data() + std::size_t(feature) * labels;
            for (std::size_t l = 0; l < labels; ++l) logits[l] += row[l] * weight;
        }
        auto& out = result[model.scheme];
        out.reserve(labels);
        for (std::size_t l = 0; l < labels; ++l)
            out.push_back(
                {model.labels[l], model.calibration.apply(1.0 / (1.0 + std::exp(-logits[l])))});
    }
    return result;
}

std::vector<std::string> TaggerModels::schemes() const {
    std::vector<std::string> names;
    for (const auto& model : impl_->schemes) names.push_back(model.scheme);
    return names;
}

}  // namespace tawsiya
