#pragma once
// Chain JSON "records" (issue #19): the top-level array of delivery records,
// each naming its flow. Reading attaches every record to its flow after
// checking it; writing lists the records flow by flow in project order.
#include <cstddef>
#include <exception>
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

/// Records read while the document is parsed (parseJsonDocument's sink), so
/// that their DOM never builds up: a national year is 870 000 of them. Only
/// what needs no other part of the document is checked here; readRecordsJson
/// does the rest, and reports the first element that did not read where the
/// reading of the whole array would have (after the errors of earlier records).
class RecordsReadAhead {
public:
    /// Reads element `index` of "records" (elements come in order).
    void add(const nlohmann::json& element, std::size_t index);

private:
    friend void readRecordsJson(const nlohmann::json*, const std::vector<FlowKeysGiven>&, Project&, RecordsReadAhead*);
    std::vector<Record> m_records;
    std::vector<std::string> m_flows;  ///< the flow each record names
    std::exception_ptr m_error;        ///< element m_records.size() did not read
};

/// Reads `records` (the array at key "records") into the flows of `p` (already
/// read, with p.catalogue and p.assessment set), then settles each flow's tonnes:
/// a flow with records takes the sum of them (a given "tonnes" must equal it,
/// relative 1e-9) and the summary of record_summary.h (a given "documented_t"
/// or "evidence" must equal it); a flow without records must have given tonnes.
/// Throws InvalidInput naming the JSON path ("records[3].date") on the first problem.
/// With `ahead`, an array `records` is empty and its elements are those read ahead.
void readRecordsJson(const nlohmann::json* records, const std::vector<FlowKeysGiven>& given, Project& p,
                     RecordsReadAhead* ahead = nullptr);

/// Writes "records": [...] when some flow has records; nothing otherwise.
void writeRecordsJson(JsonStreamWriter&, const Project&);

}  // namespace traza::model
