#pragma once
// Writing chain JSON version 1 (shared/spec/chain-json.md) by streaming: the
// document goes to its destination field by field, never as a tree. The text
// is the one projectToJson() (chain_json.h) returns, byte for byte.
#include "json_stream_writer.h"
#include "project.h"

namespace traza::model {

/// Writes the project as chain JSON (pretty-printed, numbers at full double
/// precision, a final newline) to `sink`. A string that is not UTF-8 is
/// written with U+FFFD in place of each ill-formed sequence, so an export
/// never fails on it. Throws whatever the sink throws.
void writeProjectJson(const Project&, const JsonSink& sink);

}  // namespace traza::model
