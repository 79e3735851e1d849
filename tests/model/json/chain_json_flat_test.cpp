// The actor and flow readers without a DOM (chain_json_flat.h) read what the
// strict readers read, and take nothing the strict readers refuse.
#include <catch2/catch.hpp>

#include <cstdint>
#include <iterator>
#include <optional>
#include <random>

#include <nlohmann/json.hpp>

#include "chain_json.h"
#include "chain_json_flat.h"
#include "chain_json_parts.h"
#include "error.h"
#include "flat_json_object.h"
#include "text_file.h"
#include "chain_json_parts_of.h"

using namespace traza;
using nlohmann::json;
using traza::test::partsOf;

namespace {

json flatSample() {
    return json::parse(
        model::readTextFile(std::string(TRAZA_TEST_DATADIR) + "/samples/care-pilot-2025.json", 1 << 26, "chain JSON"));
}


// The project the strict reader makes of the sample with actor 0 and flow 0 replaced.
model::Project strictly(json doc, const json& actor, const json& flow) {
    doc["actors"][0] = actor;
    doc["flows"][0] = flow;
    doc.erase("records");
    return model::projectFromJson(doc.dump(), model::Catalogue::installed());
}

}  // namespace

TEST_CASE("FlatJsonObject: takes plain members into their slots, declines every other shape", "[chain_json_flat]") {
    const std::vector<std::string_view> keys{"id", "tonnes", "documents", "period", "ok"};
    model::FlatJsonObject o(keys);
    REQUIRE(o.parse(R"({"id":"f1","tonnes":-2,"documents":["a","b"],"period":{"start":"2025-01-01"},"ok":true})"));
    CHECK(o["id"].text == "f1");
    CHECK(o["tonnes"].kind == model::FlatValue::Kind::Integer);
    CHECK(o["tonnes"].asDouble() == -2);
    CHECK(o["documents"].texts == std::vector<std::string>{"a", "b"});
    CHECK(o["period"].members.size() == 1);
    CHECK(o["ok"].boolean);
    // Parsed again, the slots forget the previous object.
    REQUIRE(o.parse(R"({"tonnes":1.5e3, "documents": []})"));
    CHECK_FALSE(o["id"].present());
    CHECK(o["tonnes"].asDouble() == 1500);
    CHECK(o["documents"].kind == model::FlatValue::Kind::Strings);
    CHECK(o["documents"].texts.empty());

    for (const char* declined : {
             R"({"id":"a","id":"b"})",                    // duplicate
             R"({"colour":"red"})",                       // unknown key
             R"({"documents":["a",1]})",                  // a list of other than strings
             R"({"documents":[["a"]]})",                  // deeper
             R"({"period":{"start":"a","start":"b"}})",   // duplicate one level down
             R"({"period":{"start":1}})",                 // a nested member not a string
             R"({"period":{"start":{"y":"2025"}}})",      // deeper
             R"({"tonnes":1e999})",                       // out of range
             R"({"id":"f1")",                             // truncated
             R"({"id":"f1"} {})",                         // more after the object
             R"(["id"])",                                 // not an object
             "\"f1\"",                                    // not an object
             "{\"id\":\"f\xC3\"}",                        // invalid UTF-8: truncated,
             "{\"id\":\"\xC0\xAF\"}",                        // overlong,
             "{\"id\":\"\xED\xA0\x80\"}",                    // a surrogate,
             "{\"id\":\"\xF4\x90\x80\x80\"}",                // above U+10FFFF,
             "{\"id\":\"f\"\xC3\xA9}",                    // outside a string
             R"({"id":"\ud800"})",                       // a lone surrogate escape
             R"({"id":"\udc00\ud800"})",                 // surrogates the wrong way round
             "{\"id\":\"f\x01\"}",                        // a control character unescaped
             "{\"id\":\"f\tg\"}",                         // a tab unescaped
             R"({"tonnes":18446744073709551616})",        // a whole number beyond 64 bits
             R"({"tonnes":-9223372036854775809})",        // a negative one beyond 64 bits
             R"({"tonnes":01})",                          // a leading zero
             R"({"tonnes":NaN})",                         // not JSON
         })
        CHECK_FALSE(o.parse(declined));
    CHECK_FALSE(o.parse(std::string_view("{\"id\":\"f\0\"}", 10)));  // NUL

    // Escapes decoded, whitespace anywhere, the widest whole numbers in their kinds.
    REQUIRE(o.parse(" {\n \"id\" : \"a\\\"b\\u00e9\\ud83d\\ude00\" ,\t\"tonnes\" : 18446744073709551615 } "));
    CHECK(o["id"].text == "a\"b\xC3\xA9\xF0\x9F\x98\x80");
    CHECK(o["tonnes"].kind == model::FlatValue::Kind::Unsigned);
    CHECK(o["tonnes"].unsigned_ == 18446744073709551615u);
    REQUIRE(o.parse(R"({"tonnes":-9223372036854775808,"ok":null})"));
    CHECK(o["tonnes"].kind == model::FlatValue::Kind::Integer);
    CHECK(o["tonnes"].integer == INT64_MIN);
    CHECK(o["ok"].kind == model::FlatValue::Kind::Null);
    REQUIRE(o.parse(R"({"tonnes":2})"));
    CHECK(o["tonnes"].kind == model::FlatValue::Kind::Unsigned);  // as nlohmann: not negative, so unsigned
}

