#pragma once
// The checks of delivery records shared by chain JSON, the .traza store, the
// spreadsheet import and the record commands. Paths name the record as chain
// JSON does: "records[k]", k counting the records flow by flow in project order
// (the order export writes them in).
#include <string>
#include <vector>

#include "assessment.h"
#include "validation.h"

namespace traza::model {

/// A figure as a message shows it: up to 15 significant digits (1e+06, 0.1).
std::string recordNumberText(double v);

/// The period a record of flow `f` must lie in: the assessment's, each bound
/// falling back to the flow's own when the assessment leaves it open (an empty
/// bound is open). A record inside it but outside the flow's own narrower
/// period is valid and raised by the red-flag rule record_outside_flow_period:
/// a backdated delivery is a sign to look at, not a malformed file.
Period recordPeriod(const Flow& f, const Period& assessment);

/// True when `date` (ISO) lies outside the flow's own period (its set bounds).
bool outsideFlowPeriod(const std::string& date, const Flow& f);

/// Field checks of one record of flow `f`, reported under `path` ("records[3]"):
/// id, date (a calendar date inside recordPeriod), tonnes (finite, > 0),
/// price, and document types (against `cat` when given).
std::vector<ValidationIssue> validateRecord(const Record&, const Flow& f, const Period& assessment,
                                            const std::string& path, const Catalogue* cat = nullptr);

/// All records of the project: each record's fields and that no two records
/// share an id. (A flow's tonnes against its records is validateFlow's.)
void validateRecords(const Project&, std::vector<ValidationIssue>& out);

/// True when `tonnes` equals `sum` within the relative tolerance 1e-9.
bool sameTonnes(double tonnes, double sum);

}  // namespace traza::model
