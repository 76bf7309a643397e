// The on-disk layout of trained taggers, in DIR/tawsiya-models/:
//   manifest.tsv    "tawsiya-models<TAB>1", then one line per scheme: scheme<TAB>file
//   features.tsv    one line per feature: stem<TAB>idf (the feature index is the line number - 1)
//   <file>          a scheme's models: text lines "labels L", the L labels, "calibration K",
//                   K lines "score probability" (the isotonic points), "features F", then binary
//                   little-endian float32: bias[L], then weights[F][L] (feature-major, so a text's
//                   few features each add one contiguous row).
#pragma once

#include <string_view>

namespace tawsiya::tagging {

inline constexpr std::string_view kModelsDirName = "tawsiya-models";
inline constexpr std::string_view kManifestFile = "manifest.tsv";
inline constexpr std::string_view kFeaturesFile = "features.tsv";
inline constexpr std::string_view kManifestHeader = "tawsiya-models\t1";

}  // namespace tawsiya::tagging
