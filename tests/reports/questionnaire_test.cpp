// Supplier questionnaires (issue #18): the workbook written for a supplier of
// the CARE pilot, read back by Traza's own xlsx reader, edited cell by cell in
// memory as a supplier would, and turned into a diff that applies and reverts
// as one command; every refusal names its cell and changes nothing.
#include <catch2/catch.hpp>

#include <functional>

#include "answers_reader.h"
#include "answers_text.h"
#include "apply_answers.h"
#include "command_stack.h"
#include "error.h"
#include "labels.h"
#include "questionnaire_texts.h"
#include "questionnaire_workbook.h"
#include "report_fixture.h"
#include "spreadsheet/spreadsheet_reader.h"

namespace traza::reports {
namespace {

namespace q = model::questionnaire;
using model::SheetCell;

struct Returned {
    test::ScratchDir dir;
    model::Project project = test::careProject();
    model::Workbook book;

    explicit Returned(const std::string& supplier = "org1", const std::string& lang = "en",
                      const std::function<void(model::Project&)>& edit = {}) {
        if (edit) edit(project);
        const auto file = dir.path() / "q.xlsx";
        writeQuestionnaire(file, project, supplier, lang, "2026-12-01");
        book = model::readSpreadsheet(file);
        book.file = "q.xlsx";
        for (auto& s : book.sheets) s.file = "q.xlsx";
    }
    model::SheetTable& sheet(const std::string& name) {
        const int i = book.find(name);
        REQUIRE(i >= 0);
        return book.sheets[i];
    }
    // Row `row` (1-based, as Excel numbers it), column `col` (0-based).
    SheetCell& cell(const std::string& name, std::size_t row, int col) {
        model::SheetTable& t = sheet(name);
        for (auto& r : t.rows)
            if (!r.empty() && r.front().line == row) {
                REQUIRE(static_cast<std::size_t>(col) < r.size());
                return r[col];
            }
        FAIL("no row " << row << " in " << name);
        throw;
    }
    void setText(const std::string& name, std::size_t row, int col, const std::string& text) {
        SheetCell& c = cell(name, row, col);
        c.kind = text.empty() ? SheetCell::Kind::Empty : SheetCell::Kind::Text;
        c.text = text;
    }
    void setNumber(const std::string& name, std::size_t row, int col, double v) {
        SheetCell& c = cell(name, row, col);
        c.kind = SheetCell::Kind::Number;
        c.number = v;
        c.text = std::to_string(v);
    }
    q::Answers read(const std::string& supplier = {}) const { return q::readAnswers(project, book, "q.xlsx", "2026-12-03", supplier); }
};

std::string refusal(const Returned& r, const std::string& supplier = {}) {
    try {
        r.read(supplier);
    } catch (const InvalidInput& e) {
        return e.what();
    }
    FAIL("not refused");
    return {};
}

}  // namespace

TEST_CASE("Questionnaire - a workbook returned unchanged changes nothing") {
    Returned r;
    const q::Answers a = r.read();
    CHECK(a.empty());
    CHECK(a.identity.supplier == "org1");
    CHECK(a.identity.items == 13);  // org1's items of steps 2-4 (supplier scope)
    CHECK(a.identity.flows == 2);   // f1 in, f7 out
    CHECK(a.identity.generated == "2026-12-01");
    CHECK(describeAnswers(a, r.project, "q.xlsx", "en").find("No changes") != std::string::npos);
}

TEST_CASE("Questionnaire - answers in Spanish become a diff that applies and reverts as one command") {
    Returned r("org1", "es");
    const std::string cl = "Lista de verificación", fl = "Flujos";
    r.setText(cl, 13, q::kItemStatus, "Cumplido");  // 2.1 .. 4.4: row 14 is 4.4, row 13 is 4.3
    r.setText(cl, 14, q::kItemStatus, "en curso");
    r.setText(cl, 14, q::kItemEvidence, "Visita programada");
    r.setText(cl, 14, q::kItemDue, "2027-01-31");
    r.setNumber(fl, 2, q::kFlowDocumented, 20.5);  // f1: 8.69 -> 20.5
    r.setText(fl, 2, q::kFlowEvidence, "Documentado");
    const q::Answers a = r.read();
    REQUIRE(a.items.size() == 2);
    CHECK(a.items[0].after.id == "4.3");
    CHECK(a.items[0].before.status == model::ItemStatus::InProgress);
    CHECK(a.items[0].after.status == model::ItemStatus::Done);
    CHECK(a.items[1].after.status == model::ItemStatus::InProgress);
    CHECK(a.items[1].after.evidence == "Visita programada");
    CHECK(a.items[1].after.due == "2027-01-31");
    CHECK(a.items[1].after.source == "questionnaire q.xlsx 2026-12-03");
    REQUIRE(a.flows.size() == 1);
    CHECK(a.flows[0].after.id == "f1");
    CHECK(a.flows[0].after.documentedT == 20.5);
    CHECK(a.flows[0].after.evidence == model::Evidence::Documented);
    CHECK(a.flows[0].after.tonnes == 173.8);

    const std::string text = describeAnswers(a, r.project, "q.xlsx", "es");
    CHECK(text.find("Ítem 4.3 de la lista:\n  estado: En curso -> Cumplido") != std::string::npos);
    CHECK(text.find("toneladas documentadas: 8.69 -> 20.5") != std::string::npos);
    CHECK(text.find("Cambian 2 ítem(s) de la lista y 1 flujo(s).") != std::string::npos);

    const model::Project before = r.project;
    model::CommandStack stack;
    stack.execute(r.project, std::make_unique<q::ApplyAnswers>(a));
    const model::ChecklistItem& item = r.project.findChecklist("org1")->items.back();
    CHECK(item.id == "4.4");
    CHECK(item.status == model::ItemStatus::InProgress);
    CHECK(item.source == "questionnaire q.xlsx 2026-12-03");
    CHECK(r.project.findChecklist("org1")->items[0].source.empty());  // unchanged items keep theirs
    CHECK(r.project.findFlow("f1")->documentedT == 20.5);
    CHECK(r.project.findFlow("f7")->documentedT == 173.8);
    CHECK(stack.undoLabel() == "Import answers");
    stack.undo(r.project);
    CHECK(r.project.checklists == before.checklists);
    CHECK(r.project.flows == before.flows);
    stack.redo(r.project);
    CHECK(r.project.findFlow("f1")->documentedT == 20.5);
    // Read again against the changed project: nothing left to change.
    CHECK(r.read().empty());
}

TEST_CASE("Questionnaire - a supplier without a checklist gets the template's supplier items, created on apply") {
    Returned r("ref");
    REQUIRE(r.project.findChecklist("ref") == nullptr);
    const q::Answers unchanged = r.read();
    CHECK(unchanged.empty());
    r.setText("Checklist", 2, q::kItemStatus, "Done");
    const q::Answers a = r.read();
    REQUIRE(a.items.size() == 1);
    model::Project p = r.project;
    q::ApplyAnswers apply(a);
    apply.apply(p);
    REQUIRE(p.findChecklist("ref"));
    CHECK(p.findChecklist("ref")->items.size() == 1);
    apply.revert(p);
    CHECK(p.findChecklist("ref") == nullptr);
}

TEST_CASE("Questionnaire - a supplier following the Minerals template is asked that template's items") {
    Returned r("ref", "es", [](model::Project& p) {
        model::Checklist c;
        c.scope = "ref";
        c.templateId = "oecd_minerals";
        c.items.push_back({"2.a"});
        c.items.push_back({"1.a"});  // an assessment step of that template: not the supplier's to answer
        p.checklists.push_back(c);
    });
    const model::ChecklistTemplate* minerals = r.project.catalogue.checklistTemplate("oecd_minerals");
    REQUIRE(minerals);
    REQUIRE(minerals->item("2.a"));
    REQUIRE(minerals->item("1.a"));
    const model::SheetTable& sheet = r.sheet("Lista de verificación");
    CHECK(sheet.rows.size() == 2);  // the header and 2.a
    CHECK(r.cell("Lista de verificación", 2, q::kItemId).text == "2.a");
    CHECK(r.cell("Lista de verificación", 2, q::kItemText).text == minerals->item("2.a")->name.es);
    r.setText("Lista de verificación", 2, q::kItemStatus, "Cumplido");
    const q::Answers a = r.read();
    REQUIRE(a.items.size() == 1);
    model::Project p = r.project;
    q::ApplyAnswers apply(a);
    apply.apply(p);
    CHECK(p.findChecklist("ref")->templateId == "oecd_minerals");
    CHECK(p.findChecklist("ref")->items[0].status == model::ItemStatus::Done);
}

TEST_CASE("Questionnaire - impossible values are refused with the cell named") {
    Returned r;
    SECTION("a status that is none") {
        r.setText("Checklist", 7, q::kItemStatus, "Maybe");
        CHECK(refusal(r) == "q.xlsx: Checklist!C7: \"Maybe\" is not a status");
    }
    SECTION("negative tonnes") {
        r.setNumber("Flows", 3, q::kFlowTonnes, -4);
        CHECK(refusal(r) == "q.xlsx: Flows!D3: tonnes must be more than 0");
    }
    SECTION("documented above the tonnes") {
        r.setNumber("Flows", 2, q::kFlowDocumented, 200);
        CHECK(refusal(r) == "q.xlsx: Flows!E2: documented tonnes must not exceed the tonnes of the flow");
    }
    SECTION("an unknown evidence level") {
        r.setText("Flows", 2, q::kFlowEvidence, "Trust me");
        CHECK(refusal(r) == "q.xlsx: Flows!F2: \"Trust me\" is not an evidence level");
    }
    SECTION("an unknown document type") {
        r.setText("Flows", 2, q::kFlowDocuments, "Cash receipt; napkin");
        CHECK(refusal(r) == "q.xlsx: Flows!G2: \"napkin\" is not a document type");
    }
    SECTION("a due date that is no date") {
        r.setText("Checklist", 2, q::kItemDue, "2026-02-30");
        CHECK(refusal(r) == "q.xlsx: Checklist!G2: \"2026-02-30\" is not a date (YYYY-MM-DD)");
    }
}

TEST_CASE("Questionnaire - another supplier, another project and edited locked cells are refused") {
    Returned r;
    SECTION("asked for another supplier") {
        CHECK(refusal(r, "org2") == "q.xlsx: Traza!B5: made for supplier \"org1\", not \"org2\"");
    }
    SECTION("another project") {
        r.project.assessment.title = "Another assessment";
        CHECK(refusal(r).find("q.xlsx: Traza!B3: made for another project") == 0);
    }
    SECTION("the identification edited") {
        r.setText("Traza", 5, 1, "org2");
        CHECK(refusal(r) == "q.xlsx: Traza!B10: the identification or an id of the questionnaire was changed (its check does not match)");
    }
    SECTION("an id edited") {
        r.setText("Checklist", 3, q::kItemId, "9.9");
        CHECK(refusal(r).find("q.xlsx: Traza!B10: ") == 0);
    }
    SECTION("a flow's end edited") {
        r.setText("Flows", 3, q::kFlowTo, "expB");
        CHECK(refusal(r) == "q.xlsx: Flows!C3: a locked cell was changed (the flow goes to \"expA\")");
    }
    SECTION("a row removed") {
        r.sheet("Flows").rows.pop_back();
        CHECK(refusal(r) == "q.xlsx: Flows!A1: 1 rows where the questionnaire had 2 (rows may not be added or removed)");
    }
    SECTION("not a questionnaire") {
        r.book.sheets.pop_back();
        CHECK(refusal(r).find("not a Traza questionnaire") != std::string::npos);
    }
}

TEST_CASE("Questionnaire - the status words are the report's, in both languages") {
    for (const std::string lang : {"en", "es"}) {
        const Labels labels(lang);
        for (const auto s : {model::ItemStatus::NotStarted, model::ItemStatus::InProgress, model::ItemStatus::Done,
                             model::ItemStatus::NotApplicable}) {
            CHECK(q::statusWord(s, lang) == labels.status(model::toString(s)));
            CHECK(q::statusFromWord(q::statusWord(s, lang)) == s);
        }
    }
    for (std::string_view key : questionnaireTextKeys()) {
        CHECK_FALSE(questionnaireText(key, "en").empty());
        CHECK_FALSE(questionnaireText(key, "es").empty());
    }
}

}  // namespace traza::reports
