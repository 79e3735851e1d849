#include "anonymise.h"

#include <algorithm>
#include <unordered_map>
#include <utility>
#include <vector>

#include "pseudonyms.h"
#include "text_substitution.h"

namespace traza::model {
namespace {

std::string trimmed(std::string s) {
    const auto space = [](unsigned char c) { return c == ' ' || c == '\t'; };
    while (!s.empty() && space(static_cast<unsigned char>(s.back()))) s.pop_back();
    std::size_t i = 0;
    while (i < s.size() && space(static_cast<unsigned char>(s[i]))) ++i;
    return s.substr(i);
}

std::string generalised(const std::string& region, RegionLevel level) {
    switch (level) {
    case RegionLevel::Full: return region;
    case RegionLevel::Top: return trimmed(region.substr(0, region.find_first_of("/>,;")));
    case RegionLevel::Country:
    case RegionLevel::None: break;
    }
    return {};
}

// What stands in for a free text that had something in it, so a reader sees
// that a value existed without seeing it.
std::string withheld(const AnonymiseOptions& o) { return o.language == "es" ? "[reservado]" : "[withheld]"; }

class Renamer {
public:
    Renamer(const Project& p, const AnonymiseOptions& o) : names(pseudonymsFor(p.actors, o.language)) {
        for (std::size_t i = 0; i < p.actors.size(); ++i) {
            const Actor& a = p.actors[i];
            actorIds.emplace(a.id, names[i].id);
            // A very short name ("A", "Sur") would match inside ordinary words.
            substitution.add(a.name, names[i].name,
                             a.name.size() >= 4 ? TextSubstitution::Match::Anywhere : TextSubstitution::Match::WholeWord);
            substitution.add(a.id, names[i].id, TextSubstitution::Match::WholeWord);
            if (generalised(a.region, o.regions) != a.region)
                substitution.add(a.region, o.language == "es" ? "[región]" : "[region]",
                                 TextSubstitution::Match::WholeWord);
        }
        for (std::size_t i = 0; i < p.flows.size(); ++i) flowIds.emplace(p.flows[i].id, "f" + std::to_string(i + 1));
    }
    std::string actor(const std::string& id) const { return lookup(actorIds, id); }
    std::string flow(const std::string& id) const { return lookup(flowIds, id); }
    /// An actor or a flow id (a finding's subject), or the text unchanged when empty.
    std::string subject(const std::string& id) const {
        if (auto a = actorIds.find(id); a != actorIds.end()) return a->second;
        if (auto f = flowIds.find(id); f != flowIds.end()) return f->second;
        return {};  // empty (the assessment as a whole) stays empty
    }

    std::vector<Pseudonym> names;  ///< one per actor, in the project's order
    std::map<std::string, std::string> actorIds;
    std::unordered_map<std::string, std::string> flowIds;
    TextSubstitution substitution;

private:
    template <typename Map>
    static std::string lookup(const Map& m, const std::string& id) {
        auto it = m.find(id);
        return it == m.end() ? std::string() : it->second;
    }
};

void anonymiseActors(Project& p, const std::vector<Pseudonym>& names, const AnonymiseOptions& o) {
    for (std::size_t i = 0; i < p.actors.size(); ++i) {
        Actor& a = p.actors[i];
        a.id = names[i].id;
        a.name = names[i].name;
        a.region = generalised(a.region, o.regions);
        if (o.regions == RegionLevel::None) a.country.clear();
        a.notes.clear();
        if (!a.cocCertification.empty()) a.cocCertification = withheld(o);
    }
}

void anonymiseFlows(Project& p, const Renamer& r) {
    // Document numbers become neutral ones, the same number always the same
    // neutral one, so a number used twice is still seen (a red-flag rule).
    std::map<std::pair<std::string, std::string>, std::string> numbers;
    std::size_t records = 0;
    for (Flow& f : p.flows) {
        f.id = r.flow(f.id);
        f.from = r.actor(f.from);
        f.to = r.actor(f.to);
        f.notes.clear();
        for (Record& rec : f.records) {
            rec.id = "r" + std::to_string(++records);
            rec.notes.clear();
            for (RecordDocument& d : rec.documents) {
                if (d.number.empty()) continue;
                auto [it, fresh] = numbers.try_emplace({d.type, d.number}, std::string());
                if (fresh) it->second = "N" + std::to_string(numbers.size());
                d.number = it->second;
            }
        }
    }
}

void anonymiseChecklists(Project& p, const Renamer& r) {
    for (Checklist& c : p.checklists) {
        if (c.scope != "assessment") c.scope = r.actor(c.scope);
        for (ChecklistItem& item : c.items) {
            item.evidence.clear();
            item.documents.clear();
            item.owner.clear();
            item.source.clear();
        }
    }
}

void anonymiseGoalsAndSupports(Project& p, const Renamer& r, const AnonymiseOptions& o) {
    for (Goal& g : p.goals) {
        g.actor = r.actor(g.actor);
        if (!g.buyer.empty()) g.buyer = r.actor(g.buyer);
        g.notes.clear();
    }
    for (Support& s : p.supports) {
        s.actor = r.actor(s.actor);
        s.region = generalised(s.region, o.regions);
        s.notes.clear();
    }
}

void anonymiseFindings(Project& p, const Renamer& r) {
    for (Finding& f : p.findings) {
        f.subject = r.subject(f.subject);
        f.owner.clear();
        f.action.clear();
        f.evidence.clear();
        f.notes.clear();
    }
}

void anonymiseAssessment(Assessment& a, const Renamer& r, const AnonymiseOptions& o) {
    a.title = r.substitution.apply(a.title);
    a.notes.clear();
    if (o.regions == RegionLevel::None) a.country.clear();
}

}  // namespace

std::optional<RegionLevel> parseRegionLevel(std::string_view s) {
    if (s == "full") return RegionLevel::Full;
    if (s == "top") return RegionLevel::Top;
    if (s == "country") return RegionLevel::Country;
    if (s == "none") return RegionLevel::None;
    return std::nullopt;
}

AnonymisedProject anonymise(const Project& original, const AnonymiseOptions& options) {
    Renamer renamer(original, options);
    AnonymisedProject out{original, renamer.actorIds};
    Project& p = out.project;
    anonymiseActors(p, renamer.names, options);
    anonymiseFlows(p, renamer);
    anonymiseChecklists(p, renamer);
    anonymiseGoalsAndSupports(p, renamer, options);
    anonymiseFindings(p, renamer);
    anonymiseAssessment(p.assessment, renamer, options);
    // The column rules of an import name the user's own spreadsheet headings.
    p.importRules = ColumnMapping();
    return out;
}

}  // namespace traza::model
