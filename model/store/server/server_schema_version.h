#pragma once
// The server schema's version and roles, and what `server init` is asked to
// set up: what the front ends need to know about the schema without libpq
// (server_schema.h has the functions).
#include <string>
#include <vector>

namespace traza::model {

/// The server schema's version this Traza writes and reads.
/// 1: chain JSON objects, audit, roles; 2: canvas positions and column rules;
/// 3: order keys spaced apart within each list (order_keys.h), bigint;
/// 4: bodies stored as json (sent as written) instead of jsonb.
constexpr int kServerSchemaVersion = 4;

/// The group roles `initServerSchema` creates: editors read and write the
/// projects, reviewers only read; the database itself refuses the rest.
constexpr const char* kEditorRole = "traza_editor";
constexpr const char* kReviewerRole = "traza_reviewer";

struct ServerInitOptions {
    std::vector<std::string> editors;    ///< existing login roles made members of traza_editor
    std::vector<std::string> reviewers;  ///< existing login roles made members of traza_reviewer
};

}  // namespace traza::model
