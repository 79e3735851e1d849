#pragma once
// The one place where an error from the Traza libraries reaches the user: a
// message box naming the file (when there is one) and the reason.
#include <wx/string.h>

#include <exception>
#include <functional>

class wxWindow;

namespace traza::gui {

/// Show `e` as a modal message box. `file` names the file involved, if any.
void showError(wxWindow* parent, const std::exception& e, const wxString& file = wxString());

/// Tests replace the message box with a sink (a modal box would block them).
/// Pass an empty function to restore the message box.
void setErrorSink(std::function<void(const wxString& title, const wxString& message)>);

}  // namespace traza::gui
