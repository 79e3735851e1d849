#pragma once
// chain_json.cpp's actor and flow readers over a FlatJsonObject (no DOM): for
// every object they take, the same Actor or Flow as the strict readers. They
// take none that the strict readers would refuse, or read otherwise: each rule
// that could fail makes them decline, and the caller reads the text again
// with the strict readers, which name the path and the reason.
#include <optional>
#include <string_view>
#include <vector>

#include "actor.h"
#include "flat_json_object.h"
#include "flow.h"
#include "records/record_json.h"

namespace traza::model {

/// The keys chain JSON allows in an actor and in a flow object.
const std::vector<std::string_view>& actorJsonKeys();
const std::vector<std::string_view>& flowJsonKeys();

/// The actor `text` describes, read as readActor reads it; nullopt when not
/// taken. `scratch` (made with actorJsonKeys()) is reused between calls.
std::optional<Actor> readFlatActor(FlatJsonObject& scratch, std::string_view text);
/// The flow, and which of the keys records also settle it gave, as readFlow;
/// `scratch` made with flowJsonKeys().
std::optional<Flow> readFlatFlow(FlatJsonObject& scratch, std::string_view text, FlowKeysGiven& given);

}  // namespace traza::model
