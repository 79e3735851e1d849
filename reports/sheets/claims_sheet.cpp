// Claims: the claim account of every actor that makes claims (issue #20), laid
// out like an input/output material account, one block per accounting period:
// the input flows (eligible and not, with why), the output flows (claimed and
// not), then the account — eligible and non-eligible input, input %, credits
// (× yield), carried in, claimable, output, claimed, output %, expired and the
// balance carried — as formulas. Tonnes and documented tonnes are live lookups
// of the Flows sheet by flow id, so an edit there flows through the account;
// whether a flow is eligible, the yield and the claimed tonnes are the
// project's (not on the Flows sheet). Only when the analysis has claims.
#include <algorithm>
#include <cmath>

#include "sheet_table.h"
#include "sheets.h"

namespace traza::reports {

namespace {

// Tonnes or documented tonnes of one flow on the Flows sheet (ids are unique).
class FlowLookup {
public:
    explicit FlowLookup(const ReportContext& ctx) : m_live(!ctx.national()) {
        const FlowsColumns fc = FlowsColumns::of(ctx);
        const int last = kFirstDataRow + std::max(0, static_cast<int>(ctx.project.flows.size()) - 1);
        const std::string sheet = quotedSheet(ctx.sheets.flows) + "!";
        m_ids = sheet + rangeName(kFirstDataRow, 0, last, 0, true);
        m_tonnes = sheet + rangeName(kFirstDataRow, fc.tonnes, last, fc.tonnes, true);
        m_documented = sheet + rangeName(kFirstDataRow, fc.tonnes + 1, last, fc.tonnes + 1, true);
    }
    bool live() const { return m_live; }
    std::string tonnes(const std::string& id) const { return "SUMIFS(" + m_tonnes + "," + m_ids + "," + exactCriterion(id) + ")"; }
    std::string documented(const std::string& id) const {
        return "SUMIFS(" + m_documented + "," + m_ids + "," + exactCriterion(id) + ")";
    }

private:
    bool m_live;
    std::string m_ids, m_tonnes, m_documented;
};

// "=SUM(D7:D9)", or "=0" for an empty block.
std::string sumOf(int firstRow, int lastRow, int col) {
    return lastRow < firstRow ? std::string("=0") : "=SUM(" + rangeName(firstRow, col, lastRow, col) + ")";
}

}  // namespace

void writeClaimsSheet(ReportContext& ctx) {
    if (!ctx.analysis.claims) return;
    const Formats& f = ctx.fmt;
    const FlowLookup lookup(ctx);
    Sheet sheet = ctx.book.addSheet(ctx.sheets.claims, f.text);
    sheet.columnWidth(0, 0, 30);
    sheet.columnWidth(1, 1, 18);
    sheet.columnWidth(2, 4, 13);
    sheet.columnWidth(5, 5, 70);
    sheet.rowHeight(kTitleRow, 22);
    sheet.text(kTitleRow, 0, ctx.text("title.claims"), f.title);
    int row = kFirstDataRow;
    const std::string physical = ctx.text("note.claims_physical");
    sheet.rowHeight(row, wrappedHeight(physical, 30 + 18 + 13 * 3 + 70));
    sheet.merged(row++, 0, 5, physical, f.note);

    for (const risk::ActorClaimAccount& c : ctx.analysis.claims->accounts) {
        ++row;
        sheet.text(row++, 0,
                   ctx.text.format("section.claims_account",
                                   {c.actor + (ctx.actorName(c.actor) != c.actor ? " (" + ctx.actorName(c.actor) + ")" : ""),
                                    c.profile, std::to_string(c.periodMonths), std::to_string(c.carryOverPeriods)}),
                   f.section);
        const int yieldRow = row++;
        sheet.text(yieldRow, 0, ctx.text("label.claims_yield"), f.label);
        sheet.number(yieldRow, 2, c.yield, f.decimal);
        const std::string yieldCell = cellName(yieldRow, 2, true);
        if (c.periods.empty()) sheet.text(row++, 0, ctx.text("note.claims_no_flows"), f.note);

        std::string previousBalance;  // the cell of the last period's balance
        for (const risk::ClaimPeriod& p : c.periods) {
            ++row;
            sheet.text(row++, 0, ctx.text.format("section.claims_period", {p.start, p.end}), f.section);
            // Inputs booked in the period.
            const std::vector<Column> inCols = {{"col.flow", 30}, {"col.from", 18}, {"col.tonnes", 13, f.tonnes},
                                                {"col.eligible_t", 13, f.tonnes}, {"col.not_eligible_t", 13, f.tonnes},
                                                {"col.eligibility", 70}};
            writeHeaderRow(ctx, sheet, row++, inCols);
            const int firstIn = row;
            for (const risk::ClaimInput& in : c.inputs) {
                if (in.date < p.start || in.date > p.end) continue;
                sheet.text(row, 0, in.flow);
                sheet.text(row, 1, in.from);
                const std::string t = cellName(row, 2);
                if (lookup.live()) {
                    sheet.formula(row, 2, "=" + lookup.tonnes(in.flow), in.tonnes, f.tonnes);
                    if (in.eligible)
                        sheet.formula(row, 3, "=MIN(" + t + "," + lookup.documented(in.flow) + ")", in.eligibleT, f.tonnes);
                    else sheet.number(row, 3, 0, f.tonnes);
                } else {
                    sheet.number(row, 2, in.tonnes, f.tonnes);
                    sheet.number(row, 3, in.eligibleT, f.tonnes);
                }
                sheet.formula(row, 4, "=" + t + "-" + cellName(row, 3), in.tonnes - in.eligibleT, f.tonnes);
                const std::string why = join(in.reasons);
                sheet.rowHeight(row, wrappedHeight(why, 70));
                sheet.text(row++, 5, why, f.wrap);
            }
            const int lastIn = row - 1;
            // Outputs booked in the period.
            const std::vector<Column> outCols = {{"col.flow", 30}, {"col.to", 18}, {"col.tonnes", 13, f.tonnes},
                                                 {"col.claimed_t", 13, f.tonnes}, {"col.not_claimed_t", 13, f.tonnes}};
            writeHeaderRow(ctx, sheet, row++, outCols);
            const int firstOut = row;
            for (const risk::ClaimOutput& out : c.outputs) {
                if (out.date < p.start || out.date > p.end) continue;
                sheet.text(row, 0, out.flow);
                sheet.text(row, 1, out.to);
                if (lookup.live()) sheet.formula(row, 2, "=" + lookup.tonnes(out.flow), out.tonnes, f.tonnes);
                else sheet.number(row, 2, out.tonnes, f.tonnes);
                sheet.number(row, 3, out.claimedT, f.tonnes);
                sheet.formula(row, 4, "=" + cellName(row, 2) + "-" + cellName(row, 3), out.tonnes - out.claimedT, f.tonnes);
                ++row;
            }
            const int lastOut = row - 1;

            // The account: label in A, value in C.
            auto line = [&](const char* key, const std::string& formula, double cached, lxw_format* format) {
                sheet.text(row, 0, ctx.text(key), f.label);
                sheet.formula(row, 2, formula, cached, format);
                return cellName(row++, 2);
            };
            const double in = p.eligibleInT + p.nonEligibleInT;
            const std::string e = line("label.claims_eligible_in", sumOf(firstIn, lastIn, 3), p.eligibleInT, f.tonnes);
            const std::string n = line("label.claims_not_eligible_in", sumOf(firstIn, lastIn, 4), p.nonEligibleInT, f.tonnes);
            line("label.claims_input_share", "=IF(" + e + "+" + n + ">0," + e + "/(" + e + "+" + n + "),0)",
                 in > 0 ? p.eligibleInT / in : 0, f.share);
            const std::string credits = line("label.claims_credits", "=" + e + "*" + yieldCell, p.creditsT, f.tonnes);
            const std::string carried =
                line("label.claims_carried_in", previousBalance.empty() ? "=0" : "=" + previousBalance, p.carriedInT, f.tonnes);
            const std::string claimable =
                line("label.claims_claimable", "=" + carried + "+" + credits, p.carriedInT + p.creditsT, f.tonnes);
            const std::string output = line("label.claims_output", sumOf(firstOut, lastOut, 2), p.outT, f.tonnes);
            const std::string claimed = line("label.claims_claimed", sumOf(firstOut, lastOut, 3), p.claimedT, f.tonnes);
            line("label.claims_not_claimed", "=" + output + "-" + claimed, p.outT - p.claimedT, f.tonnes);
            line("label.claims_output_share", "=IF(" + output + ">0," + claimed + "/" + output + ",0)",
                 p.outT > 0 ? p.claimedT / p.outT : 0, f.share);
            std::string expired;
            if (c.carryOverPeriods == 0) {  // nothing carries: what is not claimed expires
                expired = line("label.claims_expired", "=" + claimable + "-" + claimed, p.expiredT, f.tonnes);
            } else {  // which vintages expire depends on the order of use: Traza's figure
                sheet.text(row, 0, ctx.text("label.claims_expired") + " " + ctx.text("col.not_live"), f.label);
                sheet.number(row, 2, p.expiredT, f.tonnes);
                expired = cellName(row++, 2);
            }
            previousBalance = line("label.claims_balance", "=" + claimable + "-" + claimed + "-" + expired, p.balanceT, f.tonnes);
            const std::string ok = ctx.text("common.ok"), over = ctx.text("note.claims_over_allocated");
            sheet.text(row, 0, ctx.text("label.claims_check"), f.label);
            sheet.formulaText(row++, 2, "=IF(" + claimed + "<=" + claimable + "+0.000001," + formulaString(ok) + "," +
                                            formulaString(over) + ")",
                              ok, f.center);
            ctx.progress.advance();
        }
    }
}

}  // namespace traza::reports
