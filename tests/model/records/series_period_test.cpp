// The periods of the progress series (issue #19): months and ISO weeks, and the
// project's choice of one in chain JSON and the .traza file (schema 10).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "chain_json.h"
#include "error.h"
#include "project_store.h"
#include "project_store_fixtures.h"
#include "series/period_project.h"
#include "series/series_period.h"

using namespace traza::model;
using namespace traza::model::test;

TEST_CASE("Series periods - months") {
    CHECK(periodOf("2025-03-17", SeriesPeriod::Monthly) == PeriodSlot{"2025-03", "2025-03-01", "2025-03-31"});
    CHECK(periodOf("2024-02-10", SeriesPeriod::Monthly).end == "2024-02-29");  // leap year
    CHECK(periodOf("2025-02-10", SeriesPeriod::Monthly).end == "2025-02-28");
    CHECK(periodOf("2025-12-31", SeriesPeriod::Monthly) == PeriodSlot{"2025-12", "2025-12-01", "2025-12-31"});
    const auto year = periodsBetween("2025-01-01", "2025-12-31", SeriesPeriod::Monthly);
    REQUIRE(year.size() == 12);
    CHECK(year[1].key == "2025-02");
    CHECK(periodsBetween("2024-11-20", "2025-02-01", SeriesPeriod::Monthly).size() == 4);
    CHECK(periodsBetween("2025-02-01", "2025-01-01", SeriesPeriod::Monthly).empty());
}

TEST_CASE("Series periods - ISO weeks (Monday to Sunday, the Thursday's year)") {
    // 2025-01-01 is a Wednesday: its week began on Monday 2024-12-30 and is week 1 of 2025.
    CHECK(periodOf("2025-01-01", SeriesPeriod::Weekly) == PeriodSlot{"2025-W01", "2024-12-30", "2025-01-05"});
    CHECK(periodOf("2024-12-30", SeriesPeriod::Weekly).key == "2025-W01");
    CHECK(periodOf("2021-01-03", SeriesPeriod::Weekly).key == "2020-W53");  // a Sunday
    CHECK(periodOf("2026-12-31", SeriesPeriod::Weekly).key == "2026-W53");
    CHECK(periodOf("2025-03-17", SeriesPeriod::Weekly) == PeriodSlot{"2025-W12", "2025-03-17", "2025-03-23"});
    const auto weeks = periodsBetween("2025-01-01", "2025-12-31", SeriesPeriod::Weekly);
    REQUIRE(weeks.size() == 53);  // 2024-12-30 .. 2026-01-04
    CHECK(weeks.back().key == "2026-W01");
    CHECK_THROWS_AS(periodOf("2025-02-30", SeriesPeriod::Weekly), traza::InvalidInput);
    CHECK_THROWS_AS(periodOf("2025-3-1", SeriesPeriod::Monthly), traza::InvalidInput);
    CHECK(parseSeriesPeriod("weekly") == SeriesPeriod::Weekly);
    CHECK_FALSE(parseSeriesPeriod("daily"));
}

TEST_CASE("Series periods - the project's choice in chain JSON and the .traza file") {
    Project p = makeChain(3, 4);
    const std::string monthly = projectToJson(p);
    CHECK(monthly.find("series_period") == std::string::npos);  // the default is not written
    p.assessment.seriesPeriod = SeriesPeriod::Weekly;
    const std::string weekly = projectToJson(p);
    CHECK(weekly.find("\"series_period\": \"weekly\"") != std::string::npos);
    CHECK(projectFromJson(weekly, Catalogue::installed()).assessment.seriesPeriod == SeriesPeriod::Weekly);
    auto doc = nlohmann::json::parse(weekly);
    doc["assessment"]["series_period"] = "daily";
    CHECK(thrownMessage<traza::InvalidInput>([&] { projectFromJson(doc.dump(), Catalogue::installed()); }) ==
          "assessment.series_period: must be \"monthly\" or \"weekly\"");

    TempDir dir;
    const fs::path file = dir / "weekly.traza";
    ProjectStore::save(p, file);
    CHECK(ProjectStore::open(file).assessment.seriesPeriod == SeriesPeriod::Weekly);
    // A version-9 file (the release before) has no series_period: it opens monthly.
    rawExec(file, asSchemaVersion(9));
    REQUIRE(ProjectStore::fileSchemaVersion(file) == 9);
    const Project old = ProjectStore::open(file);
    CHECK(old.assessment.seriesPeriod == SeriesPeriod::Monthly);
    CHECK(old.flows == p.flows);
    // A hostile value is refused with the place named.
    ProjectStore::save(p, file);
    rawExec(file, "PRAGMA ignore_check_constraints = 1; UPDATE assessment SET series_period = 'daily';");
    CHECK_THROWS_AS(ProjectStore::open(file), traza::Error);
}

