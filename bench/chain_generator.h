#pragma once
// Synthetic national value chains for the benchmarks (docs/performance.md).
// A chain is drawn from a seed and a shape: picker groups sell to picker
// organisations in their region (and some also to a cash-paying intermediary),
// organisations sell to exporters or intermediaries, intermediaries to
// exporters, exporters to refiners abroad. Tonnes are set stage by stage so
// every actor's mass balance closes (declared losses and stock changes
// included); fields follow the evidence the domain notes describe for each
// stage (self-declared first mile paid in cash, invoices at the organisations,
// customs declarations at the exporters). The same seed and shape give the
// same chain on every platform (own random source, no std:: distributions).
#include <cstddef>
#include <cstdint>
#include <string>

#include "catalogue.h"
#include "project.h"

namespace traza::bench {

struct ChainShape {
    std::uint64_t seed = 2025;
    std::size_t pickerGroups = 60'000;
    std::size_t organisations = 5'000;
    std::size_t intermediaries = 1'000;
    std::size_t exporters = 250;
    std::size_t refiners = 60;
    /// Total flows, at least one per picker group, organisation, intermediary and
    /// exporter; the rest are second buyers, repeat deliveries and return flows.
    std::size_t flows = 85'000;
    /// Add return flows (intermediaries selling back to organisations they buy
    /// from), which makes small cycles in the chain.
    bool cycles = false;

    /// The default national mix scaled so the chain has `flows` flows
    /// (85 000 flows give the defaults above; at least one actor of each kind).
    static ChainShape forFlows(std::size_t flows, std::uint64_t seed = 2025, bool cycles = false);
    std::size_t actorCount() const { return pickerGroups + organisations + intermediaries + exporters + refiners; }
};

/// Draw a chain. The project carries `catalogue` (its checklist template and
/// document types are used). Throws InvalidInput when the shape is impossible
/// (no actor of some kind, or fewer flows than the chain's backbone needs).
model::Project generateChain(const ChainShape& shape, const model::Catalogue& catalogue);

/// The same chain as chain JSON text (model::projectToJson).
std::string generateChainJson(const ChainShape& shape, const model::Catalogue& catalogue);

}  // namespace traza::bench
