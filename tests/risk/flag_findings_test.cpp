// Red flags and the findings register (issue 16): which finding answers a
// flag, and when a flag says it recurs. Hand-made flags and findings.
#include <catch2/catch.hpp>

#include "findings/flag_findings.h"

using namespace traza;
using namespace traza::risk;

namespace {

RedFlag flag(const std::string& rule, const std::string& actor, const std::string& flow = "") {
    RedFlag f;
    f.rule = rule;
    f.actor = actor;
    f.flow = flow;
    f.severity = "high";
    return f;
}

model::Finding finding(const std::string& id, const std::string& rule, const std::string& subject,
                       model::FindingStatus status = model::FindingStatus::Open, const std::string& closedOn = "") {
    model::Finding f;
    f.id = id;
    f.source = model::FindingSource::RedFlag;
    f.rule = rule;
    f.subject = subject;
    f.severity = "high";
    f.status = status;
    f.closedOn = closedOn;
    if (!closedOn.empty()) f.evidence = "seen";
    return f;
}

}  // namespace

TEST_CASE("FlagFindings - a flag is answered by the finding with its rule and subject, its flow before its actor") {
    std::vector<RedFlag> flags{flag("mass_balance_gap", "org3"), flag("undocumented_outflow", "org3", "f6"),
                               flag("mass_balance_gap", "org4")};
    const std::vector<model::Finding> findings{finding("F1", "mass_balance_gap", "org3"),
                                               finding("F2", "undocumented_outflow", "f6"),
                                               finding("F3", "undocumented_outflow", "org3")};  // the actor: not the flag's subject
    linkFlagsToFindings(flags, findings, "en");
    CHECK(flags[0].finding == "F1");
    CHECK(flags[1].finding == "F2");
    CHECK(flags[2].finding.empty());
    for (const RedFlag& f : flags) CHECK(f.recurrence.empty());
    CHECK(flagSubject(flags[1]) == "f6");
    CHECK(flagSubject(flags[0]) == "org3");
}

TEST_CASE("FlagFindings - an open finding wins over closed ones; when all are closed the last closed says the flag recurs") {
    using S = model::FindingStatus;
    std::vector<RedFlag> flags{flag("mass_balance_gap", "org3")};
    std::vector<model::Finding> findings{finding("F1", "mass_balance_gap", "org3", S::Closed, "2026-01-10"),
                                         finding("F4", "mass_balance_gap", "org3", S::Closed, "2026-02-20"),
                                         finding("F2", "mass_balance_gap", "org3", S::Closed, "2026-02-01")};
    linkFlagsToFindings(flags, findings, "en");
    CHECK(flags[0].finding == "F4");
    CHECK(flags[0].recurrence == "Recurs after finding F4 was closed on 2026-02-20.");

    std::vector<RedFlag> es{flag("mass_balance_gap", "org3")};
    linkFlagsToFindings(es, findings, "es");
    CHECK(es[0].recurrence == "Reaparece después de que el hallazgo F4 se cerró el 2026-02-20.");

    findings.push_back(finding("F5", "mass_balance_gap", "org3", S::InProgress));
    std::vector<RedFlag> again{flag("mass_balance_gap", "org3")};
    linkFlagsToFindings(again, findings, "en");
    CHECK(again[0].finding == "F5");
    CHECK(again[0].recurrence.empty());
}

TEST_CASE("FlagFindings - findings of the user or a checklist item answer no flag") {
    std::vector<RedFlag> flags{flag("mass_balance_gap", "org3")};
    model::Finding user = finding("F1", "", "org3");
    user.source = model::FindingSource::User;
    linkFlagsToFindings(flags, {user}, "en");
    CHECK(flags[0].finding.empty());
}
