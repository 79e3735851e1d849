#pragma once
// Builds small chains for the risk tests in one line per actor or flow.
#include <string>

#include "catalogue.h"
#include "project.h"

namespace traza::testing {

class ChainBuilder {
public:
    ChainBuilder() { m_project.catalogue = model::Catalogue::installed(); }

    ChainBuilder& actor(const std::string& id, model::ActorKind kind, int stage = 0) {
        model::Actor a;
        a.id = id;
        a.name = id;
        a.kind = kind;
        a.stage = stage > 0 ? stage : model::defaultStage(kind);
        m_project.actors.push_back(a);
        return *this;
    }
    ChainBuilder& flow(const std::string& from, const std::string& to, double tonnes, double documented = 0,
                       model::Evidence evidence = model::Evidence::None) {
        model::Flow f;
        f.id = "f" + std::to_string(m_project.flows.size() + 1);
        f.from = from;
        f.to = to;
        f.tonnes = tonnes;
        f.documentedT = documented;
        f.evidence = evidence;
        m_project.flows.push_back(f);
        return *this;
    }
    model::Actor& lastActor() { return m_project.actors.back(); }
    model::Flow& lastFlow() { return m_project.flows.back(); }
    model::Project& project() { return m_project; }
    const model::Project& build() const { return m_project; }

private:
    model::Project m_project;
};

}  // namespace traza::testing
