#include "startup_trace.h"

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <unistd.h>

namespace traza::gui {
namespace {

const auto kStaticInit = std::chrono::steady_clock::now();

// The process's start in ms since boot (field 22 of /proc/self/stat, in clock
// ticks), or nothing where /proc is not there.
std::optional<double> processStartSinceBootMs() {
    std::ifstream in("/proc/self/stat");
    std::string stat;
    if (!std::getline(in, stat)) return std::nullopt;
    const auto close = stat.rfind(')');  // the command name may hold spaces
    if (close == std::string::npos) return std::nullopt;
    std::istringstream fields(stat.substr(close + 2));
    std::string field;
    // After "pid (comm) " come fields 3 (state) .. 22 (starttime): 20 of them.
    for (int k = 3; k <= 22; ++k)
        if (!(fields >> field)) return std::nullopt;
    const long ticks = sysconf(_SC_CLK_TCK);
    if (ticks <= 0) return std::nullopt;
    return std::strtod(field.c_str(), nullptr) * 1000.0 / static_cast<double>(ticks);
}

}  // namespace

const char* milestoneName(Milestone m) {
    switch (m) {
    case Milestone::FrameShown: return "frame-shown";
    case Milestone::FileRead: return "file-read";
    case Milestone::LayoutDone: return "layout-done";
    case Milestone::ChainPainted: return "chain-painted";
    case Milestone::AnalysisShown: return "analysis-shown";
    }
    return "?";
}

StartupTrace& StartupTrace::instance() {
    static StartupTrace trace = [] {
        StartupTrace t;
        const char* v = std::getenv("TRAZA_STARTUP_TRACE");
        if (v && *v && std::strcmp(v, "0") != 0) t.configure(&std::cerr, std::strcmp(v, "exit") == 0);
        return t;
    }();
    return trace;
}

void StartupTrace::configure(std::ostream* sink, bool exitAfterLast) {
    m_sink = sink;
    m_exit = sink && exitAfterLast;
}

bool StartupTrace::mark(Milestone m) {
    auto& slot = m_at[static_cast<std::size_t>(m)];
    if (slot) return false;
    slot = msSinceProcessStart();
    if (m_sink) *m_sink << "traza-startup: " << milestoneName(m) << ' ' << static_cast<long>(*slot + 0.5) << " ms" << std::endl;
    return true;
}

void StartupTrace::reset() { m_at = {}; }

double StartupTrace::msSinceProcessStart() {
    static const std::optional<double> start = processStartSinceBootMs();
    timespec now{};
    if (start && clock_gettime(CLOCK_BOOTTIME, &now) == 0)
        return static_cast<double>(now.tv_sec) * 1000.0 + static_cast<double>(now.tv_nsec) / 1e6 - *start;
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - kStaticInit).count();
}

}  // namespace traza::gui
