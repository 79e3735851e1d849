#pragma once
// The chain edits a user makes with the mouse, as commands on the Document:
// add an actor of a kind, connect two actors, delete a selection. No wx; the
// canvas and the palette call these, and so do the tests.
#include <string>

#include "chain_scene.h"
#include "document.h"
#include "geometry.h"
#include "selection.h"

namespace traza::gui {

/// Add an actor of `kind` centred at `where` (one "Add actor" step). Its stage is
/// the kind's default (stage 1 for "other"); `name` is its display name.
/// Returns the new actor's id. Throws InvalidInput if the command refuses it.
std::string addActor(Document&, model::ActorKind kind, Point where, const std::string& name);

/// Add a flow from `from` to `to` with 1 t, no documentation and the
/// assessment's material (one "Add flow" step). Returns the new flow's id.
/// Throws InvalidInput (e.g. a flow from an actor to itself).
std::string connectActors(Document&, const std::string& from, const std::string& to);

/// Delete the selected flows and actors (with their flows) as one step labelled
/// "Delete selection". Returns false when nothing was selected.
bool deleteSelection(Document&, const Selection&);

/// Where a new actor of `stage` goes on the canvas: in its stage's lane, below
/// the lowest box there (or level with the top of the drawing in a lane still
/// empty), moved down until its box overlaps none of the scene's.
Point placeInLane(const ChainScene&, int stage);

/// The id prefix new actors of a kind get ("picker", "org", ...).
std::string idPrefix(model::ActorKind);

}  // namespace traza::gui
