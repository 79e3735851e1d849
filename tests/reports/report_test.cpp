// writeReport: the CARE sample becomes a workbook; failures and cancels leave
// no file behind and an existing file untouched. (Cell contents are checked by
// check_report.py, which reads the workbook back with openpyxl.)
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <iterator>

#include <unistd.h>

#include "report.h"
#include "report_fixture.h"

using namespace traza;
using namespace traza::reports;
using traza::reports::test::careProject;
using traza::reports::test::ScratchDir;

namespace {

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void spit(const std::filesystem::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary);
    out << text;
}

}  // namespace

TEST_CASE("Report - the CARE sample writes a complete workbook and nothing else", "[report]") {
    const model::Project p = careProject();
    const risk::Analysis a = risk::analyze(p);
    ScratchDir dir;
    const auto out = dir.path() / "care.xlsx";

    std::vector<double> seen;
    ReportOptions opt;
    opt.progress = [&](double f) {
        seen.push_back(f);
        return true;
    };
    const auto start = std::chrono::steady_clock::now();
    writeReport(p, a, out, opt);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    WARN("CARE report: " << std::filesystem::file_size(out) << " bytes in " << ms << " ms");

    const std::string bytes = slurp(out);
    REQUIRE(bytes.size() > 10000);
    CHECK(bytes.substr(0, 2) == "PK");  // a zip container
    CHECK(bytes.find("xl/media/image1.png") != std::string::npos);  // the chain map
    CHECK(bytes.find("xl/charts/chart1.xml") != std::string::npos);
    CHECK(bytes.find("xl/charts/chart2.xml") != std::string::npos);
    CHECK(dir.files() == std::vector<std::string>{"care.xlsx"});  // no temporary file left

    REQUIRE(!seen.empty());
    CHECK(seen.front() == 0.0);
    CHECK(seen.back() == 1.0);
    CHECK(std::is_sorted(seen.begin(), seen.end()));
}

TEST_CASE("Report - Spanish and constant-memory workbooks are written too", "[report]") {
    const model::Project p = careProject();
    const risk::Analysis a = risk::analyze(p);
    ScratchDir dir;
    ReportOptions es;
    es.language = "es";
    writeReport(p, a, dir.path() / "es.xlsx", es);
    ReportOptions cm;
    cm.constantMemory = true;
    writeReport(p, a, dir.path() / "cm.xlsx", cm);
    CHECK(dir.files() == std::vector<std::string>{"cm.xlsx", "es.xlsx"});
    // Constant-memory mode writes strings inline instead of a shared-string table.
    CHECK(slurp(dir.path() / "cm.xlsx").find("xl/sharedStrings.xml") == std::string::npos);
    CHECK(slurp(dir.path() / "es.xlsx").find("xl/sharedStrings.xml") != std::string::npos);
}

TEST_CASE("Report - a cancel at any point leaves no file and an existing file untouched", "[report]") {
    const model::Project p = careProject();
    const risk::Analysis a = risk::analyze(p);
    const double cancelAt = GENERATE(0.0, 0.3, 0.79, 1.0);
    ScratchDir dir;
    const auto out = dir.path() / "report.xlsx";
    spit(out, "previous report");

    ReportOptions opt;
    bool called = false;
    opt.progress = [&](double f) {
        called = true;
        return f < cancelAt;
    };
    CHECK_THROWS_AS(writeReport(p, a, out, opt), Cancelled);
    CHECK(called);
    CHECK(slurp(out) == "previous report");
    CHECK(dir.files() == std::vector<std::string>{"report.xlsx"});
}

TEST_CASE("Report - a cancel while two threads fill the tables stops both and leaves no file", "[report][lanes]") {
    // Constant memory: the mode in which the tables are filled on two threads
    // (sheet_lanes.h), and the progress callback is called from either.
    const model::Project p = careProject();
    const risk::Analysis a = risk::analyze(p);
    const double cancelAt = GENERATE(0.2, 0.5, 0.79);
    ScratchDir dir;
    const auto out = dir.path() / "report.xlsx";
    spit(out, "previous report");

    ReportOptions opt;
    opt.constantMemory = true;
    std::atomic<int> calls{0};
    opt.progress = [&](double f) {
        ++calls;
        return f < cancelAt;
    };
    CHECK_THROWS_AS(writeReport(p, a, out, opt), Cancelled);
    CHECK(calls > 0);
    CHECK(slurp(out) == "previous report");
    CHECK(dir.files() == std::vector<std::string>{"report.xlsx"});
}

TEST_CASE("Report - a failure while writing leaves no file behind", "[report]") {
    const model::Project p = careProject();
    const risk::Analysis a = risk::analyze(p);
    ScratchDir dir;
    const auto out = dir.path() / "report.xlsx";

    SECTION("an exception from the progress callback midway") {
        ReportOptions opt;
        opt.progress = [](double f) -> bool {
            if (f > 0.4) throw std::runtime_error("disk full (simulated)");
            return true;
        };
        CHECK_THROWS_WITH(writeReport(p, a, out, opt), "disk full (simulated)");
        CHECK(dir.files().empty());
    }
    SECTION("a directory that does not exist") {
        CHECK_THROWS_AS(writeReport(p, a, dir.path() / "missing" / "report.xlsx"), IoError);
        CHECK(dir.files().empty());
    }
    SECTION("a directory that cannot be written") {
        if (::geteuid() == 0) {
            // root writes anywhere; use a path under a regular file instead
            spit(dir.path() / "file", "x");
            CHECK_THROWS_AS(writeReport(p, a, dir.path() / "file" / "report.xlsx"), IoError);
            CHECK(dir.files() == std::vector<std::string>{"file"});
        } else {
            std::filesystem::permissions(dir.path(), std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
            CHECK_THROWS_AS(writeReport(p, a, out), IoError);
            std::filesystem::permissions(dir.path(), std::filesystem::perms::owner_all);
            CHECK(dir.files().empty());
        }
    }
    SECTION("the output is a directory") {
        std::filesystem::create_directory(out);
        CHECK_THROWS_AS(writeReport(p, a, out), IoError);
        CHECK(std::filesystem::is_directory(out));
        CHECK(dir.files() == std::vector<std::string>{"report.xlsx"});
    }
    SECTION("an unknown language is refused before anything is written") {
        ReportOptions opt;
        opt.language = "fr";
        CHECK_THROWS_AS(writeReport(p, a, out, opt), InvalidInput);
        CHECK(dir.files().empty());
    }
}

TEST_CASE("Report - odd chains (no actors, no flows, no goals) still give a workbook", "[report]") {
    model::Project p = careProject();
    p.flows.clear();
    p.goals.clear();
    p.supports.clear();
    p.checklists.clear();
    ScratchDir dir;
    writeReport(p, risk::analyze(p), dir.path() / "noflows.xlsx");
    p.actors.clear();
    writeReport(p, risk::analyze(p), dir.path() / "empty.xlsx");
    CHECK(dir.files() == std::vector<std::string>{"empty.xlsx", "noflows.xlsx"});
}
