#pragma once
// The chain generator's record makers (internal to bench/): actors with the
// fields typical of their tier, flows with the evidence of their stage, and
// the checklists, goals and supports of an assessment of a national chain.
#include <cstddef>
#include <string>
#include <vector>

#include "project.h"
#include "random_source.h"

namespace traza::bench::detail {

enum class Tier { Picker, Organisation, Intermediary, Exporter, Refiner };

/// What kind of trade a flow is; decides its evidence, documents and payment.
enum class LinkKind { FirstMile, SecondBuyer, OrgToExporter, OrgToIntermediary, IntermediaryToExporter, Return, Export };

/// Cities where actors sit, drawn with weights (large cities hold more actors).
std::size_t drawRegion(RandomSource&);
const char* regionName(std::size_t region);
std::size_t regionCount();

/// An actor of `tier` numbered `number` (ids are zero-padded to `width` digits).
model::Actor makeActor(Tier tier, std::size_t number, std::size_t width, std::size_t region, RandomSource&);

/// Fill a flow's evidence, documented tonnes, documents, payment, price and
/// typology for its kind. `tonnes` must already be set.
void fillFlow(model::Flow& flow, LinkKind kind, bool sellerIsPublicService, RandomSource&);

/// The assessment-level checklist plus supplier checklists for every exporter
/// and a sample of organisations and intermediaries (by index into actors).
void addChecklists(model::Project&, const std::vector<std::size_t>& suppliers, RandomSource&);

/// A goal (three thresholds) towards `buyer` for an organisation that delivered
/// `deliveredT`, and perhaps supports paid against it.
void addGoal(model::Project&, const model::Actor& organisation, const std::string& buyer, double deliveredT,
             RandomSource&);

/// Round to the kilogram, never below one kilogram.
double kilograms(double tonnes);

}  // namespace traza::bench::detail