TEST_CASE("readFlatActor and readFlatFlow read the sample's objects as the strict readers do", "[chain_json_flat]") {
    const json doc = flatSample();
    const model::Project whole = model::projectFromJson(doc.dump(), model::Catalogue::installed());
    model::FlatJsonObject actorSlots(model::actorJsonKeys()), flowSlots(model::flowJsonKeys());
    REQUIRE(doc["actors"].size() == whole.actors.size());
    for (std::size_t i = 0; i < whole.actors.size(); ++i) {
        const std::optional<model::Actor> a = model::readFlatActor(actorSlots, doc["actors"][i].dump());
        REQUIRE(a);
        CHECK(a->sameData(whole.actors[i]));
    }
    for (std::size_t i = 0; i < doc["flows"].size(); ++i) {
        model::FlowKeysGiven given;
        const std::optional<model::Flow> f = model::readFlatFlow(flowSlots, doc["flows"][i].dump(), given);
        REQUIRE(f);
        // (tonnes, documented_t and evidence are settled later by the records)
        CHECK(f->id == whole.flows[i].id);
        CHECK(f->to == whole.flows[i].to);
        CHECK(f->documents == whole.flows[i].documents);
        CHECK(f->notes == whole.flows[i].notes);
        CHECK(given.tonnes == doc["flows"][i].contains("tonnes"));
    }
}

TEST_CASE("readFlatActor and readFlatFlow: each field and rule as the strict readers", "[chain_json_flat]") {
    const json doc = flatSample();
    model::FlatJsonObject actorSlots(model::actorJsonKeys()), flowSlots(model::flowJsonKeys());
    json actor = doc["actors"][0];
    actor.update(json::parse(R"({"kind":"other","stage":1.0,"headcount":12,"capacity_t":5,"loss_t":0.25,
        "public_service_provider":true,"dd_status":"self_assessed","coc_certification":"ASI CoC","makes_claims":false,
        "claim_yield":0.5,"claim_profile":"asi","suspended_from":"2025-06-01","stock_change_sd_t":1e-3})"));
    json flow = doc["flows"][0];
    flow.update(json::parse(R"({"tonnes":100,"documented_t":40,"evidence":"documented","payment":"credit",
        "period":{"start":"2025-01-01","end":"2025-03-31"},"sd_t":2,"claimed_t":0,"typology":"rrrm-1"})"));
    const model::Project strict = strictly(doc, actor, flow);
    const std::optional<model::Actor> a = model::readFlatActor(actorSlots, actor.dump());
    REQUIRE(a);
    CHECK(a->sameData(strict.actors[0]));
    CHECK(a->stage == 1);
    CHECK(a->makesClaims == std::optional<bool>(false));
    model::FlowKeysGiven given;
    std::optional<model::Flow> f = model::readFlatFlow(flowSlots, flow.dump(), given);
    REQUIRE(f);
    f->records.clear();
    model::Flow expected = strict.flows[0];
    expected.records.clear();
    CHECK(*f == expected);
    CHECK(f->periodEnd == "2025-03-31");
    CHECK((given.tonnes && given.documentedT && given.evidence));
    // "tonnes": null, an unknown amount; no "tonnes" at all, left to the records.
    flow["tonnes"] = nullptr;
    f = model::readFlatFlow(flowSlots, flow.dump(), given);
    REQUIRE(f);
    CHECK(f->tonnesUnknown);
    CHECK(given.tonnes);
    flow.erase("tonnes");
    f = model::readFlatFlow(flowSlots, flow.dump(), given);
    REQUIRE(f);
    CHECK_FALSE(given.tonnes);
    CHECK_FALSE(f->tonnesUnknown);
}

