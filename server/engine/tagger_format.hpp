// The on-disk layout of trained taggers, in DIR/tawsiya-models/:
//   manifest.tsv    "tawsiya-models<TAB>2", then one line per scheme: scheme<TAB>file
//   features.tsv    one line per feature: term<TAB>idf (the feature index is the line number - 1;
//                   terms as features::tagging_terms makes them)
//   <file>          a scheme's models: text lines "labels L", the L labels, "calibration K",
//                   K lines "score probability" (the isotonic points), "features F", then binary
//                   little-endian float32: bias[L], then weights[F][L] (feature-major, so a text's
//                   few features each add one contiguous row).
//   references.tsv  optional (the SDG texts, engine/sdg_targets.hpp): one line per text and
//                   language: scheme<TAB>label<TAB>id<TAB>lang<TAB>text<TAB>tokens (the
//                   features::tagging_tokens, space-separated); a suggestion cites the closest.
#pragma once

#include <string_view>

namespace tawsiya::tagging {

inline constexpr std::string_view kModelsDirName = "tawsiya-models";
inline constexpr std::string_view kManifestFile = "manifest.tsv";
inline constexpr std::string_view kFeaturesFile = "features.tsv";
inline constexpr std::string_view kReferencesFile = "references.tsv";
// Version 2: features with stopwords in word pairs. Models of version 1 (2026-11-23) must be
// retrained: their features are not the ones a text is now turned into.
inline constexpr std::string_view kManifestHeader = "tawsiya-models\t2";
inline constexpr std::string_view kManifestPrefix = "tawsiya-models\t";

}  // namespace tawsiya::tagging
