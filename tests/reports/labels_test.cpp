#include <catch2/catch.hpp>

#include <set>

#include "error.h"
#include "labels.h"

using namespace traza::reports;

TEST_CASE("Labels - every key has English and Spanish text", "[labels]") {
    const auto keys = Labels::keys();
    REQUIRE(keys.size() > 100);
    std::set<std::string_view> unique(keys.begin(), keys.end());
    CHECK(unique.size() == keys.size());  // no key listed twice
    for (std::string_view k : keys) {
        INFO(k);
        CHECK(Labels::translated(k, "en"));
        CHECK(Labels::translated(k, "es"));
    }
}

TEST_CASE("Labels - sheet names obey Excel's rules in both languages", "[labels]") {
    for (const std::string& lang : Labels::languages()) {
        const Labels t(lang);
        std::set<std::string> names;
        std::size_t sheetKeys = 0;
        for (std::string_view k : Labels::keys()) {
            if (k.substr(0, 6) != "sheet.") continue;
            ++sheetKeys;
            const std::string& name = t(k);
            INFO(lang << " " << k << " = " << name);
            CHECK(!name.empty());
            CHECK(name.size() <= 31 * 2);  // bytes; Spanish accents take two
            CHECK(name.find_first_of("[]:*?/\\") == std::string::npos);
            names.insert(name);
        }
        // Every sheet its own name; 19 since the Audit trail (a project from a server) and Progress sheets.
        CHECK(sheetKeys == 19);
        CHECK(names.size() == sheetKeys);
    }
}

TEST_CASE("Labels - format fills numbered placeholders, unknown keys and languages are errors", "[labels]") {
    const Labels en("en"), es("es");
    CHECK(en.format("col.stage_n", {"3"}) == "Stage 3");
    CHECK(es.format("col.stage_n", {"3"}) == "Eslabón 3");
    CHECK(en.format("note.generated", {"1.2", "2026-01-01"}).find("Traza 1.2 on 2026-01-01") != std::string::npos);
    CHECK(en.level("high") == "High");
    CHECK(es.level("critical") == "Crítico");
    CHECK(en.level("strange") == "strange");
    CHECK(es.status("not_applicable") == "No aplica");
    CHECK(en.find("no.such.key") == nullptr);
    CHECK_THROWS_AS(en("no.such.key"), traza::Error);
    CHECK_THROWS_AS(Labels("fr"), traza::InvalidInput);
}
