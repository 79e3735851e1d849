#pragma once
// Help > User guide and Help > Methodology: the Markdown documents of docs/
// rendered (help_markdown.h) in a wxHtmlWindow. One help window per main
// window; links to other .md documents open in it, web links in the browser.
#include <wx/frame.h>

#include <string>

class wxHtmlWindow;
class wxHtmlLinkEvent;

namespace traza::gui {

class HelpFrame : public wxFrame {
public:
    explicit HelpFrame(wxWindow* parent);

    /// Shows docs/<name>.md in the interface language (English, with a note
    /// saying so, when no translation exists). Throws traza::Error when the
    /// document cannot be found or read.
    void showDocument(const std::string& name);
    /// What the window shows, as plain text (for tests and screen readers).
    wxString text() const;
    const std::string& documentName() const { return m_name; }

private:
    void onLink(wxHtmlLinkEvent&);

    wxHtmlWindow* m_html = nullptr;
    std::string m_name;
};

/// Opens the help window of `parent` (created on first use, raised after) on
/// docs/<name>.md and returns it. Errors are shown with showError.
HelpFrame* showHelp(wxWindow* parent, const std::string& name);

}  // namespace traza::gui
