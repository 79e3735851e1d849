#pragma once
// The Excel due-diligence workbook: the one public entry point of traza_reports.
// Sheets: Summary, Actors, Flows, Choke points, Traceability, Mass balance,
// Red flags, Checklist, Goals and supports, Methodology (docs/reports.md).
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "analysis.h"
#include "error.h"
#include "project.h"

namespace traza::risk {
struct ChainComparison;
}

namespace traza::reports {

/// Thrown when the progress callback asks to stop. No file is left behind.
class Cancelled : public traza::Error {
public:
    Cancelled() : Error("report cancelled") {}
};

/// Constant-memory mode is switched on automatically above this many flows.
constexpr std::size_t kConstantMemoryFlows = 50'000;

/// One change of a shared project's audit trail, as the report shows it.
struct AuditLine {
    std::string at, user, label, action, object;
};

struct ReportOptions {
    /// "en" or "es": every label, sheet name and catalogue text. Anything else: InvalidInput.
    std::string language = "en";
    /// Called with 0..1 as the workbook is written; returning false cancels (Cancelled).
    /// Called from the writing thread; a GUI must hop to its own thread itself.
    std::function<bool(double)> progress;
    /// Force libxlsxwriter's constant-memory mode (rows flushed to a temp file as
    /// written). Also on when the chain has more than kConstantMemoryFlows flows.
    bool constantMemory = false;
    /// The national layout (legend.h: shared texts as codes explained on a Legend
    /// sheet, no party-name copies, no padding cells, one line per row) is used
    /// above this many flows, so a national chain's workbook is written in seconds.
    /// Lowered by tests to check that layout on a small chain.
    std::size_t nationalLayoutFlows = kConstantMemoryFlows;
    /// Fill the big tables on two threads (constant-memory mode only, sheet_lanes.h);
    /// the file is the same either way. Off: one thread, as tests compare.
    bool parallelSheets = true;
    /// Draw the chain map with Graphviz on the Summary sheet.
    bool chainMap = true;
    /// The project file the workbook is written from: the Summary's sign-off block
    /// gives its name and the SHA-256 of its bytes. Empty: written from memory.
    std::filesystem::path projectFile;
    /// With an earlier project's comparison (risk::compareChains), a Comparison
    /// sheet; `comparedWith` names the earlier project there.
    const risk::ChainComparison* comparison = nullptr;
    std::string comparedWith;
    /// Set when the project was read from a team's server (issue #22): its audit
    /// trail, newest first, written on an Audit trail sheet; `auditSource` names
    /// the location (password redacted). Empty: no such sheet.
    std::vector<AuditLine> audit;
    std::string auditSource;
};

/// Write the workbook for `project` and its `analysis` to `out` atomically: the file
/// is written as "<out>.tmp-XXXXXX" in the same directory and renamed over `out`
/// only when complete, so a failure or a cancel leaves an existing `out` untouched
/// and no partial file. Throws Cancelled, InvalidInput (bad options), IoError (the
/// directory is not writable, the rename fails) or Error (libxlsxwriter failed).
void writeReport(const model::Project& project, const risk::Analysis& analysis, const std::filesystem::path& out,
                 const ReportOptions& options = {});

}  // namespace traza::reports
