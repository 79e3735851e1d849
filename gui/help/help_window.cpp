#include "help_window.h"

#include <wx/html/htmlwin.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/utils.h>

#include <fstream>
#include <sstream>

#include "error.h"
#include "error_dialog.h"
#include "help_markdown.h"
#include "labels.h"

namespace traza::gui {
namespace {

constexpr const char* kHelpName = "traza-help";

wxString titleOf(const std::string& name) {
    if (name == "user-guide") return _("User guide");
    if (name == "methodology") return _("Methodology");
    return toWx(name);
}

std::string readFile(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw IoError(p.string() + ": cannot be read");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

HelpFrame::HelpFrame(wxWindow* parent)
    : wxFrame(parent, wxID_ANY, _("Traza help"), wxDefaultPosition, wxSize(980, 820)) {
    SetName(kHelpName);
    m_html = new wxHtmlWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxHW_SCROLLBAR_AUTO);
    m_html->SetName("help-html");
    m_html->SetBorders(FromDIP(14));
    m_html->Bind(wxEVT_HTML_LINK_CLICKED, &HelpFrame::onLink, this);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_html, 1, wxEXPAND);
    SetSizer(sizer);
}

void HelpFrame::showDocument(const std::string& name) {
    const HelpDocument doc = findHelpDocument(name, uiLanguage());
    std::string html = prepareHelpHtml(markdownToHtml(readFile(doc.path)), doc.path.parent_path(), FromDIP(800));
    wxString page = "<html><body>";
    if (doc.fallback)
        page << "<table width=\"100%\" bgcolor=\"#fff4d6\" cellpadding=\"8\"><tr><td>"
             << _("This document is not yet translated into your language; the English version is shown.")
             << "</td></tr></table><br>";
    page << toWx(html) << "</body></html>";
    m_html->SetPage(page);
    m_name = name;
    SetTitle(wxString::Format(_("%s — Traza help"), titleOf(name)));
}

wxString HelpFrame::text() const { return m_html->ToText().Trim(false).Trim(); }

void HelpFrame::onLink(wxHtmlLinkEvent& e) {
    const wxString href = e.GetLinkInfo().GetHref();
    if (href.StartsWith("http://") || href.StartsWith("https://") || href.StartsWith("mailto:")) {
        wxLaunchDefaultBrowser(href);
    } else if (href.EndsWith(".md")) {  // another help document: docs/<name>.md
        try {
            showDocument(toUtf8(href.AfterLast('/').BeforeLast('.')));
        } catch (const std::exception& ex) {
            showError(this, ex);
        }
    } else if (href.StartsWith("#")) {
        e.Skip();  // wxHtmlWindow scrolls to an anchor of the page itself
    }
    // Anything else (a link into the source tree) has nothing to show here.
}

HelpFrame* showHelp(wxWindow* parent, const std::string& name) {
    auto* frame = dynamic_cast<HelpFrame*>(wxWindow::FindWindowByName(kHelpName, parent));
    try {
        if (!frame) frame = new HelpFrame(parent);
        frame->showDocument(name);
    } catch (const std::exception& e) {
        showError(parent, e);
        if (frame && frame->documentName().empty()) {
            frame->Destroy();
            return nullptr;
        }
    }
    frame->Show();
    frame->Raise();
    return frame;
}

}  // namespace traza::gui
