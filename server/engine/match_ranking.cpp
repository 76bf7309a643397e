#include "tawsiya/match_ranking.hpp"

namespace tawsiya {

double rank_score(const MatchFeatures& f, const RankWeights& w) {
    const double translated = w.cosine_translated * f.cosine_translated +
                              w.bm25_translated * f.bm25_translated +
                              w.coverage * f.coverage_translated;
    // A record with a version in the text's language is judged on that version first: its other
    // versions say the same, and the text's translation into them adds translation noise.
    // The slots are read in each language alike: they weigh the same whichever version has them.
    const double slots = w.slots_shared * f.slots_shared - w.slots_conflict * f.slots_conflict;
    if (f.in_lang)
        return w.cosine_same * f.cosine_same + w.bm25_same * f.bm25_same +
               w.coverage * f.coverage_same + w.in_lang + w.other_versions * translated + slots;
    return translated + slots;
}

bool ranks_before(const MatchFeatures& a, double a_score, const MatchFeatures& b, double b_score,
                  StateScope scope) {
    if (scope == StateScope::prefer && a.same_state != b.same_state) return a.same_state;
    return a_score > b_score;
}

}  // namespace tawsiya
