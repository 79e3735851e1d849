#pragma once
// The order of a list's objects on the server (schema version 3): each row of
// a list kind holds a sortable key, spaced kOrderGap apart when a list is
// numbered afresh, so moving or inserting an object gives that object a key
// between its new neighbours' and writes its row alone; two users moving
// different objects of one list both land. Only when a gap has run out is
// the list renumbered, as a write of its own.
#include <cstdint>
#include <string>
#include <vector>

#include "project_objects.h"

namespace traza::model {

/// The distance between neighbours' keys in a freshly numbered list: twenty
/// halvings before one spot needs renumbering; 2^20 times a national chain's
/// 85 000 flows stays far inside a bigint.
inline constexpr std::int64_t kOrderGap = std::int64_t{1} << 20;

/// Gives the list rows of `after` (in the order of their ordinals, as
/// projectObjects numbers them) keys that keep as many of `held`'s as it can:
/// the longest run of objects whose held keys already rise in the new order
/// keeps them, and every other object (moved or new) gets a key between its
/// neighbours'. Returns the kinds where no key was left between two
/// neighbours; their rows keep their fresh numbering, and a client that wants
/// one-row moves renumbers them in `held` first (renumberedList) and asks again.
std::vector<std::string> assignOrderKeys(const ObjectRows& held, ObjectRows& after);

/// The rows of `kind` in `rows`, in their order, numbered kOrderGap apart:
/// the write that renumbers a list whose gaps ran out.
ObjectRows renumberedList(const ObjectRows& rows, const std::string& kind);

}  // namespace traza::model
