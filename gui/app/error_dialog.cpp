#include "error_dialog.h"

#include <wx/msgdlg.h>
#include <wx/log.h>

#include "error.h"
#include "labels.h"

namespace traza::gui {
namespace {

std::function<void(const wxString&, const wxString&)>& sink() {
    static std::function<void(const wxString&, const wxString&)> s;
    return s;
}

// A title saying what kind of problem it is, so the reason reads in context.
wxString titleFor(const std::exception& e) {
    if (dynamic_cast<const FutureVersionError*>(&e)) return _("Project made by a newer Traza");
    if (dynamic_cast<const FileFormatError*>(&e)) return _("Not a readable Traza project");
    if (dynamic_cast<const InvalidInput*>(&e)) return _("Invalid input");
    if (dynamic_cast<const IoError*>(&e)) return _("Could not read or write the file");
    return _("Traza could not complete the operation");
}

}  // namespace

void setErrorSink(std::function<void(const wxString&, const wxString&)> s) { sink() = std::move(s); }

void showError(wxWindow* parent, const std::exception& e, const wxString& file) {
    const wxString title = titleFor(e);
    wxString message;
    if (!file.empty()) message << wxString::Format(_("File: %s"), file) << "\n\n";
    message << toWx(e.what());
    wxLogDebug("%s: %s", title, message);
    if (sink()) {
        sink()(title, message);
        return;
    }
    wxMessageBox(message, title, wxOK | wxICON_ERROR, parent);
}

}  // namespace traza::gui
