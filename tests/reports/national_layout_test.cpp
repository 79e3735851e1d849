// The national layout (above ReportOptions::nationalLayoutFlows): the same chain
// written in both layouts and read back with openpyxl (check_national.py), which
// checks that every actor and flow is there, that every code resolves through the
// Legend sheet to the text the full layout shows, and that the figures equal the
// analysis (its JSON) and the full layout's.
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <memory>

#include "chain_json.h"
#include "report.h"
#include "report_fixture.h"

using namespace traza;
using namespace traza::reports;
using traza::reports::test::careProject;
using traza::reports::test::ScratchDir;

namespace {

// The CARE sample grown by `groups` picker groups, each delivering twice to one
// of the five organisations, with risk factors, evidence, documents, payment and
// typology varying from group to group (so codes repeat, and some texts do not).
model::Project grownCare(int groups) {
    model::Project p = careProject();
    const std::vector<std::vector<std::string>> factorSets = {
        {"informal_status"},
        {"informal_status", "below_living_income"},
        {},
        {"child_labour", "open_burning"},
        {"no_protective_equipment"},
    };
    const std::vector<std::vector<std::string>> documentSets = {
        {}, {"cash_receipt"}, {"delivery_receipt", "weighing_ticket"}, {"collection_record"}};
    const model::Evidence levels[] = {model::Evidence::None, model::Evidence::SelfDeclared, model::Evidence::Reported,
                                      model::Evidence::Documented};
    const char* typologies[] = {"rrrm-4", "rrrm-3", ""};
    for (int i = 0; i < groups; ++i) {
        model::Actor a;
        a.id = "pg" + std::to_string(i);
        a.name = "Picker group " + std::to_string(i) + (i % 2 ? ", Cali" : ", Bogotá");
        a.kind = model::ActorKind::WastePicker;
        a.stage = 1;
        a.country = "CO";
        a.region = i % 2 ? "Cali" : "Bogotá";
        a.headcount = 2 + i % 9;
        a.riskFactors = factorSets[i % factorSets.size()];
        if (i % 17 == 0) a.notes = "Group " + std::to_string(i) + " met in person";
        p.actors.push_back(a);
        for (int k = 0; k < 2; ++k) {
            model::Flow f;
            f.id = "gf" + std::to_string(i) + "-" + std::to_string(k);
            f.from = a.id;
            f.to = "org" + std::to_string(1 + (i + k) % 5);
            f.material = "UBC";
            f.tonnes = 0.5 + (i % 7) * 0.25 + k;
            f.evidence = levels[(i + k) % 4];
            f.documentedT = f.evidence == model::Evidence::None ? 0 : f.tonnes * ((i % 3) + 1) / 4.0;
            f.documents = documentSets[(i + k) % documentSets.size()];
            f.payment = (i % 2) ? model::Payment::Cash : model::Payment::Credit;
            f.pricePerT = (i % 4) ? 2'900'000 + 1000.0 * i : 0;
            f.typology = typologies[i % 3];
            p.flows.push_back(f);
        }
    }
    return p;
}

std::string run(const std::string& command, int& status) {
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    REQUIRE(pipe);
    std::string out;
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, pipe.get())) out.append(buf, n);
    status = pclose(pipe.release());
    return out;
}

void writeLayoutText(const std::filesystem::path& file, const std::string& text) {
    std::ofstream(file, std::ios::binary) << text;
}

// Writes `p` in both layouts and has check_national.py compare them.
void checkBothLayouts(const model::Project& p, const std::string& lang, std::size_t threshold,
                      bool constantMemory = false) {
    const risk::Analysis a = risk::analyze(p);
    ScratchDir dir;
    ReportOptions full, national;
    full.language = national.language = lang;
    full.chainMap = national.chainMap = false;
    full.constantMemory = national.constantMemory = constantMemory;  // as a national chain is written
    full.nationalLayoutFlows = p.flows.size();  // not above: the full layout
    national.nationalLayoutFlows = threshold;
    writeReport(p, a, dir.path() / "full.xlsx", full);
    writeReport(p, a, dir.path() / "national.xlsx", national);
    writeLayoutText(dir.path() / "analysis.json", risk::analysisToJson(a));
    writeLayoutText(dir.path() / "chain.json", model::projectToJson(p));
    int status = 0;
    const std::string out = run("/usr/bin/python3 " TRAZA_CHECK_NATIONAL_PY " '" + dir.path().string() + "' " + lang +
                                    " " + std::to_string(threshold) + " 2>&1",
                                status);
    INFO(out);
    CHECK(status == 0);
    CHECK(out.find("national layout: OK") != std::string::npos);
}

}  // namespace

