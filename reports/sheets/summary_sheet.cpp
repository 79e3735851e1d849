// Summary: what the assessment is, how much material reaches the destinations,
// the traceability-limits statement, the top choke points, red flags by
// severity, the evidence-level legend and the chain map. Numbers that derive
// from other sheets are formulas over those sheets.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <ctime>

#include "chain_map_image.h"
#include "flow_sums.h"
#include "goal_progress.h"
#include "sha256.h"
#include "sheet_table.h"
#include "sheets.h"

namespace traza::reports {

namespace {

constexpr int kLastCol = 4;  // columns A..E
constexpr double kWidths[] = {30, 14, 14, 14, 70};
constexpr double kTextWidth = 30 + 14 * 3 + 70;
constexpr int kTopChokePoints = 5;
constexpr double kMapMaxWidthPx = 1000;

}  // namespace

std::string todayIso() {
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    localtime_r(&now, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

namespace {

void labelValue(ReportContext& ctx, Sheet& sheet, int& row, std::string_view key, const std::string& value) {
    sheet.rowHeight(row, wrappedHeight(value, kTextWidth - kWidths[0]));
    sheet.text(row, 0, ctx.text(key), ctx.fmt.label);
    sheet.merged(row, 1, kLastCol, value, ctx.fmt.wrap);
    ++row;
}

void section(ReportContext& ctx, Sheet& sheet, int& row, std::string_view key) {
    ++row;
    sheet.rowHeight(row, 20);
    sheet.merged(row++, 0, kLastCol, ctx.text(key), ctx.fmt.section);
}

void paragraph(ReportContext& ctx, Sheet& sheet, int& row, const std::string& text, lxw_format* format) {
    sheet.rowHeight(row, wrappedHeight(text, kTextWidth));
    sheet.merged(row++, 0, kLastCol, text, format);
    (void)ctx;
}

void tonnage(ReportContext& ctx, Sheet& sheet, int& row) {
    const Formats& f = ctx.fmt;
    const risk::Analysis& a = ctx.analysis;
    const FlowSums sums(ctx);
    section(ctx, sheet, row, "section.tonnage");
    paragraph(ctx, sheet, row, ctx.text(sums.live() ? "note.live_figures" : "note.national_not_live"), f.note);
    const int header = row++;
    const std::vector<Column> cols = {{"col.destination", kWidths[0]},
                                      {"col.input_t", kWidths[1]},
                                      {"col.share_of_total", kWidths[2]},
                                      {"col.exposure", kWidths[3], nullptr, true}};
    writeHeaderRow(ctx, sheet, header, cols);
    const int first = row;
    const int total = first + static_cast<int>(a.destinations.size());
    double totalT = 0;
    for (const risk::DestinationResult& d : a.destinations) totalT += sums.live() ? sums.in(d.id) : d.inputT;
    for (const risk::DestinationResult& d : a.destinations) {
        sheet.text(row, 0, ctx.actorName(d.id));
        // A destination's input is what the Flows sheet says it received.
        if (sums.live())
            sheet.formula(row, 1, "=" + sums.inFormula(d.id), sums.in(d.id), f.tonnes);
        else
            sheet.number(row, 1, d.inputT, f.tonnes);
        const double inputT = sums.live() ? sums.in(d.id) : d.inputT;
        sheet.formula(row, 2, "=IF(" + cellName(total, 1, true) + ">0," + cellName(row, 1) + "/" + cellName(total, 1, true) + ",0)",
                      totalT > 0 ? inputT / totalT : 0, f.share);
        sheet.number(row, 3, d.exposure, f.decimal);
        ++row;
    }
    sheet.text(total, 0, ctx.text("label.total_destinations"), f.totalLabel);
    sheet.formula(total, 1, "=SUM(" + rangeName(first, 1, std::max(first, total - 1), 1) + ")", totalT, f.totalTonnes);
    sheet.formula(total, 2, "=IF(" + cellName(total, 1) + ">0,1,0)", totalT > 0 ? 1 : 0, f.totalShare);
    sheet.blank(total, 3, f.totalLabel);
    row = total + 1;

    // The organisations' goals, from the Goals sheet's total row.
    if (!ctx.project.goals.empty()) {
        const model::GoalTable goals = model::goalTable(ctx.project);
        const GoalsCells g = GoalsCells::of(ctx);
        const std::string sheetRef = quotedSheet(ctx.sheets.goals) + "!";
        sheet.text(row, 0, ctx.text("label.goals_delivered"), f.label);
        sheet.formula(row++, 1, "=" + sheetRef + cellName(g.totalRow, g.deliveredCol, true), goals.deliveredT, f.tonnes);
        sheet.text(row, 0, ctx.text("label.goals_compliance"), f.label);
        sheet.formula(row++, 1, "=" + sheetRef + cellName(g.totalRow, g.complianceCol, true), goals.compliance, f.share);
    }

    // Counts of the Actors and Flows sheets' rows. (A sum of tonnes over all flows
    // would count each tonne once per hop, so it is not given.)
    const int nFlows = static_cast<int>(ctx.project.flows.size()), nActors = static_cast<int>(ctx.project.actors.size());
    const std::string flows = quotedSheet(ctx.sheets.flows) + "!", actors = quotedSheet(ctx.sheets.actors) + "!";
    const int flowsLast = kFirstDataRow + std::max(0, nFlows - 1), actorsLast = kFirstDataRow + std::max(0, nActors - 1);
    sheet.text(row, 0, ctx.text("label.actor_count"), f.label);
    sheet.formula(row++, 1, "=COUNTA(" + actors + rangeName(kFirstDataRow, 0, actorsLast, 0, true) + ")", nActors, f.integer);
    sheet.text(row, 0, ctx.text("label.flow_count"), f.label);
    sheet.formula(row++, 1, "=COUNTA(" + flows + rangeName(kFirstDataRow, 0, flowsLast, 0, true) + ")", nFlows, f.integer);
}

// "actor_kinds 1, evidence_levels 1, ...": the "version" of each catalogue file
// the project carries, and a fingerprint of their texts (two projects with the
// same fingerprint were analysed with the same catalogue).
std::string catalogueVersion(const ReportContext& ctx) {
    std::vector<std::string> parts;
    std::string all;
    for (const auto& [stem, text] : ctx.project.catalogue.texts()) {
        all += stem + '\n' + text + '\n';
        std::string version = "?";
        const std::size_t key = text.find("\"version\"");
        if (key != std::string::npos) {
            std::size_t i = text.find(':', key);
            if (i != std::string::npos) {
                ++i;
                while (i < text.size() && text[i] == ' ') ++i;
                std::size_t j = i;
                while (j < text.size() && (std::isdigit(static_cast<unsigned char>(text[j])) || text[j] == '.')) ++j;
                if (j > i) version = text.substr(i, j - i);
            }
        }
        parts.push_back(stem + " " + version);
    }
    return ctx.text.format("note.catalogue_version", {join(parts, ", "), sha256Hex(all).substr(0, 16)});
}

void signOff(ReportContext& ctx, Sheet& sheet, int& row) {
    section(ctx, sheet, row, "section.sign_off");
    // Names and dates as recorded; what is missing stays blank, to be filled in by hand.
    const model::Assessment& as = ctx.project.assessment;
    auto nameDate = [](const std::string& name, const std::string& date) {
        return date.empty() ? name : name.empty() ? date : name + ", " + date;
    };
    labelValue(ctx, sheet, row, "label.assessor_signature", nameDate(as.assessor, as.assessedOn));
    labelValue(ctx, sheet, row, "label.reviewer", nameDate(as.reviewer, as.reviewedOn));
    const bool file = !ctx.signOff.projectFile.empty();
    labelValue(ctx, sheet, row, "label.project_file",
               file ? std::filesystem::path(ctx.signOff.projectFile).filename().string() : ctx.text("note.no_project_file"));
    if (file) labelValue(ctx, sheet, row, "label.project_sha256", ctx.signOff.sha256);
    labelValue(ctx, sheet, row, "label.catalogue_version", catalogueVersion(ctx));
    labelValue(ctx, sheet, row, "label.traza_version", TRAZA_VERSION);
}

void topChokePoints(ReportContext& ctx, Sheet& sheet, int& row) {
    const Formats& f = ctx.fmt;
    section(ctx, sheet, row, "section.top_choke_points");
    std::vector<const risk::ActorResult*> chokes;
    for (const risk::ActorResult& r : ctx.analysis.actors)
        if (r.chokePoint) chokes.push_back(&r);
    std::stable_sort(chokes.begin(), chokes.end(), [](auto* a, auto* b) { return a->chokeRank < b->chokeRank; });
    if (chokes.empty()) {
        paragraph(ctx, sheet, row, ctx.text("note.no_choke_points"), f.note);
        return;
    }
    const std::vector<Column> cols = {{"col.actor_name", kWidths[0]},
                                      {"col.rank", kWidths[1], nullptr, true},
                                      {"col.flow_share", kWidths[2], nullptr, true},
                                      {"col.risk_level", kWidths[3], nullptr, true},
                                      {"col.reasons", kWidths[4]}};
    writeHeaderRow(ctx, sheet, row, cols);
    const int first = ++row;
    for (std::size_t i = 0; i < chokes.size() && i < kTopChokePoints; ++i) {
        const risk::ActorResult* r = chokes[i];
        const std::string reasons = join(risk::texts(r->chokeReasons));
        sheet.rowHeight(row, wrappedHeight(reasons, kWidths[4]));
        sheet.text(row, 0, ctx.actorName(r->id), f.wrap);
        sheet.number(row, 1, r->chokeRank, f.integer);
        sheet.number(row, 2, r->flowShare, f.share);
        sheet.text(row, 3, ctx.text.level(r->risk.level));
        sheet.text(row, 4, reasons, f.wrap);
        ++row;
    }
    colourLevels(ctx, sheet, first, 3, row - 1);
    if (chokes.size() > kTopChokePoints)
        paragraph(ctx, sheet, row, ctx.text.format("note.more_choke_points", {std::to_string(chokes.size())}), f.note);
}

// The actors at the critical and high risk levels (residual risk), highest first:
// the groups an auditor asks about first (the CARE picker groups are critical).
void highestRiskActors(ReportContext& ctx, Sheet& sheet, int& row) {
    constexpr std::size_t kMaxRows = 10;
    const Formats& f = ctx.fmt;
    section(ctx, sheet, row, "section.highest_risk");
    std::vector<const risk::ActorResult*> risky;
    for (const risk::ActorResult& r : ctx.analysis.actors)
        if (severityRank(r.risk.level) <= 1) risky.push_back(&r);
    std::stable_sort(risky.begin(), risky.end(), [](auto* a, auto* b) { return a->risk.residual > b->risk.residual; });
    if (risky.empty()) {
        paragraph(ctx, sheet, row, ctx.text("note.no_high_risk"), f.note);
        return;
    }
    const std::vector<Column> cols = {{"col.actor_name", kWidths[0]},
                                      {"col.kind", kWidths[1]},
                                      {"col.residual_risk", kWidths[2], nullptr, true},
                                      {"col.risk_level", kWidths[3]},
                                      {"col.risk_reasons", kWidths[4]}};
    writeHeaderRow(ctx, sheet, row++, cols);
    const int first = row;
    for (std::size_t i = 0; i < risky.size() && i < kMaxRows; ++i) {
        const risk::ActorResult* r = risky[i];
        const model::Actor* a = ctx.actor(r->id);
        const std::string reasons = join(risk::texts(r->risk.reasons));
        sheet.rowHeight(row, wrappedHeight(reasons, kWidths[4]));
        sheet.text(row, 0, ctx.actorName(r->id), f.wrap);
        sheet.text(row, 1, a ? kindName(ctx, a->kind) : std::string(), f.wrap);
        sheet.number(row, 2, r->risk.residual, f.decimal);
        sheet.text(row, 3, ctx.text.level(r->risk.level));
        sheet.text(row, 4, reasons, f.wrap);
        ++row;
    }
    colourLevels(ctx, sheet, first, 3, row - 1);
    if (risky.size() > kMaxRows)
        paragraph(ctx, sheet, row, ctx.text.format("note.more_high_risk", {std::to_string(risky.size())}), f.note);
}

void redFlagCounts(ReportContext& ctx, Sheet& sheet, int& row) {
    const Formats& f = ctx.fmt;
    section(ctx, sheet, row, "section.red_flag_severity");
    sheet.text(row, 0, ctx.text("col.severity"), f.header);
    sheet.text(row, 1, ctx.text("col.count"), f.header);
    const int first = ++row;
    const int n = static_cast<int>(ctx.analysis.redFlags.size());
    const std::string range = quotedSheet(ctx.sheets.redFlags) + "!" +
                              rangeName(kFirstDataRow, 0, kFirstDataRow + std::max(0, n - 1), 0, true);
    for (const char* severity : {"critical", "high", "medium", "low"}) {
        int count = 0;
        for (const risk::RedFlag& rf : ctx.analysis.redFlags) count += rf.severity == severity;
        sheet.text(row, 0, ctx.text.level(severity));
        sheet.formula(row, 1, "=COUNTIF(" + range + "," + exactCriterion(ctx.text.level(severity)) + ")", count,
                      f.integer);
        ++row;
    }
    colourLevels(ctx, sheet, first, 0, row - 1);
    sheet.text(row, 0, ctx.text("common.total"), f.totalLabel);
    sheet.formula(row, 1, "=SUM(" + rangeName(first, 1, row - 1, 1) + ")", n, f.totalInteger);
    ++row;
}

// Findings (issue 16): counts by status as formulas over the Findings sheet,
// and the overdue corrective actions listed (the auditor's first question).
void findingsSummary(ReportContext& ctx, Sheet& sheet, int& row) {
    const std::vector<model::Finding>& findings = ctx.project.findings;
    if (findings.empty()) return;
    const Formats& f = ctx.fmt;
    section(ctx, sheet, row, "section.findings");
    const std::string reference = findingsReferenceDate(ctx);
    std::vector<const model::Finding*> overdue;
    int open = 0, closed = 0;
    for (const model::Finding& fd : findings) {
        (fd.isClosed() ? closed : open) += 1;
        if (fd.isOverdue(reference)) overdue.push_back(&fd);
    }
    const int last = kFirstDataRow + static_cast<int>(findings.size()) - 1;
    const std::string sheetRef = quotedSheet(ctx.sheets.findings) + "!";
    // Status is column K, Overdue column L of the Findings sheet (findings_sheet.cpp).
    const std::string status = sheetRef + rangeName(kFirstDataRow, 10, last, 10, true);
    const std::string overdueRange = sheetRef + rangeName(kFirstDataRow, 11, last, 11, true);
    const std::string closedText = ctx.text("finding.status.closed");
    sheet.text(row, 0, ctx.text("label.findings_open"), f.label);
    sheet.formula(row++, 1, "=COUNTA(" + status + ")-COUNTIF(" + status + "," + exactCriterion(closedText) + ")", open,
                  f.integer);
    sheet.text(row, 0, ctx.text("label.findings_closed"), f.label);
    sheet.formula(row++, 1, "=COUNTIF(" + status + "," + exactCriterion(closedText) + ")", closed, f.integer);
    sheet.text(row, 0, ctx.text("label.findings_overdue"), f.label);
    sheet.formula(row++, 1, "=COUNTIF(" + overdueRange + "," + exactCriterion(yesNo(ctx, true)) + ")",
                  static_cast<double>(overdue.size()), overdue.empty() ? f.integer : f.warning);
    paragraph(ctx, sheet, row,
              ctx.text.format("note.findings_overdue",
                              {reference, ctx.text(ctx.project.assessment.assessedOn.empty() ? "finding.ref.today"
                                                                                              : "finding.ref.assessed")}),
              f.note);
    if (overdue.empty()) {
        paragraph(ctx, sheet, row, ctx.text("note.no_overdue"), f.note);
        return;
    }
    const std::vector<Column> cols = {{"col.finding", kWidths[0]},
                                      {"col.due", kWidths[1]},
                                      {"col.owner", kWidths[2]},
                                      {"col.severity", kWidths[3]},
                                      {"col.action", kWidths[4]}};
    writeHeaderRow(ctx, sheet, row++, cols);
    const int first = row;
    for (const model::Finding* fd : overdue) {
        const std::string who = fd->id + " \xC2\xB7 " + findingSubjectName(ctx, fd->subject);
        sheet.rowHeight(row, std::max(wrappedHeight(fd->action, kWidths[4]), wrappedHeight(who, kWidths[0])));
        sheet.text(row, 0, who, f.wrap);
        sheet.text(row, 1, fd->due);
        sheet.text(row, 2, fd->owner, f.wrap);
        sheet.text(row, 3, ctx.text.level(fd->severity));
        sheet.text(row, 4, fd->action, f.wrap);
        ++row;
    }
    colourLevels(ctx, sheet, first, 3, row - 1);
}

// The refiners' (and any other actor's) own due diligence and chain-of-custody
// certification, when the project records some (issue 16).
void ownDueDiligence(ReportContext& ctx, Sheet& sheet, int& row) {
    std::vector<const model::Actor*> actors;
    for (const model::Actor& a : ctx.project.actors)
        if (a.ddStatus != model::DueDiligenceStatus::None || !a.cocCertification.empty())
            actors.push_back(&a);
    if (actors.empty()) return;
    // Refiners first: theirs is the status an auditor asks about.
    std::stable_sort(actors.begin(), actors.end(), [](auto* a, auto* b) {
        return (a->kind == model::ActorKind::Refiner) > (b->kind == model::ActorKind::Refiner);
    });
    const Formats& f = ctx.fmt;
    section(ctx, sheet, row, "section.own_due_diligence");
    sheet.text(row, 0, ctx.text("col.actor_name"), f.header);
    sheet.text(row, 1, ctx.text("col.kind"), f.header);
    sheet.merged(row, 2, 3, ctx.text("col.dd_status"), f.header);
    sheet.text(row++, 4, ctx.text("col.coc_certification"), f.header);
    for (const model::Actor* a : actors) {
        sheet.text(row, 0, ctx.actorName(a->id), f.wrap);
        sheet.text(row, 1, kindName(ctx, a->kind), f.wrap);
        sheet.merged(row, 2, 3, ctx.text("dd." + std::string(model::toString(a->ddStatus))), f.wrap);
        sheet.text(row++, 4, a->cocCertification, f.wrap);
    }
}

void legend(ReportContext& ctx, Sheet& sheet, int& row) {
    const Formats& f = ctx.fmt;
    section(ctx, sheet, row, "section.evidence_levels");
    sheet.text(row, 0, ctx.text("col.level"), f.header);
    sheet.merged(row++, 1, kLastCol, ctx.text("col.meaning"), f.header);
    for (const model::EvidenceLevelInfo& e : ctx.project.catalogue.evidenceLevels) {
        const std::string& meaning = e.description.in(ctx.lang());
        sheet.rowHeight(row, wrappedHeight(meaning, kTextWidth - kWidths[0]));
        sheet.text(row, 0, e.name.in(ctx.lang()), f.label);
        sheet.merged(row++, 1, kLastCol, meaning, f.wrap);
    }
    section(ctx, sheet, row, "section.risk_levels");
    const std::pair<const char*, lxw_format*> levels[] = {
        {"low", f.fillLow}, {"medium", f.fillMedium}, {"high", f.fillHigh}, {"critical", f.fillCritical}};
    int c = 0;
    for (const auto& [level, format] : levels) sheet.text(row, c++, ctx.text.level(level), format);
    sheet.text(row++, c, ctx.text("note.risk_levels"), f.note);
}

}  // namespace

void writeSummarySheet(ReportContext& ctx, const ChainMapImage* map) {
    const Formats& f = ctx.fmt;
    const model::Assessment& as = ctx.project.assessment;
    Sheet sheet = ctx.book.addSheet(ctx.sheets.summary, ctx.fmt.text);
    for (int c = 0; c <= kLastCol; ++c) sheet.columnWidth(c, c, kWidths[c]);
    int row = 0;
    sheet.rowHeight(row, 24);
    sheet.merged(row++, 0, kLastCol, ctx.text.format("title.summary", {as.title}), f.title);
    sheet.merged(row++, 0, kLastCol, ctx.text.format("note.generated", {TRAZA_VERSION, todayIso()}), f.note);
    sheet.freeze(1, 0);

    section(ctx, sheet, row, "section.assessment");
    labelValue(ctx, sheet, row, "label.title", as.title);
    labelValue(ctx, sheet, row, "label.assessor", as.assessor);
    labelValue(ctx, sheet, row, "label.organisation", as.organisation);
    labelValue(ctx, sheet, row, "label.purpose", as.purpose);
    labelValue(ctx, sheet, row, "label.material", as.material);
    labelValue(ctx, sheet, row, "label.country", as.country);
    labelValue(ctx, sheet, row, "label.period", as.period.start + " \xE2\x80\x93 " + as.period.end);
    labelValue(ctx, sheet, row, "label.currency", as.currency);
    labelValue(ctx, sheet, row, "label.notes", as.notes);
    signOff(ctx, sheet, row);
    if (ctx.national()) {
        section(ctx, sheet, row, "section.layout");
        paragraph(ctx, sheet, row,
                  ctx.text.format("note.national_layout",
                                  {std::to_string(ctx.legend->aboveFlows()), ctx.sheets.legend}),
                  f.wrap);
    }
    ctx.progress.advance(10);

    // The tonnage table starts a printed page, so it is not cut from its total.
    const int tonnageRow = row + 1;
    tonnage(ctx, sheet, row);

    // The statement starts a printed page, so it is read (and quoted) in one piece.
    const int statementRow = row + 1;
    section(ctx, sheet, row, "section.statement");
    if (ctx.analysis.statement.empty()) paragraph(ctx, sheet, row, ctx.text("note.no_statement"), f.note);
    for (const std::string& s : ctx.analysis.statement) paragraph(ctx, sheet, row, s, f.wrap);
    if (!ctx.analysis.statement.empty()) paragraph(ctx, sheet, row, ctx.text("note.statement_not_live"), f.note);

    topChokePoints(ctx, sheet, row);
    highestRiskActors(ctx, sheet, row);
    redFlagCounts(ctx, sheet, row);
    findingsSummary(ctx, sheet, row);
    ownDueDiligence(ctx, sheet, row);
    legend(ctx, sheet, row);

    if (!ctx.analysis.warnings.empty()) {
        section(ctx, sheet, row, "section.warnings");
        for (const std::string& w : ctx.analysis.warnings) paragraph(ctx, sheet, row, w, f.wrap);
    }

    // The map starts a printed page, so it is never cut in two.
    sheet.pageBreaks({tonnageRow, statementRow, row + 1});
    section(ctx, sheet, row, "section.chain_map");
    if (map && !map->png.empty()) {
        paragraph(ctx, sheet, row, ctx.text("map.caption"), f.note);
        const double scale = map->widthPx > kMapMaxWidthPx ? kMapMaxWidthPx / map->widthPx : 1.0;
        sheet.imageBuffer(row, 0, map->png.data(), map->png.size(), scale, ctx.text("map.alt"));
    } else {
        const std::string why = map ? map->error : ctx.text("map.off");
        paragraph(ctx, sheet, row, ctx.text.format("note.no_map", {why}), f.note);
    }
    sheet.printSetup(0, 0);
    ctx.progress.advance(10);
}

}  // namespace traza::reports
