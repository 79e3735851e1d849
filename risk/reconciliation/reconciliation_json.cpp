// The `reconciliation` object of the analysis JSON: the spec's keys (status,
// chi2, dof, p_value, flows[].{id, tonnes, reconciled_t, sd_t, z},
// actors[].{id, nodal_z}) and additive ones (the critical values, the
// correction, each figure's status and redundancy). A number that does not
// apply is null.
#include "reconciliation.h"

namespace traza::risk {
namespace {

using model::JsonStreamWriter;

const char* statusName(FigureStatus s) {
    switch (s) {
        case FigureStatus::Adjusted: return "adjusted";
        case FigureStatus::NotRedundant: return "not_redundant";
        case FigureStatus::Computed: return "computed";
        case FigureStatus::NotDetermined: return "not_determined";
    }
    return "adjusted";
}

void writeFigure(JsonStreamWriter& w, const ReconciledFigure& f) {
    w.beginObject();
    w.field("id", f.id);
    if (f.kind != FigureKind::Flow) w.field("figure", f.kind == FigureKind::StockChange ? "stock_change_t" : "loss_t");
    w.field("tonnes", f.givenT);  // null for an unknown flow
    w.field("given_sd_t", f.givenSdT);
    w.field("reconciled_t", f.reconciledT);
    w.field("sd_t", f.sdT);
    w.field("z", f.z);
    w.field("redundancy", f.redundancy);
    w.field("status", statusName(f.status));
    w.field("implausible", f.implausible);
    w.endObject();
}

}  // namespace

void writeReconciliationJson(JsonStreamWriter& w, const Reconciliation& r) {
    w.beginObject();
    w.field("status", r.status);
    w.field("chi2", r.chi2);
    w.key("dof");
    w.integer(r.dof);
    w.field("p_value", r.pValue);
    w.field("alpha", r.alpha);
    w.field("chi2_critical", r.chi2Critical);
    w.field("correction", "sidak");
    w.key("flow_tests");
    w.integer(static_cast<std::int64_t>(r.flowTests));
    w.field("flow_z_critical", r.flowZCritical);
    w.key("nodal_tests");
    w.integer(static_cast<std::int64_t>(r.nodalTests));
    w.field("nodal_z_critical", r.nodalZCritical);
    w.key("flows");
    w.beginArray();
    for (const ReconciledFigure& f : r.figures)
        if (f.kind == FigureKind::Flow) writeFigure(w, f);
    w.endArray();
    w.key("actor_figures");
    w.beginArray();
    for (const ReconciledFigure& f : r.figures)
        if (f.kind != FigureKind::Flow) writeFigure(w, f);
    w.endArray();
    w.key("actors");
    w.beginArray();
    for (const ActorBalanceTest& a : r.actors) {
        w.beginObject();
        w.field("id", a.id);
        w.field("imbalance_t", a.imbalanceT);
        w.field("nodal_z", a.nodalZ);
        w.key("group");
        w.integer(static_cast<std::int64_t>(a.group));
        w.field("implausible", a.implausible);
        w.field("cannot_close", a.cannotClose);
        w.endObject();
    }
    w.endArray();
    w.endObject();
}

}  // namespace traza::risk
