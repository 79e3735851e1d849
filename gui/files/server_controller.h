#pragma once
// The window's side of a project on a PostgreSQL server (issue #22): File >
// Open location… and Save to server…, View > History…, and a timer that takes
// in other users' changes every two seconds. A step the server refuses (a
// conflicting edit, a reviewer's write) is taken back by the Document and shown
// with the server's reason, and the other users' changes are taken in at once.
#include <wx/event.h>
#include <wx/timer.h>

#include <functional>
#include <memory>
#include <string>

#include "document.h"
#include "server_session.h"

class wxFrame;

namespace traza::gui {

class ServerController : public wxEvtHandler {
public:
    static constexpr int kPollMilliseconds = 2000;
    ServerController(wxFrame* frame, Document&);
    ~ServerController() override;

    /// Open the project at `uri` (after the unsaved-changes question `maybeSave`).
    /// False, with the reason shown, when it cannot be opened.
    bool openLocation(const std::string& uri);
    bool openLocationWithDialog();
    /// Put the open project on the server at `uri` and go on editing it there.
    bool saveToServer(const std::string& uri);
    bool saveToServerWithDialog();
    void showHistory();

    /// Take in other users' changes now (the timer does it every two seconds).
    /// Returns how many objects changed.
    std::size_t pollNow();
    /// A project opened from a file or made new leaves the server.
    void leave();
    ServerSession* session() const { return m_session.get(); }

    /// Asked before another project replaces the open one: false cancels.
    std::function<bool()> maybeSave;
    /// After a project was opened from (or put on) the server, as after opening a file.
    std::function<void()> afterLoad;
    /// A line for the status bar ("alice: Edit flow (2 changes)").
    std::function<void(const wxString&)> onStatus;

private:
    bool attach(const std::function<void()>& open);

    wxFrame* m_frame;
    Document& m_doc;
    std::unique_ptr<ServerSession> m_session;
    wxTimer m_timer;
    int m_docSlot = 0;
    bool m_attaching = false;  ///< the session is loading its project into the document
};

}  // namespace traza::gui
