#pragma once
// A real main frame for window tests: shown, unattended (no modal questions),
// with the error dialogs captured in `errors` instead of shown; destroyed and
// the loop drained at the end of the test.
#include <vector>

#include <wx/event.h>
#include <wx/string.h>

#include "error_dialog.h"
#include "file_controller.h"
#include "main_frame.h"
#include "ui_driver.h"

namespace traza::gui::test {

struct TestFrame {
    MainFrame* f = new MainFrame;
    std::vector<wxString> errors;

    /// `size`: the frame's size, or its default size when wxDefaultSize.
    explicit TestFrame(wxSize size = wxDefaultSize) {
        setErrorSink([this](const wxString& t, const wxString& m) { errors.push_back(t + "\n" + m); });
        f->files().setUnattended(true);
        if (size != wxDefaultSize) f->SetSize(0, 0, size.x, size.y);
        f->Show();
        pump(200);
    }
    ~TestFrame() {
        f->Destroy();
        pump(100);
        setErrorSink({});
    }
    TestFrame(const TestFrame&) = delete;
    TestFrame& operator=(const TestFrame&) = delete;

    /// Choose a menu item, as the menu bar would.
    void menu(int id) {
        wxCommandEvent e(wxEVT_MENU, id);
        f->GetEventHandler()->ProcessEvent(e);
    }
};

}  // namespace traza::gui::test
