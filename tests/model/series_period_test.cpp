// The periods of the progress series (issue #19): months and ISO weeks, and the
// project's choice of one in chain JSON and the .traza file (schema 10).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "chain_json.h"
#include "error.h"
#include "project_store.h"
#include "project_store_fixtures.h"
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
