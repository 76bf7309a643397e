// Opening an index for reading: the one way every read path (search, match, tagger training,
// translation training, dedup) opens it, so each refuses an index of another schema version alike
// and each reads shards alike.
//
// An index location is a directory, or a shards file (docs/scale.md): the shards of one index,
// each served by xapian-tcpsrv, read as one Xapian::Database, and the directory of the files kept
// beside an index (translation table, tagger models), which live with the client:
//
//     # tawsiya shards
//     shard tcp://127.0.0.1:7101
//     shard tcp://127.0.0.1:7102
//     models models/        (relative to this file's directory)
//     timeout 5             (seconds a shard may take to answer; 5 when absent)
#pragma once

#include <xapian.h>
#include <string>

namespace tawsiya {

// The index at `location`, read-only. Throws IndexError "cannot open index at DIR: reason" when
// Xapian cannot open it or its schema version (schema::kSchemaVersion) is not this tawsiya's; an
// index without a version (written before versions were stored) is read. A shard that cannot be
// reached throws UnavailableError naming it.
Xapian::Database open_index(const std::string& location);

// True when `location` is a shards file (read over Xapian's remote protocol).
bool index_is_remote(const std::string& location);

// The directory of the files kept beside the index at `location`: the directory itself, or the
// shards file's `models` directory (IndexError when it names none).
std::string index_files_dir(const std::string& location);

// The name of a shard in messages ("tcp://127.0.0.1:7101") from a Xapian::NetworkError's
// context ("remote:tcp(127.0.0.1:7101)"), or the context as it is.
std::string shard_name(const std::string& network_error_context);

}  // namespace tawsiya
