// Order keys of list rows (schema version 3), without a server: which rows a
// move, an insertion or a removal rewrites, worked out by hand.
#include <catch2/catch.hpp>

#include "order_keys.h"

using namespace traza::model;

namespace {

constexpr std::int64_t G = kOrderGap;  // 2^20

// Flows named by `ids`, numbered as projectObjects numbers a list: (index + 1) * gap.
ObjectRows flows(const std::vector<std::string>& ids) {
    ObjectRows rows;
    for (std::size_t i = 0; i < ids.size(); ++i)
        rows[{"flow", ids[i]}] = {static_cast<std::int64_t>(i + 1) * G, "{\"id\":\"" + ids[i] + "\"}"};
    rows[{"assessment", ""}] = {0, "{}"};
    return rows;
}

std::int64_t key(const ObjectRows& rows, const std::string& id) { return rows.at({"flow", id}).ordinal; }

}  // namespace

TEST_CASE("assignOrderKeys - a move rewrites the moved row only, between its new neighbours", "[order_keys]") {
    const ObjectRows held = flows({"a", "b", "c", "d", "e"});
    ObjectRows after = flows({"a", "c", "d", "b", "e"});  // b moved after d
    CHECK(assignOrderKeys(held, after).empty());
    const ObjectChanges changes = objectChanges(held, after);
    REQUIRE(changes.upserts.size() == 1);
    CHECK(changes.upserts.begin()->first == ObjectKey{"flow", "b"});
    CHECK(key(after, "b") == 4 * G + G / 2);  // halfway between d (4G) and e (5G)
    CHECK(changes.removals.empty());
}

TEST_CASE("assignOrderKeys - new objects go between their neighbours, at the ends a gap beyond", "[order_keys]") {
    const ObjectRows held = flows({"a", "b", "c"});
    ObjectRows after = flows({"x", "a", "y", "z", "b", "c", "w"});
    CHECK(assignOrderKeys(held, after).empty());
    CHECK(key(after, "x") == G / 2);       // between 0 and a (G)
    CHECK(key(after, "y") == G + G / 3);   // two between a (G) and b (2G): thirds
    CHECK(key(after, "z") == G + 2 * (G / 3));
    CHECK(key(after, "w") == 4 * G);       // after c (3G)
    CHECK(objectChanges(held, after).upserts.size() == 4);
}

TEST_CASE("assignOrderKeys - a removal and a move write the removed key and the moved row", "[order_keys]") {
    const ObjectRows held = flows({"a", "b", "c", "d"});
    ObjectRows after = flows({"d", "a", "c"});  // b removed, d to the front
    CHECK(assignOrderKeys(held, after).empty());
    const ObjectChanges changes = objectChanges(held, after);
    CHECK(changes.upserts.size() == 1);
    CHECK(key(after, "d") == G / 2);
    CHECK(changes.removals == std::vector<ObjectKey>{{"flow", "b"}});
}

TEST_CASE("assignOrderKeys - a gap run out is reported; after renumbering the move fits", "[order_keys]") {
    ObjectRows held = flows({"a", "b", "c"});
    held[{"flow", "b"}].ordinal = 2 * G;
    held[{"flow", "a"}].ordinal = 2 * G - 1;  // a and b adjacent: nothing fits between
    ObjectRows after = flows({"a", "x", "b", "c"});
    CHECK(assignOrderKeys(held, after) == std::vector<std::string>{"flow"});
    const ObjectRows renumbered = renumberedList(held, "flow");
    REQUIRE(renumbered.size() == 3);
    CHECK(key(renumbered, "a") == G);
    CHECK(key(renumbered, "b") == 2 * G);
    CHECK(key(renumbered, "c") == 3 * G);
    for (const auto& [k, row] : renumbered) held[k] = row;
    CHECK(assignOrderKeys(held, after).empty());
    CHECK(key(after, "x") == G + G / 2);
    CHECK(objectChanges(held, after).upserts.size() == 1);
}

TEST_CASE("assignOrderKeys - twenty halvings fit in one gap", "[order_keys]") {
    ObjectRows held = flows({"a", "b"});
    for (int i = 0; i < 20; ++i) {
        // Each new one goes right after a, before the earlier ones: a, new, older..., b.
        std::vector<std::string> order{"a", "n" + std::to_string(i)};
        for (int j = i - 1; j >= 0; --j) order.push_back("n" + std::to_string(j));
        order.push_back("b");
        ObjectRows after = flows(order);
        REQUIRE(assignOrderKeys(held, after).empty());
        CHECK(objectChanges(held, after).upserts.size() == 1);
        held = after;
    }
    CHECK(key(held, "n19") == G + 1);  // G + G / 2^20
}
