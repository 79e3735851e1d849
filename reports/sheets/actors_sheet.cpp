// Actors: every field of every actor, then what the analysis says about it.
// Widths keep the sheet two landscape pages wide in print (with ID and name repeated).
// The national layout writes the kind as its catalogue id and the sets of risk
// factors and risk reasons as codes (F1, R1, ...) that the Legend sheet explains.
#include <algorithm>
#include <cmath>

#include "flow_sums.h"
#include "sheet_table.h"
#include "sheets.h"

namespace traza::reports {

void writeActorsSheet(ReportContext& ctx) {
    const Formats& f = ctx.fmt;
    const bool national = ctx.national();
    // National layout: kinds, factor sets and reason sets are short codes.
    const double kindWidth = national ? 16 : 18, factorsWidth = national ? 9 : 28, reasonsWidth = national ? 10 : 42;
    std::vector<Column> columns = {
        {"col.id", 16},
        {"col.name", 24},
        {"col.kind", kindWidth},
        {"col.stage", 7, f.integer},
        {"col.country", 8},
        {"col.region", 13},
        {"col.formality", 12},
        {"col.headcount", 11, f.integer},
        {"col.capacity_t", 11, f.tonnes},
        {"col.stock_change_t", 11, f.tonnes},
        {"col.loss_t", 10, f.tonnes},
        {"col.public_service", 11},
        {"col.risk_factors", factorsWidth},
        {"col.in_t", 10, f.tonnes},
        {"col.out_t", 10, f.tonnes},
        {"col.flow_share", 12, f.share, true},
        {"col.upstream_sources", 12, f.integer, true},
        {"col.upstream_headcount", 12, f.integer, true},
        {"col.choke_point", 12, nullptr, true},
        {"col.choke_rank", 12, f.integer, true},
        {"col.mass_balance_gap_t", 11, f.tonnes},
        {"col.mass_balance_flag", 10},
        {"col.inherent_risk", 12, f.decimal, true},
        {"col.mitigation", 12, f.decimal, true},
        {"col.residual_risk", 12, f.decimal, true},
        {"col.risk_level", 12, nullptr, true},
        {"col.risk_reasons", reasonsWidth},
        {"col.notes", 42},
    };
    // Issue 16: the actors' own due diligence, only when the project records some
    // (the columns go last, so every formula above keeps its cells).
    const bool withDd = std::any_of(ctx.project.actors.begin(), ctx.project.actors.end(), [](const model::Actor& a) {
        return a.ddStatus != model::DueDiligenceStatus::None || !a.cocCertification.empty();
    });
    if (withDd) {
        columns.push_back({"col.dd_status", 16});
        columns.push_back({"col.coc_certification", 30});
    }
    Sheet sheet = beginTableSheet(ctx, ctx.sheets.actors, "title.actors", columns, 2);
    sheet.setSparse(national);
    // Wrapped text and row heights only in the full layout: national rows are one line.
    lxw_format* wrap = national ? nullptr : f.wrap;
    // In, out and the gap are formulas over the Flows sheet (values in the national layout).
    const FlowSums sums(ctx);
    const int inCol = columnOf(columns, "col.in_t"), stockCol = columnOf(columns, "col.stock_change_t"),
              gapCol = columnOf(columns, "col.mass_balance_gap_t");
    const std::string flagText = ctx.text("common.flagged");

    int row = kFirstDataRow;
    for (const model::Actor& a : ctx.project.actors) {
        const risk::ActorResult* r = ctx.result(a.id);
        std::vector<std::string> factors;
        for (const std::string& id : a.riskFactors) factors.push_back(riskFactorName(ctx, id));
        std::string kind, factorText = join(factors), reasons = r ? join(risk::texts(r->risk.reasons)) : std::string();
        if (national) {
            const std::string kindId(model::toString(a.kind));
            kind = ctx.legend->id(Legend::Group::Kind, kindId, [&] { return kindName(ctx, a.kind); });
            factorText = ctx.legend->code(Legend::Group::RiskFactors, factorText);
            reasons = ctx.legend->code(Legend::Group::RiskReasons, reasons);
        } else {
            kind = kindName(ctx, a.kind);
            auto width = [&](std::string_view key) { return columns[columnOf(columns, key)].width; };
            sheet.rowHeight(row, std::max({wrappedHeight(a.name, width("col.name")), wrappedHeight(kind, width("col.kind")),
                                           wrappedHeight(factorText, width("col.risk_factors")),
                                           wrappedHeight(reasons, width("col.risk_reasons")),
                                           wrappedHeight(a.notes, width("col.notes"))}));
        }

        int c = 0;
        sheet.text(row, c++, a.id);
        sheet.text(row, c++, a.name, wrap);
        sheet.text(row, c++, kind, wrap);
        sheet.number(row, c++, a.stage, f.integer);
        sheet.text(row, c++, a.country);
        sheet.text(row, c++, a.region);
        sheet.text(row, c++, ctx.text(std::string("formality.") + std::string(model::toString(a.formality))));
        if (a.headcount > 0) sheet.number(row, c, a.headcount, f.integer);
        ++c;
        if (a.capacityT > 0) sheet.number(row, c, a.capacityT, f.tonnes);
        ++c;
        sheet.number(row, c++, a.stockChangeT, f.tonnes);
        sheet.number(row, c++, a.lossT, f.tonnes);
        sheet.text(row, c++, yesNo(ctx, a.publicServiceProvider), f.center);
        sheet.text(row, c++, factorText, wrap);
        if (r) {
            if (sums.live()) {
                sheet.formula(row, c++, "=" + sums.inFormula(a.id), sums.in(a.id), f.tonnes);
                sheet.formula(row, c++, "=" + sums.outFormula(a.id), sums.out(a.id), f.tonnes);
            } else {
                sheet.number(row, c++, r->inT, f.tonnes);
                sheet.number(row, c++, r->outT, f.tonnes);
            }
            sheet.number(row, c++, r->flowShare, f.share);
            sheet.number(row, c++, r->upstreamSources, f.integer);
            sheet.number(row, c++, r->upstreamHeadcount, f.integer);
            sheet.text(row, c++, yesNo(ctx, r->chokePoint), f.center);
            if (r->chokePoint) sheet.number(row, c, r->chokeRank, f.integer);
            ++c;
            if (r->massBalanceApplies && sums.live()) {
                // The mass-balance sheet's formulas, over this row: gap = in - out - stock change - losses.
                const std::string in = cellName(row, inCol), gap = cellName(row, gapCol);
                const double gapT = sums.in(a.id) - sums.out(a.id) - a.stockChangeT - a.lossT;
                sheet.formula(row, c++,
                              "=" + in + "-" + cellName(row, inCol + 1) + "-" + cellName(row, stockCol) + "-" +
                                  cellName(row, stockCol + 1),
                              gapT, f.tonnes);
                const bool flagged = std::abs(gapT) > std::max(kGapRelativeTolerance * sums.in(a.id), kGapAbsoluteToleranceT);
                sheet.formulaText(row, c++,
                                  "=IF(ABS(" + gap + ")>MAX(0.01*" + in + ",0.1)," + formulaString(flagText) + ",\"\")",
                                  flagged ? flagText : std::string(), f.center);
            } else if (r->massBalanceApplies) {
                sheet.number(row, c++, r->massBalanceGapT, f.tonnes);
                sheet.text(row, c++, r->massBalanceFlag ? flagText : std::string(), f.center);
            } else {
                sheet.text(row, c++, ctx.text("common.not_applicable"), f.center);
                ++c;
            }
            sheet.number(row, c++, r->risk.inherent, f.decimal);
            sheet.number(row, c++, r->risk.mitigation, f.decimal);
            sheet.number(row, c++, r->risk.residual, f.decimal);
            sheet.text(row, c++, ctx.text.level(r->risk.level));
            sheet.text(row, c++, reasons, wrap);
        } else {
            c += 13;  // not analysed (should not happen: the analysis covers every actor)
        }
        sheet.text(row, c++, a.notes, wrap);
        if (withDd) {
            sheet.text(row, c++, ctx.text("dd." + std::string(model::toString(a.ddStatus))), wrap);
            sheet.text(row, c++, a.cocCertification, wrap);
        }
        ++row;
        ctx.progress.advance();
    }
    const int lastRow = row - 1;
    colourLevels(ctx, sheet, kFirstDataRow, columnOf(columns, "col.risk_level"), lastRow);
    finishTable(sheet, kHeaderRow, lastRow, static_cast<int>(columns.size()), 2);
}

}  // namespace traza::reports
