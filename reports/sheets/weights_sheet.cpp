// Weights: every number the risk scores and the choke-point ranking were
// computed with, from the project's own catalogue (risk_weights.json, the actor
// kinds' inherent risk, the typologies' baseline risk, the risk factors'
// weights), so a reviewer can redo a score by hand (docs/methodology.md, 9).
#include "risk_weights.h"
#include "sheet_table.h"
#include "sheets.h"

namespace traza::reports {

namespace {

void section(ReportContext& ctx, Sheet& sheet, int& row, const std::string& title) {
    ++row;
    sheet.text(row++, 0, title, ctx.fmt.section);
}

void entry(ReportContext& ctx, Sheet& sheet, int& row, const std::string& id, const std::string& name, double value) {
    sheet.text(row, 0, id);
    sheet.text(row, 1, name, ctx.fmt.wrap);
    sheet.number(row, 2, value, ctx.fmt.decimal);
    ++row;
}

}  // namespace

void writeWeightsSheet(ReportContext& ctx) {
    const std::vector<Column> columns = {{"col.id", 30}, {"col.name", 60}, {"col.weight", 12}};
    Sheet sheet = beginTableSheet(ctx, ctx.sheets.weights, "title.weights", columns);
    const model::Catalogue& cat = ctx.project.catalogue;
    bool fellBack = false;
    const risk::RiskWeights w = risk::RiskWeights::fromCatalogue(cat, &fellBack);
    int row = kFirstDataRow;
    const std::pair<const char*, double> weights[] = {
        {"typology_weight", w.typologyWeight},
        {"kind_weight", w.kindWeight},
        {"formality_weight", w.formalityWeight},
        {"formality_informal", w.formalityInformal},
        {"formality_semi_formal", w.formalitySemiFormal},
        {"formality_formal", w.formalityFormal},
        {"unknown_typology_risk", w.unknownTypologyRisk},
        {"mitigation_weight", w.mitigationWeight},
        {"level_medium", w.levelMedium},
        {"level_high", w.levelHigh},
        {"level_critical", w.levelCritical},
        {"choke_share_weight", w.chokeShareWeight},
        {"choke_aggregation_weight", w.chokeAggregationWeight},
        {"choke_documentation_weight", w.chokeDocumentationWeight},
        {"choke_dominance_weight", w.chokeDominanceWeight},
    };
    for (const auto& [id, value] : weights) entry(ctx, sheet, row, id, ctx.text(std::string("weight.") + id), value);
    const int lastRow = row - 1;
    finishTable(sheet, kHeaderRow, lastRow, static_cast<int>(columns.size()));
    if (fellBack) {
        sheet.merged(row, 0, 2, ctx.text("note.weights_fell_back"), ctx.fmt.warning);
        ++row;
    }

    section(ctx, sheet, row, ctx.text("section.kind_risk"));
    for (const model::ActorKindInfo& k : cat.actorKinds) entry(ctx, sheet, row, k.id, k.name.in(ctx.lang()), k.inherentRisk);
    section(ctx, sheet, row, ctx.text("section.typology_risk"));
    for (const model::Typology& t : cat.typologies) entry(ctx, sheet, row, t.id, t.name.in(ctx.lang()), t.baselineRisk);
    section(ctx, sheet, row, ctx.text("section.factor_weights"));
    for (const model::RiskFactor& f : cat.riskFactors) entry(ctx, sheet, row, f.id, f.name.in(ctx.lang()), f.weight);
    ctx.progress.advance(10);
}

}  // namespace traza::reports
