// The claims section of the analysis JSON (docs/methodology.md, 5.3).
#include "project_claims.h"

namespace traza::risk {
using model::JsonStreamWriter;

void writeClaimsJson(JsonStreamWriter& w, const ProjectClaims& claims) {
    w.beginObject();
    w.key("accounts");
    w.beginArray();
    for (const ActorClaimAccount& c : claims.accounts) {
        w.beginObject();
        w.field("actor", c.actor);
        w.field("profile", c.profile);
        w.field("period_months", c.periodMonths);
        w.field("carry_over_periods", c.carryOverPeriods);
        w.field("yield", c.yield);
        w.key("periods");
        w.beginArray();
        for (const ClaimPeriod& p : c.periods) {
            w.beginObject();
            w.field("start", p.start);
            w.field("end", p.end);
            w.field("eligible_input_t", p.eligibleInT);
            w.field("not_eligible_input_t", p.nonEligibleInT);
            w.field("input_share", p.inputShare());
            w.field("credits_t", p.creditsT);
            w.field("carried_in_t", p.carriedInT);
            w.field("claimable_t", p.claimableT());
            w.field("output_t", p.outT);
            w.field("claimed_t", p.claimedT);
            w.field("output_share", p.outT > 0 ? p.claimedT / p.outT : 0.0);
            w.field("expired_t", p.expiredT);
            w.field("balance_t", p.balanceT);
            w.endObject();
        }
        w.endArray();
        w.key("inputs");
        w.beginArray();
        for (const ClaimInput& in : c.inputs) {
            w.beginObject();
            w.field("flow", in.flow);
            w.field("from", in.from);
            w.field("date", in.date);
            w.field("tonnes", in.tonnes);
            w.field("eligible", in.eligible);
            w.field("eligible_t", in.eligibleT);
            w.field("reasons", in.reasons);
            w.endObject();
        }
        w.endArray();
        w.key("outputs");
        w.beginArray();
        for (const ClaimOutput& out : c.outputs) {
            w.beginObject();
            w.field("flow", out.flow);
            w.field("to", out.to);
            w.field("date", out.date);
            w.field("tonnes", out.tonnes);
            w.field("claimed_t", out.claimedT);
            w.endObject();
        }
        w.endArray();
        w.endObject();
    }
    w.endArray();
    w.endObject();
}


}  // namespace traza::risk
