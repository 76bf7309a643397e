#include "tawsiya/open_index.hpp"

#include "tawsiya/error.hpp"
#include "tawsiya/schema.hpp"

namespace tawsiya {

Xapian::Database open_index(const std::string& dir) {
    try {
        Xapian::Database db(dir);
        const std::string version = db.get_metadata(std::string(schema::kMetaSchemaVersion));
        if (!version.empty() && version != schema::kSchemaVersion)
            throw IndexError("cannot open index at " + dir + ": schema version " + version +
                             ", this tawsiya reads version " + std::string(schema::kSchemaVersion));
        return db;
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot open index at " + dir + ": " + e.get_msg());
    }
}

}  // namespace tawsiya