TEST_CASE("Series periods - a period named by its key, and ranges of them (compare --periods)") {
    CHECK(periodNamed("2025-02") == PeriodSlot{"2025-02", "2025-02-01", "2025-02-28"});
    CHECK(periodNamed("2024-02").end == "2024-02-29");
    CHECK(periodNamed("2025-W01") == PeriodSlot{"2025-W01", "2024-12-30", "2025-01-05"});
    CHECK(periodNamed("2020-W53") == PeriodSlot{"2020-W53", "2020-12-28", "2021-01-03"});
    for (const char* bad : {"2025-13", "2025-00", "2025-W53", "2025-W00", "2025-1", "2025-03-01", "Jan", "2025-w03", "", "9999-W52"})
        CHECK_THROWS_AS(periodNamed(bad), traza::InvalidInput);

    const PeriodRange q = parsePeriodRange("2025-01..2025-03", "--periods");
    CHECK((q.start == "2025-01-01" && q.end == "2025-03-31" && q.label == "2025-01..2025-03"));
    CHECK(parsePeriodRange("2025-W52..2026-W01", "--periods").end == "2026-01-04");
    try {
        parsePeriodRange("2025-03..2025-01", "--periods");
        FAIL("a reversed range is refused");
    } catch (const traza::InvalidInput& e) {
        CHECK(e.where() == "--periods");
        CHECK(e.reason().find("reversed") != std::string::npos);
    }
    CHECK_THROWS_AS(parsePeriodRange("2025-01..2025-W09", "--periods"), traza::InvalidInput);
}

TEST_CASE("Series periods - the project of a period keeps the records dated in it") {
    Project p;
    p.actors = {Actor{}, Actor{}};
    p.actors[0].id = "a";
    p.actors[1].id = "b";
    Flow f;
    f.id = "f";
    f.from = "a";
    f.to = "b";
    f.records = {Record{"r1", "2025-01-31", 2.0, Evidence::Documented, {{"delivery_receipt", "1"}}, Payment::Cash, 0, ""},
                 Record{"r2", "2025-02-01", 3.0, Evidence::Reported, {{"delivery_receipt", "2"}}, Payment::Cash, 0, ""},
                 Record{"r3", "2025-02-28", 5.0, Evidence::Verified, {}, Payment::Cash, 0, ""}};
    Flow undated;
    undated.id = "u";
    undated.from = "a";
    undated.to = "b";
    undated.tonnes = 7.5;
    p.flows = {f, undated};

    const ProjectOfPeriod feb = projectOfPeriod(p, parsePeriodRange("2025-02", "--periods"), "--periods");
    REQUIRE(feb.project.flows.size() == 1);
    const Flow& g = feb.project.flows[0];
    CHECK(g.records.size() == 2);
    CHECK(g.tonnes == 8.0);                     // 3 + 5
    CHECK(g.documentedT == 3.0);                // r3 has no document
    CHECK(g.evidence == Evidence::Reported);    // the lowest documented record
    CHECK((feb.records == 2 && feb.undatedFlows == 1 && feb.undatedT == 7.5));
    CHECK(feb.project.assessment.period.start == "2025-02-01");
    CHECK(p.flows[0].records.size() == 3);  // the project itself is untouched

    try {
        projectOfPeriod(p, parsePeriodRange("2025-03", "--periods"), "--periods");
        FAIL("a period without records is refused");
    } catch (const traza::InvalidInput& e) {
        CHECK(e.where() == "--periods");
        CHECK(e.reason().find("2025-01-31 to 2025-02-28") != std::string::npos);
    }
}
