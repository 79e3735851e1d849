#include "enums.h"

#include <utility>

#include "enum_table.h"

namespace traza::model {
namespace {

using enum_table::Table;
using enum_table::nameOf;
using enum_table::parse;
using enum_table::namesOf;

constexpr Table<ActorKind, 8> kKinds{{{ActorKind::WastePicker, "waste_picker"},
                                      {ActorKind::PickerOrganisation, "picker_organisation"},
                                      {ActorKind::Intermediary, "intermediary"},
                                      {ActorKind::Exporter, "exporter"},
                                      {ActorKind::Refiner, "refiner"},
                                      {ActorKind::Manufacturer, "manufacturer"},
                                      {ActorKind::Brand, "brand"},
                                      {ActorKind::Other, "other"}}};
constexpr Table<Formality, 3> kFormality{{{Formality::Informal, "informal"},
                                          {Formality::SemiFormal, "semi_formal"},
                                          {Formality::Formal, "formal"}}};
constexpr Table<Evidence, 5> kEvidence{{{Evidence::None, "none"},
                                        {Evidence::SelfDeclared, "self_declared"},
                                        {Evidence::Reported, "reported"},
                                        {Evidence::Documented, "documented"},
                                        {Evidence::Verified, "verified"}}};
constexpr Table<Payment, 3> kPayment{{{Payment::Cash, "cash"}, {Payment::Credit, "credit"}, {Payment::Unknown, "unknown"}}};
constexpr Table<ItemStatus, 4> kStatus{{{ItemStatus::NotStarted, "not_started"},
                                        {ItemStatus::InProgress, "in_progress"},
                                        {ItemStatus::Done, "done"},
                                        {ItemStatus::NotApplicable, "not_applicable"}}};

}  // namespace

std::string_view toString(ActorKind v) { return nameOf(kKinds, v); }
std::string_view toString(Formality v) { return nameOf(kFormality, v); }
std::string_view toString(Evidence v) { return nameOf(kEvidence, v); }
std::string_view toString(Payment v) { return nameOf(kPayment, v); }
std::string_view toString(ItemStatus v) { return nameOf(kStatus, v); }

std::optional<ActorKind> parseActorKind(std::string_view s) { return parse(kKinds, s); }
std::optional<Formality> parseFormality(std::string_view s) { return parse(kFormality, s); }
std::optional<Evidence> parseEvidence(std::string_view s) { return parse(kEvidence, s); }
std::optional<Payment> parsePayment(std::string_view s) { return parse(kPayment, s); }
std::optional<ItemStatus> parseItemStatus(std::string_view s) { return parse(kStatus, s); }

std::vector<std::string_view> actorKindNames() { return namesOf(kKinds); }
std::vector<std::string_view> formalityNames() { return namesOf(kFormality); }
std::vector<std::string_view> evidenceNames() { return namesOf(kEvidence); }
std::vector<std::string_view> paymentNames() { return namesOf(kPayment); }
std::vector<std::string_view> itemStatusNames() { return namesOf(kStatus); }

int defaultStage(ActorKind kind) {
    switch (kind) {
        case ActorKind::WastePicker: return 1;
        case ActorKind::PickerOrganisation: return 2;
        case ActorKind::Intermediary: return 3;
        case ActorKind::Exporter: return 4;
        case ActorKind::Refiner: return 5;
        case ActorKind::Manufacturer: return 6;
        case ActorKind::Brand: return 7;
        case ActorKind::Other: return 0;
    }
    return 0;
}

}  // namespace traza::model
