// Loading the stored taggers (layout in tagger_format.hpp) and predicting with them.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <string_view>
#include <system_error>
#include <tuple>

#include <sys/stat.h>

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

namespace {

// A reference text of a label (an SDG target in one language) as the models see it.
struct Reference {
    std::string label;
    ReferenceMatch match;  // its id, language and text (similarity 0)
    features::SparseVector vector;
};

std::vector<std::string> split_spaces(std::string_view s) {
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < s.size()) {
        std::size_t end = s.find(' ', start);
        if (end == std::string_view::npos) end = s.size();
        if (end > start) words.emplace_back(s.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

// scheme -> its reference texts; none when the file is absent (models without SDG texts).
std::map<std::string, std::vector<Reference>> read_references(
    const fs::path& path, const features::Dictionary& dictionary) {
    std::map<std::string, std::vector<Reference>> references;
    std::ifstream in(path, std::ios::binary);
    if (!in) return references;
    std::string line;
    while (std::getline(in, line)) {
        std::vector<std::string_view> fields;
        std::size_t start = 0;
        for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
            fields.emplace_back(std::string_view(line).substr(start, tab - start));
        fields.emplace_back(std::string_view(line).substr(start));
        if (fields.size() != 6) corrupt(path, "bad line");
        Reference r;
        r.label = fields[1];
        r.match = {std::string(fields[2]), std::string(fields[3]), std::string(fields[4]), 0};
        r.vector = dictionary.vectorise(features::tagging_terms(split_spaces(fields[5])));
        if (!r.vector.empty()) references[std::string(fields[0])].push_back(std::move(r));
    }
    return references;
}

}  // namespace

struct TaggerModels::Impl {
    features::Dictionary dictionary;
    std::vector<SchemeModel> schemes;
    std::map<std::string, std::vector<Reference>> references;  // scheme -> reference texts
};

namespace {

// Each label's reference text closest to the text's vector, when any shares a feature with it,
// in the text's language: the language whose references the text is most like, summed over them
// (a French text shares a few stems with English texts, "transport", but far more with French).
void cite_references(const std::vector<Reference>& references, const features::SparseVector& vector,
                     std::vector<LabelProbability>& out) {
    std::vector<double> similarity(references.size());
    std::map<std::string, double> by_language;
    for (std::size_t i = 0; i < references.size(); ++i) {
        similarity[i] = features::dot(vector, references[i].vector);  // both normalised
        if (similarity[i] > 0) by_language[references[i].match.lang] += similarity[i];
    }
    if (by_language.empty()) return;
    const std::string lang =
        std::max_element(by_language.begin(), by_language.end(), [](const auto& a, const auto& b) {
            return a.second < b.second;
        })->first;
    // label -> (in the text's language?, similarity, reference): its language first.
    std::map<std::string, std::tuple<bool, double, std::size_t>> best;
    for (std::size_t i = 0; i < references.size(); ++i) {
        if (similarity[i] <= 0) continue;
        const std::tuple<bool, double, std::size_t> candidate{references[i].match.lang == lang,
                                                              similarity[i], i};
        auto [it, added] = best.emplace(references[i].label, candidate);
        if (!added && std::get<0>(candidate) >= std::get<0>(it->second) &&
            (std::get<0>(candidate) > std::get<0>(it->second) ||
             std::get<1>(candidate) > std::get<1>(it->second)))
            it->second = candidate;
    }
    for (LabelProbability& p : out)
        if (const auto it = best.find(p.label); it != best.end()) {
            const auto& [in_lang, value, index] = it->second;
            p.reference = references[index].match;
            p.reference->similarity = value;
        }
}

}  // namespace

TaggerModels::TaggerModels(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TaggerModels::~TaggerModels() = default;

namespace {

// What a models directory holds: each file's name, size, modification time and inode. Training
// installs a new directory of new files (tagger_train.cpp: install), so a retraining changes it;
// empty when the directory cannot be read.
std::string models_stamp(const fs::path& dir) {
    std::vector<std::string> entries;
    std::error_code error;
    for (fs::directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) {
        struct stat st {};
        if (::stat(it->path().c_str(), &st) != 0) return {};
        entries.push_back(it->path().filename().string() + '\t' + std::to_string(st.st_size) +
                          '\t' + std::to_string(st.st_mtim.tv_sec) + '.' +
                          std::to_string(st.st_mtim.tv_nsec) + '\t' + std::to_string(st.st_ino));
    }
    if (error) return {};
    std::sort(entries.begin(), entries.end());
    std::string stamp;
    for (const std::string& entry : entries) stamp += entry + '\n';
    return stamp;
}

// The models loaded last for each models directory, while anything still holds them: every
// Matcher of a server (one per HTTP worker, renewed after each commit) shares one immutable set,
// read again only when training replaced the files.
struct LoadedModels {
    std::string stamp;
    std::weak_ptr<const TaggerModels> models;
};

std::mutex& loaded_mutex() {
    static std::mutex mutex;
    return mutex;
}

std::map<std::string, LoadedModels>& loaded_models() {
    static std::map<std::string, LoadedModels> loaded;
    return loaded;
}

}  // namespace

std::shared_ptr<const TaggerModels> TaggerModels::load(const std::string& db_dir) {
    const fs::path dir = models_dir(db_dir);
    std::error_code error;  // no current directory: the path as given is the key
    const fs::path absolute = fs::absolute(dir, error);
    const std::string key = (error ? dir : absolute).lexically_normal().string();
    // Held while reading, so that workers renewing their Matchers at once wait for one read and
    // share its result instead of each reading a copy.
    const std::lock_guard lock(loaded_mutex());
    auto& loaded = loaded_models();
    std::erase_if(loaded, [](const auto& entry) { return entry.second.models.expired(); });
    const std::string stamp = models_stamp(dir);
    if (const auto found = loaded.find(key); found != loaded.end() && !stamp.empty()) {
        if (found->second.stamp == stamp)
            if (auto models = found->second.models.lock()) return models;
    }
    std::shared_ptr<const TaggerModels> models = read(db_dir);
    // Files replaced while they were read: not kept, the next load reads the new ones.
    if (models && !stamp.empty() && models_stamp(dir) == stamp)
        loaded[key] = {stamp, models};
    else
        loaded.erase(key);
    return models;
}

std::shared_ptr<const TaggerModels> TaggerModels::read(const std::string& db_dir) {
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
    impl->references = read_references(dir / tagging::kReferencesFile, impl->dictionary);
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
                {model.labels[l], model.calibration.apply(1.0 / (1.0 + std::exp(-logits[l]))), {}});
        if (const auto refs = impl_->references.find(model.scheme); refs != impl_->references.end())
            cite_references(refs->second, vector, out);
    }
    return result;
}

std::vector<std::string> TaggerModels::schemes() const {
    std::vector<std::string> names;
    for (const auto& model : impl_->schemes) names.push_back(model.scheme);
    return names;
}

}  // namespace tawsiya
