#pragma once
// Dropping a .traza or .json file on the window opens it.
#include <wx/dnd.h>

#include <filesystem>
#include <functional>

namespace traza::gui {

class ProjectDropTarget : public wxFileDropTarget {
public:
    explicit ProjectDropTarget(std::function<void(const std::filesystem::path&)> open) : m_open(std::move(open)) {}
    /// Accepts the drop if one of the files can be opened; opens the first such file
    /// after the drop has finished (dialogs inside a drag would hang it).
    bool OnDropFiles(wxCoord x, wxCoord y, const wxArrayString& files) override;

private:
    std::function<void(const std::filesystem::path&)> m_open;
};

}  // namespace traza::gui
