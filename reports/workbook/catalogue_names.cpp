// Catalogue texts in the report language, falling back to the id, so a project
// whose catalogue lacks an entry still gets a readable workbook.
#include <string>

#include "sheets.h"

namespace traza::reports {

namespace {

template <typename Entry>
std::string nameOr(const Entry* e, const std::string& id, const std::string& lang) {
    if (!e) return id;
    const std::string& n = e->name.in(lang);
    return n.empty() ? id : n;
}

}  // namespace

std::string kindName(const ReportContext& ctx, model::ActorKind kind) {
    const std::string id(model::toString(kind));
    return nameOr(ctx.project.catalogue.actorKind(id), id, ctx.lang());
}

std::string evidenceName(const ReportContext& ctx, model::Evidence level) {
    const std::string id(model::toString(level));
    for (const model::EvidenceLevelInfo& e : ctx.project.catalogue.evidenceLevels)
        if (e.id == id) return nameOr(&e, id, ctx.lang());
    return id;
}

std::string documentName(const ReportContext& ctx, const std::string& id) {
    return nameOr(ctx.project.catalogue.documentType(id), id, ctx.lang());
}

std::string typologyName(const ReportContext& ctx, const std::string& id) {
    if (id.empty()) return {};
    const model::Typology* t = ctx.project.catalogue.typology(id);
    return t ? id + " " + nameOr(t, id, ctx.lang()) : id;
}

std::string riskFactorName(const ReportContext& ctx, const std::string& id) {
    return nameOr(ctx.project.catalogue.riskFactor(id), id, ctx.lang());
}

std::string ruleName(const ReportContext& ctx, const std::string& id) {
    return nameOr(ctx.project.catalogue.redFlagRule(id), id, ctx.lang());
}

}  // namespace traza::reports
