// Chain JSON records read while the document is parsed (issue #19, "Scale"):
// the records never sit in the DOM, yet every check, path and the order in
// which errors are reported stay those of reading the whole document.
#include <catch2/catch.hpp>

#include <string>

#include <nlohmann/json.hpp>

#include "chain_json.h"
#include "error.h"
#include "json_parse.h"

using namespace traza::model;
using nlohmann::json;

namespace {

// Header, two actors and one flow; `records` is the text of the records array.
std::string chainWith(const std::string& records, const std::string& actorKind = "exporter") {
    return R"({"format": "traza-chain", "version": 1,
      "assessment": {"period": {"start": "2025-01-01", "end": "2025-12-31"}},
      "records": )" + records + R"(,
      "actors": [{"id": "a", "kind": "picker_organisation"}, {"id": "b", "kind": ")" + actorKind + R"("}],
      "flows": [{"id": "f1", "from": "a", "to": "b"}]})";
}

std::string record(int n, const std::string& extra = R"("tonnes": 1)") {
    return R"({"id": "r)" + std::to_string(n) + R"(", "flow": "f1", "date": "2025-03-14", )" + extra + "}";
}

// `count` good records, with record `bad` given `extra` instead of its tonnes.
std::string records(int count, int bad = -1, const std::string& extra = "") {
    std::string out = "[";
    for (int i = 0; i < count; ++i) out += (i ? ", " : "") + (i == bad ? record(i, extra) : record(i));
    return out + "]";
}

traza::InvalidInput errorOf(const std::string& text) {
    try {
        projectFromJson(text, Catalogue::installed());
    } catch (const traza::InvalidInput& e) {
        return e;
    }
    FAIL("expected InvalidInput");
    throw;
}

}  // namespace

TEST_CASE("Records stream - a bad record deep in the array names its path") {
    REQUIRE(projectFromJson(chainWith(records(3)), Catalogue::installed()).findFlow("f1")->records.size() == 3);
    auto e = errorOf(chainWith(records(3, 2, R"("tonnes": "many")")));
    CHECK(e.where() == "records[2].tonnes");
    e = errorOf(chainWith(records(1000, 777, R"("tonnes": 1, "colour": "red")")));
    CHECK(e.where() == "records[777].colour");
    CHECK_THAT(e.reason(), Catch::Contains("unknown field"));
    e = errorOf(chainWith(records(1000, 998, R"("tonnes": 1, "documents": [{"number": "7"}])")));
    CHECK(e.where() == "records[998].documents[0].type");
    e = errorOf(chainWith(records(5, 3, "\"tonnes\": 1}, 7, {\"x\": 1")));  // a number among the records
    CHECK(e.where() == "records[4]");
}

TEST_CASE("Records stream - parse checks hold inside records, with the record's path") {
    // A duplicate key inside a record is refused, naming the record's field.
    auto e = errorOf(chainWith(records(4, 2, R"("tonnes": 1, "tonnes": 2)")));
    CHECK(e.where() == "records[2].tonnes");
    CHECK_THAT(e.reason(), Catch::Contains("duplicate field"));
    e = errorOf(chainWith(records(40, 31, R"("tonnes": 1, "id": "again")")));
    CHECK(e.where() == "records[31].id");
    // Number overflow and nesting depth, as elsewhere in the document.
    e = errorOf(chainWith(records(3, 1, R"("tonnes": 1e999)")));
    CHECK(e.where() == "records[1].tonnes");
    const std::string deep = std::string(70, '[') + std::string(70, ']');
    e = errorOf(chainWith(records(3, 2, R"("tonnes": 1, "notes": )" + deep)));
    CHECK_THAT(e.where(), Catch::StartsWith("records[2].notes"));
    CHECK_THAT(e.reason(), Catch::Contains("nesting deeper"));
    // A syntax error later in the text wins over a record that does not read.
    e = errorOf(chainWith(records(3, 0, R"("tonnes": "x")")) + ",");
    CHECK_THAT(e.where(), Catch::StartsWith("byte "));
}

TEST_CASE("Records stream - errors keep the order of reading the whole document") {
    // An actor error is reported before a record error, though records come first in the text.
    auto e = errorOf(chainWith(records(3, 1, R"("tonnes": "x")"), "no_such_kind"));
    CHECK(e.where() == "actors[1].kind");
    // An earlier record's flow error before a later record's field error.
    std::string text = chainWith(records(4, 3, R"("tonnes": "x")"));
    text.replace(text.find(R"("flow": "f1")", text.find(R"("r1")")), 12, R"("flow": "f9")");
    e = errorOf(text);
    CHECK(e.where() == "records[1].flow");
    // And a later record's field error before the flow check that follows all records.
    text = chainWith(records(4, 3, R"("tonnes": "x")"));
    text.replace(text.find(R"({"id": "f1", "from": "a", "to": "b"})"), 36, R"({"id": "f1", "from": "a", "to": "b", "tonnes": 9})");
    e = errorOf(text);
    CHECK(e.where() == "records[3].tonnes");
    CHECK_THAT(errorOf(chainWith("{}")).reason(), Catch::Contains("must be an array"));
}

TEST_CASE("Records stream - the sink takes only the named top-level array's elements") {
    std::vector<std::string> taken;
    const JsonElementSink sink{"records", [&](json&& v, std::size_t i) { taken.push_back(std::to_string(i) + v.dump()); }};
    const json doc = parseJsonDocument(R"({"a": {"records": [1]}, "records": [1, {"x": [2]}, "s"], "b": [[3]]})", sink);
    CHECK(taken == std::vector<std::string>{"0" "1", "1{\"x\":[2]}", "2\"s\""});
    CHECK(doc == json::parse(R"({"a": {"records": [1]}, "records": [], "b": [[3]]})"));
    taken.clear();
    CHECK(parseJsonDocument(R"([{"records": [1]}])", sink) == json::parse(R"([{"records": [1]}])"));
    CHECK(taken.empty());
}
