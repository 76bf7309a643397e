#include "engine/dedup_json.hpp"

#include <cmath>

namespace tawsiya {
namespace {

void write_string(JsonWriter& w, const std::string& s) {
    w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

}  // namespace

void write_cluster_json(JsonWriter& w, const std::vector<DedupItem>& items,
                        const DedupResult& result, std::size_t c,
                        const std::vector<PriorRecommendation>* prior) {
    const Cluster& cluster = result.clusters[c];
    w.StartObject();
    w.Key("cluster");
    w.Uint64(c);
    w.Key("size");
    w.Uint64(cluster.members.size());
    w.Key("representative");
    w.StartObject();
    w.Key("id");
    write_string(w, items[cluster.representative].id);
    w.Key("text");
    write_string(w, items[cluster.representative].text);
    w.EndObject();
    w.Key("members");
    w.StartArray();
    for (const auto& member : cluster.members) {
        w.StartObject();
        w.Key("id");
        write_string(w, items[member.item].id);
        w.Key("similarity");
        w.Double(std::round(member.similarity * 1000) / 1000);
        w.Key("text");
        write_string(w, items[member.item].text);
        w.EndObject();
    }
    w.EndArray();
    if (prior) {
        w.Key("prior");
        w.StartArray();
        for (const PriorRecommendation& p : *prior) {
            w.StartObject();
            w.Key("id");
            write_string(w, p.id);
            if (p.year) {
                w.Key("year");
                w.Int(*p.year);
            }
            w.Key("mechanism");
            write_string(w, p.mechanism);
            w.Key("body");
            write_string(w, p.body);
            w.Key("state");
            write_string(w, p.state);
            w.Key("score");
            w.Double(std::round(p.score * 1000) / 1000);
            w.EndObject();
        }
        w.EndArray();
    }
    w.EndObject();
}

std::string dedup_result_to_json(const std::vector<DedupItem>& items, const DedupResult& result) {
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    std::size_t duplicates = 0;
    w.StartObject();
    w.Key("items");
    w.Uint64(items.size());
    w.Key("clusters");
    w.StartArray();
    for (const bool with_duplicates : {true, false})
        for (std::size_t c = 0; c < result.clusters.size(); ++c)
            if ((result.clusters[c].members.size() > 1) == with_duplicates) {
                write_cluster_json(w, items, result, c);
                duplicates += with_duplicates;
            }
    w.EndArray();
    w.Key("duplicate_clusters");
    w.Uint64(duplicates);
    w.Key("candidate_pairs");
    w.Uint64(result.candidate_pairs);
    w.Key("threshold");
    w.Double(result.threshold);
    w.EndObject();
    return {buffer.GetString(), buffer.GetSize()};
}

}  // namespace tawsiya
