#include "finding_commands.h"

#include <algorithm>

#include "error.h"
#include "finding_validation.h"

namespace traza::model {
namespace {

std::size_t indexOf(const Project& p, const std::string& id) {
    const Finding* f = findFinding(p.findings, id);
    if (!f) throw InvalidInput("id", "no finding has id \"" + id + "\"");
    return static_cast<std::size_t>(f - p.findings.data());
}

// Throws the first issue of finding `index` as InvalidInput("<field>", reason),
// the path relative to the finding (the editor knows which finding it is).
void throwIfFindingInvalid(const Project& p, std::size_t index) {
    const std::string prefix = "findings[" + std::to_string(index) + "].";
    for (const ValidationIssue& issue : validateFindings(p))
        if (issue.path.rfind(prefix, 0) == 0) throw InvalidInput(issue.path.substr(prefix.size()), issue.reason);
}

}  // namespace

void AddFinding::apply(Project& p) {
    if (m_finding.id.empty()) m_finding.id = unusedFindingId(p.findings);
    p.findings.push_back(m_finding);
    try {
        throwIfFindingInvalid(p, p.findings.size() - 1);
    } catch (...) {
        p.findings.pop_back();
        throw;
    }
}

void AddFinding::revert(Project& p) {
    auto it = std::find_if(p.findings.begin(), p.findings.end(), [&](const Finding& f) { return f.id == m_finding.id; });
    if (it != p.findings.end()) p.findings.erase(it);
}

void UpdateFinding::apply(Project& p) {
    m_index = indexOf(p, m_id);
    if (m_new.id != m_id && findFinding(p.findings, m_new.id))
        throw InvalidInput("id", "\"" + m_new.id + "\" is already used by another finding");
    m_old = p.findings[m_index];
    p.findings[m_index] = m_new;
    try {
        throwIfFindingInvalid(p, m_index);
    } catch (...) {
        p.findings[m_index] = m_old;
        throw;
    }
}

void UpdateFinding::revert(Project& p) { p.findings[m_index] = m_old; }

void RemoveFinding::apply(Project& p) {
    m_index = indexOf(p, m_id);
    m_finding = p.findings[m_index];
    p.findings.erase(p.findings.begin() + static_cast<long>(m_index));
}

void RemoveFinding::revert(Project& p) {
    p.findings.insert(p.findings.begin() + static_cast<long>(std::min(m_index, p.findings.size())), m_finding);
}

}  // namespace traza::model
