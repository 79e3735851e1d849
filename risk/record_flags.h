#pragma once
// The record-level red flags (issue #19): what the delivery records of the
// analysed flows say that a flow's yearly figure cannot. Pure functions over
// the chain; red_flags.cpp turns each hit into a flag with the rule's words.
#include <string>
#include <vector>

#include "chain_graph.h"

namespace traza::risk {

/// One finding of a record rule: the actor it is about, the flow (id) that shows
/// it, two numbers for the sentence and the records or document concerned.
struct RecordHit {
    Vertex actor = 0;
    std::string flow;
    double tonnes = 0;  ///< the tonnes of the records concerned
    double other = 0;   ///< a second figure: uses, capacity, share or count (per rule)
    std::string items;  ///< e.g. "electronic_invoice FE-2231: r1, r7"
};

/// The same document number (per document type) on `minUses` or more records.
/// The hit is about the sender of the first record's flow; `other` = uses.
std::vector<RecordHit> reusedDocumentNumbers(const ChainGraph&, int minUses);

/// Records dated outside their flow's own period (the assessment period is
/// enforced by validation). One hit per flow; `other` = how many records.
std::vector<RecordHit> recordsOutsideFlowPeriod(const ChainGraph&);

/// Months (YYYY-MM) in which an actor's delivered records (its outgoing flows)
/// exceed capacity_t / months × (1 + tolerance), where months is the length
/// of the assessment period in months (12 when it has none). `other` = the
/// monthly capacity; items = the month.
std::vector<RecordHit> monthsAboveCapacity(const ChainGraph&, double tolerance);

/// Suppliers (senders) with at least `minCount` records of one round weight
/// (a whole multiple of `unit` tonnes, within 1e-9 t) making up at least
/// `minShare` of their records. `other` = that share; items = weight and count.
std::vector<RecordHit> sameRoundWeights(const ChainGraph&, double unit, int minCount, double minShare);

/// Records of flows from an actor dated on or after its suspended_from date.
/// One hit per flow; `other` = how many records; items = the suspension date.
std::vector<RecordHit> deliveriesAfterSuspension(const ChainGraph&);

}  // namespace traza::risk
