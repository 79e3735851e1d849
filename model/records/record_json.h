#pragma once
// Chain JSON "records" (issue #19): the top-level array of delivery records,
// each naming its flow. Reading attaches every record to its flow after
// checking it; writing lists the records flow by flow in project order.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "json_stream_writer.h"
#include "project.h"

namespace traza::model {

/// Whether a flow's JSON object gave the keys that records also determine.
struct FlowKeysGiven {
    bool tonnes = false;
    bool documentedT = false;
    bool evidence = false;
};

/// Reads `records` (the array at key "records") into the flows of `p` (already
/// read, with p.catalogue and p.assessment set), then settles each flow's tonnes:
/// a flow with records takes the sum of them (a given "tonnes" must equal it,
/// relative 1e-9) and the summary of record_summary.h (a given "documented_t"
/// or "evidence" must equal it); a flow without records must have given tonnes.
/// Throws InvalidInput naming the JSON path ("records[3].date") on the first problem.
void readRecordsJson(const nlohmann::json* records, const std::vector<FlowKeysGiven>& given, Project& p);

/// Writes "records": [...] when some flow has records; nothing otherwise.
void writeRecordsJson(JsonStreamWriter&, const Project&);

}  // namespace traza::model
