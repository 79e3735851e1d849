#pragma once
// What a flow's records say about the flow: the one place where records feed
// the flow's tonnes and documented fractions (chain JSON, "records").
#include <array>

#include "flow.h"

namespace traza::model {

/// Σ t_r over the flow's records (0 for a flow without records).
double recordsTonnes(const Flow&);

/// What applyRecordSummary sets, computed without changing the flow.
struct RecordTotals {
    double tonnes = 0;
    double documentedT = 0;
    Evidence evidence = Evidence::None;
};
RecordTotals recordTotals(const Flow&);

/// For a flow with records, sets tonnes to their sum, documentedT to the tonnes
/// of the records that have at least one document, and evidence to the lowest
/// level among those records (None when none has a document): a summary that
/// never overstates any level, and equals the record itself for a one-record
/// flow. A flow without records is left as it is.
void applyRecordSummary(Flow&);

/// The tonnes of the flow documented at `level` or better: with records,
/// Σ { t_r : evidence(r) >= level, r has a document } (capped at the flow's
/// tonnes); without, documentedT (clamped to [0, tonnes]) when evidence >= level,
/// else 0 (the version-1 rule).
double documentedAtLeast(const Flow&, Evidence level);

/// documentedAtLeast at every level (index by Evidence), the same figures to
/// the last bit from one pass over the records instead of five: the chain
/// graph of a national year reads 870 000 records (issue #19, "Scale").
std::array<double, 5> documentedAtEachLevel(const Flow&);

}  // namespace traza::model
