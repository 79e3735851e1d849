#include "early_read.h"

#include "project_files.h"
#include "start_task.h"

namespace traza::gui {

// startTask: on a thread whose heap grows in 2 MB pages (the whole project is
// made there), or, with no thread to be had, read when taken.
EarlyRead::EarlyRead(std::filesystem::path file)
    : m_file(std::move(file)), m_read(startTask(true, [file = m_file] { return loadProjectFile(file); })) {}

model::Project EarlyRead::take() { return m_read.get(); }

}  // namespace traza::gui
