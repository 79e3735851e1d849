#pragma once
// An honest stopwatch for opening a project at start-up, read from inside the
// workbench (a screen that stops changing may only mean a blocked GUI thread).
// TRAZA_STARTUP_TRACE=1 prints each milestone to stderr, once, in milliseconds
// since the process started:
//     traza-startup: frame-shown 712 ms
// TRAZA_STARTUP_TRACE=exit does the same and closes the window after the last
// milestone (bench/gui_first_paint.sh). No wx: the frame and canvas call mark().
#include <array>
#include <optional>
#include <ostream>

namespace traza::gui {

enum class Milestone {
    FrameShown,     ///< the canvas painted for the first time (whatever it shows)
    FileRead,       ///< the project file is read and is the document
    LayoutDone,     ///< the chain has positions (laid out on open when it had none)
    ChainPainted,   ///< the canvas painted the loaded chain
    AnalysisShown,  ///< the analysis pane holds the loaded chain's analysis
};
inline constexpr std::size_t kMilestoneCount = 5;

/// "frame-shown", "file-read", "layout-done", "chain-painted", "analysis-shown".
const char* milestoneName(Milestone);

class StartupTrace {
public:
    /// The process's trace, configured from TRAZA_STARTUP_TRACE on first use.
    static StartupTrace& instance();

    /// Tracing to `sink` (null: silent), quitting after the last milestone if `exitAfterLast`.
    void configure(std::ostream* sink, bool exitAfterLast);
    bool enabled() const { return m_sink != nullptr; }
    bool exitAfterLast() const { return m_exit; }

    /// Record `m` the first time it is reached (later calls do nothing) and print it.
    /// Returns true when this call recorded it.
    bool mark(Milestone m);
    bool reached(Milestone m) const { return m_at[static_cast<std::size_t>(m)].has_value(); }
    /// Milliseconds since process start at which `m` was reached.
    std::optional<double> at(Milestone m) const { return m_at[static_cast<std::size_t>(m)]; }
    /// Forget every milestone (tests).
    void reset();

    /// Milliseconds since this process started (Linux: its start time in
    /// /proc/self/stat, 10 ms resolution; elsewhere since static initialisation).
    static double msSinceProcessStart();

private:
    std::ostream* m_sink = nullptr;
    bool m_exit = false;
    std::array<std::optional<double>, kMilestoneCount> m_at{};
};

}  // namespace traza::gui
