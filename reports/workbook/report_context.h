#pragma once
// What every sheet writer needs: the project and its analysis, the labels and
// formats of this workbook, look-ups by actor id, the sheet names (for
// cross-sheet formulas) and the progress reporter.
#include <string>
#include <unordered_map>

#include "analysis.h"
#include "labels.h"
#include "legend.h"
#include "progress.h"
#include "project.h"
#include "report.h"
#include "report_formats.h"
#include "workbook_writer.h"

namespace traza::risk {
struct ChainComparison;
}

namespace traza::reports {

/// Sheet names in the report's language; formulas quote them with quotedSheet().
struct SheetNames {
    std::string summary, actors, flows, chokePoints, traceability, massBalance, redFlags, checklist, goals,
        methodology, legend, plan, weights, reconciliation, findings, claims, comparison, audit, progress;
    explicit SheetNames(const Labels&);
};

class ReportContext {
public:
    /// `legend` non-null selects the national layout (codes explained on the Legend sheet).
    ReportContext(const model::Project&, const risk::Analysis&, const Labels&, const Formats&, Workbook&,
                  Progress&, Legend* legend = nullptr);

    const model::Project& project;
    const risk::Analysis& analysis;
    const Labels& text;
    const Formats& fmt;
    Workbook& book;
    Progress& progress;
    const SheetNames sheets;
    /// Set in the national layout only: where the tables' codes are collected.
    Legend* const legend;

    /// Whether the national layout is used (see legend.h and ReportOptions).
    bool national() const { return legend != nullptr; }

    const model::Actor* actor(const std::string& id) const;
    const risk::ActorResult* result(const std::string& id) const;
    /// The actor's name, or its id when it has none or is unknown.
    std::string actorName(const std::string& id) const;
    const std::string& lang() const { return text.language(); }

    /// Set when the report compares this project with an earlier one (Comparison sheet).
    const risk::ChainComparison* comparison = nullptr;
    std::string comparedWith;  ///< how the earlier project is named on that sheet
    /// A shared project's audit trail (Audit trail sheet, when not empty) and its location.
    const std::vector<AuditLine>* audit = nullptr;
    std::string auditSource;

    /// What the Summary's sign-off block states about the input (report.cpp fills it).
    struct SignOff {
        std::string projectFile;  ///< as given; empty when written from memory
        std::string sha256;       ///< of the project file's bytes
    } signOff;

private:
    std::unordered_map<std::string, const model::Actor*> m_actors;
    std::unordered_map<std::string, const risk::ActorResult*> m_results;
};

}  // namespace traza::reports
