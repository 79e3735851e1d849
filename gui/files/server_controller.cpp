#include "server_controller.h"

#include <wx/frame.h>
#include <wx/textdlg.h>

#include <set>

#include "catalogue.h"
#include "error_dialog.h"
#include "history_dialog.h"
#include "labels.h"

namespace traza::gui {

ServerController::ServerController(wxFrame* frame, Document& doc) : m_frame(frame), m_doc(doc), m_timer(this) {
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { pollNow(); });
    // A file opened or a new project started leaves the server.
    m_docSlot = m_doc.changed.connect([this](DocumentChange c) {
        if (c == DocumentChange::Replaced && !m_attaching) leave();
    });
}

ServerController::~ServerController() {
    m_doc.changed.disconnect(m_docSlot);
    m_timer.Stop();
    m_session.reset();
}

bool ServerController::attach(const std::function<void()>& open) {
    if (maybeSave && !maybeSave()) return false;
    try {
        m_session.reset();  // the old project's steps stop going to its server first
        m_attaching = true;
        open();
        m_attaching = false;
        m_timer.Start(kPollMilliseconds);
        if (afterLoad) afterLoad();
        return true;
    } catch (const std::exception& e) {
        m_attaching = false;
        m_session.reset();
        showError(m_frame, e);
        return false;
    }
}

bool ServerController::openLocation(const std::string& uri) {
    return attach([&] { m_session = std::make_unique<ServerSession>(m_doc, uri, model::Catalogue::installed()); });
}

bool ServerController::saveToServer(const std::string& uri) {
    const model::Project project = m_doc.project();
    // Nothing is asked: the open project is what goes to the server.
    const auto ask = std::move(maybeSave);
    const bool done = attach([&] {
        ServerSession::saveWhole(project, uri);
        m_session = std::make_unique<ServerSession>(m_doc, uri, model::Catalogue::installed());
    });
    maybeSave = ask;
    return done;
}

namespace {
std::string askLocation(wxWindow* parent, const wxString& title) {
    wxTextEntryDialog dialog(parent,
                             _("The project's location: postgresql://[user@]host[:port]/database?project=NAME\n"
                               "The password comes from ~/.pgpass or PGPASSWORD; it is never stored in the project."),
                             title, "postgresql://");
    dialog.SetName("server-location");
    return dialog.ShowModal() == wxID_OK ? toUtf8(dialog.GetValue().Trim().Trim(false)) : std::string();
}
}  // namespace

bool ServerController::openLocationWithDialog() {
    const std::string uri = askLocation(m_frame, _("Open location"));
    return !uri.empty() && openLocation(uri);
}

bool ServerController::saveToServerWithDialog() {
    const std::string uri = askLocation(m_frame, _("Save to server"));
    return !uri.empty() && saveToServer(uri);
}

void ServerController::showHistory() {
    if (!m_session) {
        if (onStatus) onStatus(_("History is kept for projects on a server (File > Open location…)"));
        return;
    }
    try {
        HistoryDialog dialog(m_frame, toWx(m_session->location().display()), m_session->history());
        dialog.ShowModal();
    } catch (const std::exception& e) {
        showError(m_frame, e);
    }
}

std::size_t ServerController::pollNow() {
    if (!m_session) return 0;
    try {
        const auto changes = m_session->takeChanges();
        if (!changes.empty() && onStatus) {
            std::set<std::string> users;
            for (const model::AuditEntry& e : changes) users.insert(e.user);
            wxString who;
            for (const std::string& u : users) who << (who.empty() ? "" : ", ") << toWx(u);
            onStatus(wxString::Format(wxPLURAL("%s changed %d object: %s", "%s changed %d objects: %s", static_cast<int>(changes.size())),
                                      who, static_cast<int>(changes.size()), toWx(changes.front().label)));
        }
        return changes.size();
    } catch (const std::exception& e) {
        // The server went away: say so once, and keep trying on the next tick.
        if (onStatus) onStatus(toWx(e.what()));
        return 0;
    }
}

void ServerController::leave() {
    m_timer.Stop();
    m_session.reset();
}

}  // namespace traza::gui
