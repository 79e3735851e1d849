#pragma once
// The one table of the fields of an actor and of a flow, shared by every way a
// chain comes in or goes out: chain JSON, CSV, xlsx/ods and the workbook
// template. A field has a key (its chain JSON name, flattened for sheets:
// "period_start"), a type, whether it is required, the vocabulary its values come
// from, and how to get and set it on the record. Readers turn cells or JSON
// values into a FieldValue of the field's type; `set` stores it.
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "actor.h"
#include "flow.h"

namespace traza::model {

enum class FieldType { Text, Number, Integer, Boolean, Enumeration, List, Date };

/// Where an enumeration's or a list's values come from.
enum class Vocabulary { None, ActorKind, Formality, Evidence, Payment, RiskFactors, DocumentTypes, Typology };

/// A typed value: Text, Enumeration (file spelling, e.g. "self_declared") and
/// Date ("YYYY-MM-DD") are strings; Number double; Integer int; Boolean bool;
/// List a vector of ids.
using FieldValue = std::variant<std::string, double, int, bool, std::vector<std::string>>;

template <typename Record>
struct ChainField {
    std::string_view key;
    FieldType type = FieldType::Text;
    bool required = false;
    Vocabulary vocabulary = Vocabulary::None;
    /// A quantity in tonnes: a "kg" unit in its header divides it by 1000.
    bool tonnage = false;
    void (*set)(Record&, FieldValue&&) = nullptr;
    FieldValue (*get)(const Record&) = nullptr;
};

using ActorField = ChainField<Actor>;
using FlowField = ChainField<Flow>;

/// In the order of docs/csv.md and chain JSON.
const std::vector<ActorField>& actorFields();
const std::vector<FlowField>& flowFields();

/// The field of that key, or nullptr.
const ActorField* findActorField(std::string_view key);
const FlowField* findFlowField(std::string_view key);

/// The rule every reader applies after the fields: an actor without a stage takes
/// its kind's default. Returns false when the stage is missing and the kind
/// ("other") has none, so the reader can name the place.
bool completeActorStage(Actor&, bool stageGiven);

}  // namespace traza::model
