// The entry editor's fields (gui/catalogue/catalogue_entry_fields.h) without a
// display: every installed entry comes back from its fields as the same JSON,
// numbers read with either decimal mark, and a bad number names its field.
#include <catch2/catch.hpp>

#include "catalogue.h"
#include "catalogue_entry_fields.h"
#include "error.h"
#include "own_entries.h"

using namespace traza;
using namespace traza::gui;
using ojson = nlohmann::ordered_json;

namespace {
EntryField& field(std::vector<EntryField>& fields, const std::string& key) {
    for (EntryField& f : fields)
        if (f.key == key) return f;
    FAIL("no field " << key);
    throw;
}
}  // namespace

TEST_CASE("CatalogueEntryFields - every installed entry of every list reads back from its fields unchanged", "[catalogue]") {
    const ojson all = model::allEntries(model::Catalogue::installed());
    int entries = 0;
    for (const std::string& list : model::ownEntryLists()) {
        REQUIRE(all.contains(list));
        for (const ojson& e : all[list]) {
            ojson expected = e;
            expected.erase("retired");  // left to the Retire button
            const ojson back = entryFromFields(entryFields(e, false));
            INFO(list << " " << e.dump());
            CHECK(nlohmann::json::parse(back.dump()) == nlohmann::json::parse(expected.dump()));
            ++entries;
        }
    }
    CHECK(entries > 30);
}

TEST_CASE("CatalogueEntryFields - a risk factor's fields: id fixed, names by language, weight with a decimal comma", "[catalogue]") {
    const ojson rf = model::allEntries(model::Catalogue::installed())["risk_factors"][0];
    std::vector<EntryField> fields = entryFields(rf, false);
    CHECK(fields[0].key == "id");
    CHECK(fields[0].readOnly);
    CHECK(fields[1].key == "name.en");
    CHECK(fields[2].key == "name.es");
    CHECK(field(fields, "weight").kind == EntryField::Kind::Number);
    field(fields, "weight").text = "0,35";
    field(fields, "name.es").text = "";
    const ojson back = entryFromFields(fields);
    CHECK(back["weight"].get<double>() == 0.35);
    CHECK_FALSE(back["name"].contains("es"));  // an empty Spanish name is left out, not written empty
    CHECK(back["name"]["en"] == rf["name"]["en"]);

    field(fields, "weight").text = "0.3 t";
    try {
        entryFromFields(fields);
        FAIL("a unit after the number was accepted");
    } catch (const InvalidInput& e) {
        CHECK(std::string(e.what()).rfind("weight:", 0) == 0);
    }
}

TEST_CASE("CatalogueEntryFields - a new entry is shaped like its list, whole numbers stay whole, parameters are JSON", "[catalogue]") {
    const ojson all = model::allEntries(model::Catalogue::installed());
    const ojson blank = blankEntry(all["risk_factors"][0]);
    CHECK(blank["id"] == "");
    CHECK(blank["weight"] == 0);
    std::vector<EntryField> fields = entryFields(blank, true);
    CHECK_FALSE(fields[0].readOnly);

    std::vector<EntryField> kind = entryFields(all["actor_kinds"][0], false);
    field(kind, "default_stage").text = "3";
    CHECK(entryFromFields(kind)["default_stage"].is_number_integer());

    std::vector<EntryField> rule;
    for (const ojson& r : all["red_flag_rules"])
        if (r.contains("parameters") && !r["parameters"].empty()) rule = entryFields(r, false);
    REQUIRE_FALSE(rule.empty());
    CHECK(field(rule, "parameters").kind == EntryField::Kind::Json);
    field(rule, "parameters").text = "{\"share\": ";
    CHECK_THROWS_WITH(entryFromFields(rule), Catch::Contains("parameters"));
}
