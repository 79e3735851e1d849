#pragma once
// A delivery record (issue #19): one transaction behind a flow, with the
// documents an auditor samples (which invoice, which weighing ticket, which date).
// Records live in their flow (Flow::records); a flow with records takes its
// tonnes and documented fractions from them (record_summary.h).
#include <string>
#include <vector>

#include "enums.h"

namespace traza::model {

/// One document backing a record: a type from the document_types catalogue and
/// the number printed on it ("FE-2231"); the number may be empty.
struct RecordDocument {
    std::string type;
    std::string number;
    bool operator==(const RecordDocument&) const = default;
};

struct Record {
    std::string id;    ///< unique across the project
    std::string date;  ///< ISO date inside the flow's period (or the assessment's)
    double tonnes = 0; ///< > 0 and finite
    Evidence evidence = Evidence::None;
    std::vector<RecordDocument> documents;
    Payment payment = Payment::Unknown;
    double pricePerT = 0;
    std::string notes;
    bool operator==(const Record&) const = default;
};

}  // namespace traza::model