TEST_CASE("readFlatActor and readFlatFlow decline what the strict readers refuse", "[chain_json_flat]") {
    const json doc = flatSample();
    model::FlatJsonObject actorSlots(model::actorJsonKeys()), flowSlots(model::flowJsonKeys());
    for (const char* change : {R"({"kind":"wizard"})", R"({"kind":"other"})", R"({"stage":2.5})",
                               R"({"stage":3000000000})", R"({"headcount":"many"})", R"({"name":7})",
                               R"({"claim_yield":0})", R"({"claim_yield":1.5})", R"({"claim_profile":""})",
                               R"({"makes_claims":1})", R"({"risk_factors":"informal_status"})", R"({"notes":null})",
                               R"({"dd_status":"perhaps"})", R"({"formality":"sometimes"})"}) {
        json actor = doc["actors"][0];
        actor.update(json::parse(change));
        if (std::string(change) == R"({"kind":"other"})") actor.erase("stage");
        INFO(change);
        CHECK_FALSE(model::readFlatActor(actorSlots, actor.dump()));
    }
    json noKind = doc["actors"][0];
    noKind.erase("kind");
    CHECK_FALSE(model::readFlatActor(actorSlots, noKind.dump()));
    json noId = doc["actors"][0];
    noId.erase("id");
    CHECK_FALSE(model::readFlatActor(actorSlots, noId.dump()));

    model::FlowKeysGiven given;
    for (const char* change : {R"({"tonnes":"12"})", R"({"evidence":"rumour"})", R"({"payment":"barter"})",
                               R"({"period":"2025"})", R"({"period":{"from":"2025-01-01"}})", R"({"documents":null})",
                               R"({"documented_t":true})", R"({"to":null})", R"({"price_per_t":null})"}) {
        json flow = doc["flows"][0];
        flow.update(json::parse(change));
        INFO(change);
        CHECK_FALSE(model::readFlatFlow(flowSlots, flow.dump(), given));
    }
    json noFrom = doc["flows"][0];
    noFrom.erase("from");
    CHECK_FALSE(model::readFlatFlow(flowSlots, noFrom.dump(), given));
}

TEST_CASE("projectFromJsonParts through the flat readers: 150 random changes read or refused as projectFromJson does",
          "[chain_json_flat]") {
    // The json_import fuzz target's oracle on structured changes: one key of one
    // actor or flow set to a value of another type or shape, or removed.
    const json doc = flatSample();
    const json values[] = {nullptr, true, false, 0, -1, 3, 2.5, 1e308, -0.0, "x", "", "informal", "none", "cash",
                           "self_declared", "waste_picker", "2025-01-01", "asi", json::array(), json::array({"a"}),
                           json::array({1}), json::object(), json::object({{"start", "2025-01-01"}}),
                           json::object({{"start", 1}}), json::object({{"x", "y"}})};
    std::vector<std::string_view> actorKeys = model::actorJsonKeys(), flowKeys = model::flowJsonKeys();
    actorKeys.push_back("colour");
    flowKeys.push_back("tonne");
    std::mt19937 random(22);
    std::vector<std::string> store;
    int refused = 0;
    for (int n = 0; n < 150; ++n) {
        json changed = doc;
        const bool actor = random() % 2 == 0;
        json& list = changed[actor ? "actors" : "flows"];
        json& object = list[random() % list.size()];
        const auto& keys = actor ? actorKeys : flowKeys;
        const std::string key(keys[random() % keys.size()]);
        const std::size_t pick = random() % (std::size(values) + 1);
        if (pick == std::size(values)) object.erase(key);
        else object[key] = values[pick];
        std::string wholeError, partsError;
        std::optional<model::Project> whole, parts;
        try {
            whole = model::projectFromJson(changed.dump(), model::Catalogue::installed());
        } catch (const InvalidInput& e) {
            wholeError = e.where() + ": " + e.reason();
        }
        try {
            parts = model::projectFromJsonParts(partsOf(changed, store), model::Catalogue::installed());
        } catch (const InvalidInput& e) {
            partsError = e.where() + ": " + e.reason();
        }
        INFO(key << " = " << (pick == std::size(values) ? std::string("(removed)") : values[pick].dump()));
        REQUIRE(whole.has_value() == parts.has_value());
        if (whole) {
            CHECK(model::projectToJson(*parts) == model::projectToJson(*whole));
        } else {
            CHECK(partsError == wholeError);
            ++refused;
        }
    }
    CHECK(refused > 20);  // both kinds of outcome were exercised
    CHECK(refused < 140);
}
