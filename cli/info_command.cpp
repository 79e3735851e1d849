// traza-cli info: a short plain-text summary of a project (.traza or chain JSON):
// the assessment, what the file holds, tonnes entering each stage, documented
// tonnes by evidence level, and the destinations the analysis would use.
#include <cmath>
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include <CLI/CLI.hpp>

#include "commands.h"
#include "project_io.h"
#include "project_store.h"
#include "server_location.h"
#include "server_schema_version.h"

namespace traza::cli {
namespace {

// Tonnes for people: up to three decimals, no trailing zeros (225.2, 0.125, 12).
std::string tonnes(double t) {
    char buf[64];
    if (std::fabs(t) >= 1e15) std::snprintf(buf, sizeof buf, "%g", t);
    else std::snprintf(buf, sizeof buf, "%.3f", t);
    std::string s = buf;
    if (s.find('.') != std::string::npos && s.find('e') == std::string::npos) {
        s.erase(s.find_last_not_of('0') + 1);
        if (s.back() == '.') s.pop_back();
    }
    return s == "-0" ? "0" : s;
}

std::string shareOfWhole(double part, double whole) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", whole > 0 ? 100.0 * part / whole : 0.0);
    return buf;
}

// The spec's default destinations: every refiner; if there is none, every actor
// with inflow and no outflow.
std::vector<const model::Actor*> destinations(const model::Project& p) {
    std::vector<const model::Actor*> out;
    for (const model::Actor& a : p.actors)
        if (a.kind == model::ActorKind::Refiner) out.push_back(&a);
    if (!out.empty()) return out;
    std::unordered_set<std::string_view> senders, receivers;
    for (const model::Flow& f : p.flows) senders.insert(f.from), receivers.insert(f.to);
    for (const model::Actor& a : p.actors)
        if (receivers.count(a.id) && !senders.count(a.id)) out.push_back(&a);
    return out;
}

void printInfo(const std::string& path, std::ostream& out) {
    const model::Project& p = keepUntilExit(loadProject(path));
    const model::Assessment& a = p.assessment;
    out << "title:        " << (a.title.empty() ? "(untitled)" : a.title) << '\n';
    out << "period:       "
        << (a.period.start.empty() && a.period.end.empty() ? "not set"
                                                           : (a.period.start.empty() ? "?" : a.period.start) + " to " +
                                                                 (a.period.end.empty() ? "?" : a.period.end))
        << '\n';
    if (isServerPath(path))
        out << "server:       " << model::ServerLocation(path).display() << ", Traza schema version " << model::kServerSchemaVersion << '\n';
    else if (isJsonPath(path)) out << "file:         chain JSON, version 1\n";
    else {
        const int version = model::ProjectStore::fileSchemaVersion(path);
        out << "file:         Traza project, schema version " << version;
        if (version < model::ProjectStore::kSchemaVersion)
            out << " (upgraded to " << model::ProjectStore::kSchemaVersion << " when saved)";
        out << '\n';
    }

    std::map<model::ActorKind, int> kinds;
    for (const model::Actor& actor : p.actors) ++kinds[actor.kind];
    out << "actors:       " << p.actors.size();
    std::string sep = " (";
    for (const auto& [kind, n] : kinds) out << sep << model::toString(kind) << ' ' << n, sep = ", ";
    out << (kinds.empty() ? "" : ")") << '\n';

    double total = 0;
    std::map<int, double> enteringStage;
    std::map<model::Evidence, double> documented;
    // Indexes of views into the project (national chains have 1e5 flows).
    std::unordered_map<std::string_view, double> inflow;
    std::unordered_map<std::string_view, int> stageOf;
    stageOf.reserve(p.actors.size());
    inflow.reserve(p.actors.size());
    for (const model::Actor& actor : p.actors) stageOf.emplace(actor.id, actor.stage);
    for (const model::Flow& f : p.flows) {
        total += f.tonnes;
        inflow[f.to] += f.tonnes;
        if (auto to = stageOf.find(f.to); to != stageOf.end()) enteringStage[to->second] += f.tonnes;
        if (f.documentedT > 0) documented[f.evidence] += f.documentedT;
    }
    out << "flows:        " << p.flows.size() << " (" << tonnes(total) << " t in all)\n";
    std::size_t items = 0, done = 0;
    for (const model::Checklist& c : p.checklists)
        for (const model::ChecklistItem& item : c.items) ++items, done += item.status == model::ItemStatus::Done;
    out << "checklists:   " << p.checklists.size() << " (" << items << " items, " << done << " done)\n";
    out << "goals:        " << p.goals.size() << '\n';
    int delivered = 0;
    for (const model::Support& s : p.supports) delivered += s.count;
    out << "supports:     " << p.supports.size() << " (" << delivered << " delivered)\n";
    // Issue 16: only for a project with a findings register (older output unchanged).
    if (!p.findings.empty()) {
        std::size_t open = 0;
        for (const model::Finding& f : p.findings) open += !f.isClosed();
        out << "findings:     " << p.findings.size() << " (" << open << " open or in progress)\n";
    }

    for (const auto& [stage, t] : enteringStage) out << "tonnes entering stage " << stage << ": " << tonnes(t) << '\n';
    double documentedTotal = 0;
    for (const auto& [level, t] : documented) documentedTotal += t;
    out << "documented:   " << tonnes(documentedTotal) << " t of " << tonnes(total) << " t (" << shareOfWhole(documentedTotal, total) << ")";
    for (const auto& [level, t] : documented) out << (level == documented.begin()->first ? "; " : ", ") << model::toString(level) << ' ' << tonnes(t) << " t";
    out << '\n';
    out << "destinations: ";
    const auto dest = destinations(p);
    if (dest.empty()) out << "none";
    for (std::size_t i = 0; i < dest.size(); ++i) out << (i ? ", " : "") << dest[i]->id << " (" << tonnes(inflow[dest[i]->id]) << " t)";
    out << '\n';
}

}  // namespace

void registerInfoCommand(CLI::App& app) {
    auto path = std::make_shared<std::string>();
    CLI::App* cmd = app.add_subcommand("info", "Summarise a project: assessment, counts, tonnes by stage, destinations");
    cmd->add_option("project", *path, "Project file (.traza, or chain JSON .json) or server location (postgresql://host/db?project=NAME)")->required()->check(existingFileOrLocation);
    cmd->callback([path] { printInfo(*path, std::cout); });
}

}  // namespace traza::cli
