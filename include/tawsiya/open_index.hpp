// Opening an index for reading: the one way every read path (search, match, tagger training,
// translation training) opens it, so each refuses an index of another schema version alike.
#pragma once

#include <xapian.h>
#include <string>

namespace tawsiya {

// The index at `dir`, read-only. Throws IndexError "cannot open index at DIR: reason" when Xapian
// cannot open it or its schema version (schema::kSchemaVersion) is not this tawsiya's; an index
// without a version (written before versions were stored) is read.
Xapian::Database open_index(const std::string& dir);

}  // namespace tawsiya
