#include "enums.h"

#include <array>
#include <utility>

namespace traza::model {
namespace {

// One table per enumeration keeps spelling and value side by side.
template <typename E, std::size_t N>
using Table = std::array<std::pair<E, std::string_view>, N>;

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

template <typename E, std::size_t N>
std::string_view nameOf(const Table<E, N>& table, E value) {
    for (const auto& [v, name] : table)
        if (v == value) return name;
    return "?";
}

template <typename E, std::size_t N>
std::optional<E> parse(const Table<E, N>& table, std::string_view text) {
    for (const auto& [v, name] : table)
        if (name == text) return v;
    return std::nullopt;
}

template <typename E, std::size_t N>
std::vector<std::string_view> namesOf(const Table<E, N>& table) {
    std::vector<std::string_view> out;
    for (const auto& entry : table) out.push_back(entry.second);
    return out;
}

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
