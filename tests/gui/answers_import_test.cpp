// File > Import answers… in the real window under Xvfb (issue #18): a supplier
// questionnaire written by Traza and filled by openpyxl comes back as a diff in
// the window's language, applies as one undo step with its source recorded, and
// a questionnaire of another project is refused with the cell named.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>

#include "command_ids.h"
#include "gui_test_support.h"
#include "import/answers_controller.h"
#include "labels.h"
#include "answers_reader.h"
#include "questionnaire_workbook.h"
#include "spreadsheet/spreadsheet_reader.h"
#include "test_frame.h"

using namespace traza;
using namespace traza::gui;
using namespace traza::gui::test;

namespace {

struct AnswersFrame : TestFrame {
    AnswersFrame() : TestFrame(wxSize(1400, 900)) {
        if (const char* lang = std::getenv("TRAZA_TEST_LANGUAGE"); lang && std::string(lang) == "es")
            REQUIRE(_("Import answers") == wxString::FromUTF8("Importar respuestas"));
        REQUIRE(f->files().openPath(model::dataDirectory() / "samples" / "care-pilot-2025.json"));
        pump(200);
    }
};

// The supplier's answers, typed by openpyxl: item 4.3 done (an English word in
// whatever language the questionnaire is), flow f1's documented tonnes 20.
void fill(const fs::path& book) {
    const std::string script =
        "import openpyxl, sys\n"
        "wb = openpyxl.load_workbook(sys.argv[1])\n"
        "cl, fl = wb.worksheets[1], wb.worksheets[2]\n"
        "row = next(r for r in range(2, cl.max_row + 1) if cl.cell(r, 1).value == '4.3')\n"
        "cl.cell(row, 3).value = 'Done'\n"
        "fl.cell(2, 5).value = 20\n"
        "wb.save(sys.argv[1])\n";
    const fs::path py = book.parent_path() / "fill.py";
    std::ofstream(py) << script;
    REQUIRE(std::system(("/usr/bin/python3 '" + py.string() + "' '" + book.string() + "'").c_str()) == 0);
}

}  // namespace

TEST_CASE("AnswersImport - a returned questionnaire shows its diff in the window's language and applies as one undo step",
          "[gui][answers]") {
    TempDir dir;
    AnswersFrame fx;
    Document& doc = fx.f->document();
    const fs::path book = dir / "q-org1.xlsx";
    reports::writeQuestionnaire(book, doc.project(), "org1", uiLanguage(), "2026-12-01");
    fill(book);
    REQUIRE(doc.project().findFlow("f1")->documentedT == 8.69);
    const std::string undoBefore = doc.undoLabel();  // opening may already leave a step (the layout)

    AnswersController& answers = fx.f->answers();
    answers.setUnattended(true, book);
    fx.menu(ids::ImportAnswers);
    pump(100);
    const bool es = uiLanguage() == "es";
    const wxString text = answers.lastText();
    CHECK(text.Contains(wxString::FromUTF8(es ? "Ítem 4.3 de la lista:" : "Checklist item 4.3:")));
    CHECK(text.Contains(wxString::FromUTF8(es ? "toneladas documentadas: 8.69 -> 20" : "documented tonnes: 8.69 -> 20")));
    CHECK(fx.errors.empty());

    CHECK(doc.project().findFlow("f1")->documentedT == 20);
    const model::Checklist* org1 = doc.project().findChecklist("org1");
    REQUIRE(org1);
    const auto item = std::find_if(org1->items.begin(), org1->items.end(), [](const auto& i) { return i.id == "4.3"; });
    REQUIRE(item != org1->items.end());
    CHECK(item->status == model::ItemStatus::Done);
    CHECK(item->source.rfind("questionnaire q-org1.xlsx ", 0) == 0);
    CHECK(fx.f->GetStatusBar()->GetStatusText(0) == wxString::Format(_("Answers imported from %s."), "q-org1.xlsx"));

    // One undo step takes all of it back.
    CHECK(doc.undoLabel() == "Import answers");
    doc.undo();
    CHECK(doc.project().findFlow("f1")->documentedT == 8.69);
    const model::Checklist* back = doc.project().findChecklist("org1");
    CHECK(std::find_if(back->items.begin(), back->items.end(), [](const auto& i) { return i.id == "4.3"; })->status ==
          model::ItemStatus::InProgress);
    CHECK(doc.undoLabel() == undoBefore);
}

TEST_CASE("AnswersImport - a questionnaire of another project is refused with the cell named and changes nothing",
          "[gui][answers]") {
    TempDir dir;
    AnswersFrame fx;
    Document& doc = fx.f->document();
    model::Project other = doc.project();
    other.assessment.title = "Another assessment";
    const fs::path book = dir / "other.xlsx";
    reports::writeQuestionnaire(book, other, "org1", uiLanguage(), "2026-12-01");
    const auto flowsBefore = doc.project().flows;
    const std::string undoBefore = doc.undoLabel();

    AnswersController& answers = fx.f->answers();
    answers.setUnattended(true, book);
    CHECK_FALSE(answers.importWithDialog());
    CHECK(answers.lastText().Contains("other.xlsx: Traza!B3: made for another project"));
    CHECK(doc.project().flows == flowsBefore);
    CHECK(doc.undoLabel() == undoBefore);
    CHECK(fx.f->GetStatusBar()->GetStatusText(0) == _("The answers were not imported."));
}

TEST_CASE("AnswersImport - File > Write questionnaires writes one workbook per selected supplier, in the window's language",
          "[gui][answers]") {
    TempDir dir;
    AnswersFrame fx;
    AnswersController& answers = fx.f->answers();
    answers.setUnattended(true, dir.path());
    fx.menu(ids::WriteQuestionnaires);  // nothing selected: nothing written
    CHECK(fx.f->GetStatusBar()->GetStatusText(0) == _("Select the suppliers on the canvas first."));
    fx.f->selection().assign({"org1", "ref"}, {});
    fx.menu(ids::WriteQuestionnaires);
    pump(100);
    CHECK(fx.errors.empty());
    CHECK(fx.f->GetStatusBar()->GetStatusText(0) == wxString::Format(wxPLURAL("Wrote %d questionnaire.", "Wrote %d questionnaires.", 2), 2));
    for (const char* supplier : {"org1", "ref"}) {
        const fs::path file = dir / ("questionnaire-" + std::string(supplier) + ".xlsx");
        REQUIRE(fs::exists(file));
        // Read back unchanged: the supplier's questionnaire, in the window's language, changing nothing.
        const model::Workbook book = model::readSpreadsheet(file);
        CHECK(book.find(model::questionnaire::sheetName("checklist", uiLanguage())) >= 0);
        const auto read = model::questionnaire::readAnswers(fx.f->document().project(), book, file.string(), "2026-12-03");
        CHECK(read.identity.supplier == supplier);
        CHECK(read.empty());
    }
}
