#pragma once
// The CARE sample open in a real 1600 x 1000 frame with the Tables pane shown,
// and the gestures a user makes on a table's grid (click a cell and type,
// click a header). Shared by the Tables and Records window tests.
#include <catch2/catch.hpp>
#include <wx/grid.h>

#include <cstdlib>
#include <string>

#include "analysis_runner.h"
#include "command_ids.h"
#include "catalogue.h"  // dataDirectory
#include "file_controller.h"
#include "gui_test_support.h"
#include "main_frame.h"
#include "table_page.h"
#include "test_frame.h"
#include "ui_driver.h"

namespace traza::gui::test {

/// The CARE sample open in a real 1600 x 1000 frame with the Tables pane shown.
struct CareTables : TestFrame {
    MainFrame* frame = f;
    CareTables() : TestFrame(wxSize(1600, 1000)) {
        if (spanishRun()) REQUIRE(_("Tables") == wxString::FromUTF8("Tablas"));
        REQUIRE(frame->files().openPath(model::dataDirectory() / "samples" / "care-pilot-2025.json"));
        REQUIRE(waitUntil([&] { return frame->analysis() && !frame->analysisRunner().busy(); }));
        menu(ids::ShowTables);
        pump(300);
    }
    TablePage* flows() {
        frame->showTables(frame->flowTable());
        REQUIRE(waitUntil([&] { return frame->flowTable()->IsShownOnScreen(); }, 3000));
        pump(200);
        return frame->flowTable();
    }
    TablePage* actors() {
        frame->showTables(frame->actorTable());
        REQUIRE(waitUntil([&] { return frame->actorTable()->IsShownOnScreen(); }, 3000));
        pump(200);
        return frame->actorTable();
    }
    const model::Project& project() { return frame->document().project(); }
    void undo() {
        menu(wxID_UNDO);
        pump(200);
    }
};

inline int rowOf(TablePage* t, const std::string& id) {
    for (int r = 0; r < static_cast<int>(t->rowCount()); ++r)
        if (t->idAt(r) == id) return r;
    return -1;
}

// Where a cell is on the screen (scrolled into view first).
inline wxPoint cellOnScreen(wxGrid* g, int row, int col) {
    g->MakeCellVisible(row, col);
    pump(100);
    const wxRect r = g->CellToRect(row, col);
    const wxPoint unscrolled = g->CalcScrolledPosition(r.GetPosition());
    return g->GetGridWindow()->ClientToScreen(unscrolled + wxPoint(r.width / 2, r.height / 2));
}

// Click a cell, type over it and press Enter, as a user edits a grid.
inline void typeInCell(UiDriver& ui, wxGrid* g, int row, int col, const char* text) {
    ui.click(cellOnScreen(g, row, col));
    REQUIRE(waitUntil([&] { return g->GetGridCursorRow() == row && g->GetGridCursorCol() == col; }, 3000));
    ui.type(text);  // the first key opens the cell's editor
    ui.key(WXK_RETURN);
    pump(300);
}

inline void clickHeader(UiDriver& ui, wxGrid* g, int col) {
    const wxRect r = g->CellToRect(0, col);
    const int x = g->CalcScrolledPosition(r.GetPosition()).x + r.width / 2;
    ui.click(g->GetGridColLabelWindow()->ClientToScreen(wxPoint(x, g->GetColLabelSize() / 2)));
    pump(200);
}


}  // namespace traza::gui::test
