#pragma once
// The project named on the command line, read on a thread of its own from the
// moment the window is shown: while GTK paints the window for the first time
// (60-80 ms for the workbench's panes) the GUI thread cannot read it, and the
// second core is idle. No wx.
#include <filesystem>
#include <future>
#include <memory>

#include "project.h"

namespace traza::gui {

class EarlyRead {
public:
    /// Starts reading `file` as loadProjectFile does (chain JSON by its extension).
    explicit EarlyRead(std::filesystem::path file);
    /// Waits for the reading thread (std::async's future does): a project
    /// nobody took is dropped.
    ~EarlyRead() = default;
    EarlyRead(const EarlyRead&) = delete;
    EarlyRead& operator=(const EarlyRead&) = delete;

    const std::filesystem::path& file() const { return m_file; }
    /// Waits until the file is read (or failed to be); take() then returns at once.
    void wait() const { m_read.wait(); }
    /// The project as read; waits for it. Throws what reading threw, as reading
    /// on the calling thread would. Call once.
    model::Project take();

private:
    std::filesystem::path m_file;
    std::future<model::Project> m_read;
};

}  // namespace traza::gui
