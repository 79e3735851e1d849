#pragma once
// The closed vocabularies of the chain model and their spelling in files.
// Every parser of user input (JSON, CSV, GUI) goes through these functions,
// so an unknown value is refused the same way everywhere.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace traza::model {

enum class ActorKind { WastePicker, PickerOrganisation, Intermediary, Exporter, Refiner, Manufacturer, Brand, Other };
enum class Formality { Informal, SemiFormal, Formal };
/// Ordered: a higher level is stronger evidence (comparisons are meaningful).
enum class Evidence { None = 0, SelfDeclared = 1, Reported = 2, Documented = 3, Verified = 4 };
enum class Payment { Unknown, Cash, Credit };
enum class ItemStatus { NotStarted, InProgress, Done, NotApplicable };

std::string_view toString(ActorKind);
std::string_view toString(Formality);
std::string_view toString(Evidence);
std::string_view toString(Payment);
std::string_view toString(ItemStatus);

/// Parse the file spelling; std::nullopt for an unknown value.
std::optional<ActorKind> parseActorKind(std::string_view);
std::optional<Formality> parseFormality(std::string_view);
std::optional<Evidence> parseEvidence(std::string_view);
std::optional<Payment> parsePayment(std::string_view);
std::optional<ItemStatus> parseItemStatus(std::string_view);

/// All spellings of an enumeration, in order (for error messages and pickers).
std::vector<std::string_view> actorKindNames();
std::vector<std::string_view> formalityNames();
std::vector<std::string_view> evidenceNames();
std::vector<std::string_view> paymentNames();
std::vector<std::string_view> itemStatusNames();

/// The stage an actor of this kind sits at by default; 0 for Other (user must say).
int defaultStage(ActorKind);

constexpr int kMinStage = 1;
constexpr int kMaxStage = 9;

}  // namespace traza::model
