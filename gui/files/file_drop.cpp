#include "file_drop.h"

#include <wx/app.h>

#include "labels.h"
#include "project_files.h"

namespace traza::gui {

bool ProjectDropTarget::OnDropFiles(wxCoord, wxCoord, const wxArrayString& files) {
    for (const wxString& f : files) {
        const std::filesystem::path p(toUtf8(f));
        if (!isOpenableFile(p)) continue;
        wxTheApp->CallAfter([open = m_open, p] { open(p); });
        return true;
    }
    return false;
}

}  // namespace traza::gui