TEST_CASE("NationalLayout - a grown chain above the threshold reads back through the legend (English, constant memory)",
          "[report][national]") {
    const model::Project p = grownCare(300);
    REQUIRE(p.flows.size() > 600);
    checkBothLayouts(p, "en", 600, true);
}

TEST_CASE("NationalLayout - the Spanish workbook resolves its codes the same way", "[report][national]") {
    checkBothLayouts(grownCare(120), "es", 200);
}

TEST_CASE("NationalLayout - the CARE sample in the national layout keeps every figure", "[report][national]") {
    checkBothLayouts(careProject(), "en", 0);
}

TEST_CASE("NationalLayout - at or below the threshold the workbook keeps the full layout", "[report][national]") {
    const model::Project p = grownCare(20);
    const risk::Analysis a = risk::analyze(p);
    ScratchDir dir;
    ReportOptions opt;
    opt.chainMap = false;
    opt.nationalLayoutFlows = p.flows.size();
    writeReport(p, a, dir.path() / "at.xlsx", opt);
    opt.nationalLayoutFlows = p.flows.size() - 1;
    writeReport(p, a, dir.path() / "above.xlsx", opt);
    auto slurp = [](const std::filesystem::path& f) {
        std::ifstream in(f, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    };
    // Sheet 14 exists only with the Legend; the full layout has thirteen (the CARE
    // sample's records add the Progress sheet, issue #19).
    CHECK(slurp(dir.path() / "at.xlsx").find("xl/worksheets/sheet13.xml") != std::string::npos);
    CHECK(slurp(dir.path() / "at.xlsx").find("xl/worksheets/sheet14.xml") == std::string::npos);
    CHECK(slurp(dir.path() / "above.xlsx").find("xl/worksheets/sheet14.xml") != std::string::npos);
}

TEST_CASE("NationalLayout - the tables filled on two threads give the same workbook as on one", "[report][national][lanes]") {
    // Both languages: the Legend's numbered codes must not depend on which thread
    // reaches a text first.
    for (const char* lang : {"en", "es"}) {
        const model::Project p = grownCare(400);
        const risk::Analysis a = risk::analyze(p);
        ScratchDir dir;
        ReportOptions options;
        options.language = lang;
        options.chainMap = false;
        options.constantMemory = true;  // as a national chain is written: the sheets' only two-thread mode
        options.nationalLayoutFlows = 600;
        REQUIRE(p.flows.size() > options.nationalLayoutFlows);
        options.parallelSheets = false;
        writeReport(p, a, dir.path() / "one.xlsx", options);
        options.parallelSheets = true;
        writeReport(p, a, dir.path() / "two.xlsx", options);

        auto one = traza::reports::test::zipParts(dir.path() / "one.xlsx");
        auto two = traza::reports::test::zipParts(dir.path() / "two.xlsx");
        // Summary, Legend, Actors, then Flows: one of the tables the second thread fills.
        REQUIRE(one.count("xl/worksheets/sheet4.xml"));
        CHECK(one["xl/worksheets/sheet4.xml"].find(p.flows.back().id) != std::string::npos);
        // The creation time is the one part allowed to differ.
        one.erase("docProps/core.xml");
        two.erase("docProps/core.xml");
        INFO("language " << lang);
        REQUIRE(one.size() == two.size());
        for (const auto& [name, bytes] : one) {
            INFO(name);
            CHECK(two[name] == bytes);
        }
    }
}
