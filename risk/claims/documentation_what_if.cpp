#include "documentation_what_if.h"

#include <unordered_map>

#include "chain_graph.h"
#include "credit_traceability.h"
#include "destinations.h"
#include "error.h"
#include "proportional_mixing.h"
#include "traceability.h"

namespace traza::risk {

model::Project withFlowsDocumented(const model::Project& project, const std::vector<std::string>& flowIds,
                                   model::Evidence level) {
    model::Project copy = project;
    std::unordered_map<std::string_view, model::Flow*> byId;
    byId.reserve(copy.flows.size());
    for (model::Flow& f : copy.flows) byId.emplace(f.id, &f);
    for (const std::string& id : flowIds) {
        auto it = byId.find(id);
        if (it == byId.end()) throw InvalidInput("flows", "no flow has id \"" + id + "\"");
        model::Flow& f = *it->second;
        if (f.evidence < level) f.evidence = level;
        f.documentedT = f.tonnes;  // an unknown amount stays 0 t: nothing to document
        f.records.clear();         // the flow as a whole is now documented, whatever its records said
    }
    return copy;
}

Traceability traceabilityIfDocumented(const model::Project& project, const std::vector<std::string>& flowIds,
                                      model::Evidence level, const AnalysisOptions& options) {
    const model::Project documented = withFlowsDocumented(project, flowIds, level);
    const std::string lang = options.language == "es" ? "es" : "en";
    // The same steps as analyze() takes for its traceability, and nothing else.
    const ChainGraph chain(documented, lang);
    const DestinationSet dest = chooseDestinations(chain, options.destinations);
    const MixingSolver solver(chain);
    bool exact = true;
    Traceability t = computeTraceability(chain, dest, solver, options.traceThreshold, exact);
    computeCreditTraceability(chain, dest, t);
    return t;
}

}  // namespace traza::risk
