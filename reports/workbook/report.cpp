#include "report.h"

#include <future>
#include <optional>
#include <string>

#include "atomic_output.h"
#include "chain_map_image.h"
#include "labels.h"
#include "progress.h"
#include "report_context.h"
#include "report_formats.h"
#include "sha256.h"
#include "sheet_lanes.h"
#include "sheets.h"
#include "workbook_writer.h"

namespace traza::reports {

namespace {

// Rough count of the rows the sheets write, so progress moves evenly.
double workUnits(const model::Project& p, const risk::Analysis& a) {
    double units = 40;  // summary, traceability matrix, goals, methodology
    units += static_cast<double>(p.actors.size()) * 3;  // actors, choke points, mass balance
    units += static_cast<double>(p.flows.size());
    units += static_cast<double>(a.breaks.size() + a.redFlags.size() + p.findings.size() + p.goals.size() + p.supports.size());
    for (const model::Checklist& c : p.checklists) units += static_cast<double>(c.items.size());
    if (a.series) units += static_cast<double>(a.series->periods.size());  // the Progress sheet
    return units;
}

}  // namespace

void writeReport(const model::Project& project, const risk::Analysis& analysis, const std::filesystem::path& out,
                 const ReportOptions& options) {
    const Labels text(options.language);
    if (out.empty()) throw InvalidInput("output", "no output file given");
    Progress progress(options.progress, workUnits(project, analysis));
    progress.reach(0.0);

    // The project file's digest (a national .traza is ~40 MB to read and hash)
    // is computed beside the chain map; the Summary needs it first.
    std::future<std::string> digest;
    if (!options.projectFile.empty())
        digest = std::async(std::launch::async, [&options] { return sha256OfFile(options.projectFile); });

    ChainMapImage map;
    if (options.chainMap) map = renderChainMap(project, analysis, text);
    progress.advance(10);

    AtomicOutput output(out);
    {
        Workbook book(output.tempPath(), options.constantMemory || project.flows.size() > kConstantMemoryFlows);
        const Formats formats = Formats::create(book);
        const model::Assessment& as = project.assessment;
        book.setProperties(as.title.empty() ? text("doc.title") : as.title, text("doc.subject"), as.assessor,
                           as.organisation, text.format("doc.comments", {TRAZA_VERSION}));

        Legend legend(options.nationalLayoutFlows);
        const bool national = project.flows.size() > options.nationalLayoutFlows;
        ReportContext ctx(project, analysis, text, formats, book, progress, national ? &legend : nullptr);
        if (!options.projectFile.empty()) {
            ctx.signOff.projectFile = options.projectFile.string();
            ctx.signOff.sha256 = digest.get();
        }
        ctx.comparison = options.comparison;
        ctx.comparedWith = options.comparedWith;
        ctx.audit = &options.audit;
        ctx.auditSource = options.auditSource;
        // Tab order is the order an auditor reads in: conclusions first, evidence after;
        // the national layout's Legend right after the Summary, filled once the codes are known.
        // Flows, then Mass balance to Red flags, are filled on a second thread while
        // Actors, Traceability and the rest are filled here (sheet_lanes.h). A
        // sheet waits for every earlier tab to exist, so each lane's next sheet
        // follows tabs the other lane has already added: at 85 000 flows this
        // lane's Actors and Traceability take as long as Flows and Red flags.
        using Lane = SheetLanes::Lane;
        SheetLanes lanes(book, options.parallelSheets && book.constantMemory());
        std::optional<Sheet> legendSheet;
        lanes.add([&] { writeSummarySheet(ctx, options.chainMap ? &map : nullptr); });
        if (national) lanes.add([&] { legendSheet = beginLegendSheet(ctx); });
        lanes.add([&] { writeComparisonSheet(ctx); });  // what changed since the earlier project is a conclusion too
        lanes.add([&] { writeActorsSheet(ctx); });
        lanes.add([&] { writeFlowsSheet(ctx); }, Lane::Side);
        lanes.add([&] { writeChokePointsSheet(ctx); });
        lanes.add([&] { writeTraceabilitySheet(ctx); });
        for (void (*write)(ReportContext&) :
             {writeMassBalanceSheet, writeReconciliationSheet, writeClaimsSheet, writeRedFlagsSheet})
            lanes.add([&ctx, write] { write(ctx); }, Lane::Side);
        for (void (*write)(ReportContext&) :
             {writeFindingsSheet, writeChecklistSheet, writeGoalsSheet, writeProgressSheet, writePlanSheet,
              writeMethodologySheet, writeWeightsSheet, writeAuditSheet})
            lanes.add([&ctx, write] { write(ctx); });
        lanes.run();
        if (legendSheet) writeLegendSheet(ctx, *legendSheet);

        progress.reach(Progress::kWritingShare);
        book.close();
    }
    // Last chance to cancel: nothing has replaced `out` yet.
    progress.reach(1.0);
    output.commit();
}

}  // namespace traza::reports
