#include "findings/flag_findings.h"

#include <map>
#include <utility>

namespace traza::risk {

const std::string& flagSubject(const RedFlag& f) { return f.flow.empty() ? f.actor : f.flow; }

void linkFlagsToFindings(std::vector<RedFlag>& flags, const std::vector<model::Finding>& findings,
                         const std::string& language) {
    if (findings.empty()) return;  // the usual case; a national chain has 140 000 flags
    // (rule, subject) -> the finding that answers it.
    std::map<std::pair<std::string, std::string>, const model::Finding*> answer;
    for (const model::Finding& f : findings) {
        if (f.source != model::FindingSource::RedFlag) continue;
        const model::Finding*& best = answer[{f.rule, f.subject}];
        if (!best) best = &f;
        else if (best->isClosed() && !f.isClosed()) best = &f;
        else if (best->isClosed() && f.isClosed() && f.closedOn > best->closedOn) best = &f;
    }
    const bool es = language == "es";
    for (RedFlag& flag : flags) {
        auto it = answer.find({flag.rule, flagSubject(flag)});
        if (it == answer.end()) continue;
        const model::Finding& f = *it->second;
        flag.finding = f.id;
        if (f.isClosed())
            flag.recurrence = es ? "Reaparece después de que el hallazgo " + f.id + " se cerró el " + f.closedOn + "."
                                 : "Recurs after finding " + f.id + " was closed on " + f.closedOn + ".";
    }
}

}  // namespace traza::risk
