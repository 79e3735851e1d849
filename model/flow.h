#pragma once
// A flow of material from one actor to another (an edge of the graph).
#include <string>
#include <vector>

#include "enums.h"
#include "records/record.h"

namespace traza::model {

struct Flow {
    std::string id;
    std::string from;  ///< actor id
    std::string to;    ///< actor id
    std::string material;
    double tonnes = 0;       ///< > 0 and finite; 0 when tonnesUnknown
    std::string periodStart; ///< optional, ISO date; empty = the assessment period
    std::string periodEnd;
    double documentedT = 0;  ///< 0 <= documentedT <= tonnes
    Evidence evidence = Evidence::None;
    std::vector<std::string> documents;  ///< ids from the document_types catalogue
    Payment payment = Payment::Unknown;
    double pricePerT = 0;
    std::string typology;  ///< "rrrm-1".."rrrm-4" or empty
    std::string notes;
    /// Uncertainty (issue #21): the standard deviation of `tonnes`, in tonnes
    /// (0 = the figure is exact), and whether the amount is unknown, to be
    /// computed by reconciliation (chain JSON "tonnes": null).
    double sdT = 0;
    bool tonnesUnknown = false;
    /// Claims (issue #20): the tonnes of this flow its sender sells with a
    /// chain-of-custody claim (0 = none); the sender must keep a claim account.
    double claimedT = 0;
    /// Delivery records (issue #19), in the order entered. When there are any,
    /// tonnes, documentedT and evidence are their summary (record_summary.h).
    std::vector<Record> records;
    bool operator==(const Flow&) const = default;
};

}  // namespace traza::model
