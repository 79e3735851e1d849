#pragma once
// Helpers of the GUI tests: a private temp folder, and chains built in code
// (a small hand-checked one and a national-scale one with tens of thousands of
// picker groups).
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "catalogue.h"
#include "project.h"

namespace traza::gui::test {

/// True in the Spanish runs of the window cases (ctest sets TRAZA_TEST_LANGUAGE=es
/// with LANG=es_ES; see dd_es_cases in CMakeLists.txt).
inline bool spanishRun() {
    const char* lang = std::getenv("TRAZA_TEST_LANGUAGE");
    return lang && std::string(lang) == "es";
}

namespace fs = std::filesystem;

/// Where the window tests leave their screenshots (ctest sets TRAZA_SCREENSHOT_DIR).
inline fs::path screenshotDir() {
    const char* d = std::getenv("TRAZA_SCREENSHOT_DIR");
    return d ? fs::path(d) : fs::temp_directory_path();
}

/// The CARE pilot sample the window tests open.
inline fs::path careSample() { return model::dataDirectory() / "samples" / "care-pilot-2025.json"; }

class TempDir {
public:
    TempDir() {
        std::random_device r;
        m_path = fs::temp_directory_path() / ("traza-gui-test-" + std::to_string(r()) + std::to_string(r()));
        fs::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(m_path, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    fs::path operator/(const std::string& name) const { return m_path / name; }
    const fs::path& path() const { return m_path; }

private:
    fs::path m_path;
};

inline model::Actor actor(const std::string& id, model::ActorKind kind, int headcount = 0) {
    model::Actor a;
    a.id = id;
    a.name = id;
    a.kind = kind;
    a.stage = model::defaultStage(kind) > 0 ? model::defaultStage(kind) : 1;
    a.headcount = headcount;
    return a;
}

inline model::Flow flow(const std::string& id, const std::string& from, const std::string& to, double t,
                        model::Evidence ev = model::Evidence::Documented, double documented = -1) {
    model::Flow f;
    f.id = id;
    f.from = from;
    f.to = to;
    f.tonnes = t;
    f.evidence = ev;
    f.documentedT = documented < 0 ? t : documented;
    return f;
}

/// `orgs` organisations with `pickersPerOrg` picker groups each (3 people, 0.5 t),
/// feeding `orgs / 20 + 1` intermediaries, 4 exporters and 1 refiner.
inline model::Project nationalChain(int orgs, int pickersPerOrg) {
    model::Project p;
    p.catalogue = model::Catalogue::installed();
    const int intermediaries = orgs / 20 + 1;
    p.actors.reserve(static_cast<std::size_t>(orgs) * (pickersPerOrg + 1) + intermediaries + 5);
    p.flows.reserve(static_cast<std::size_t>(orgs) * (pickersPerOrg + 1) + intermediaries + 4);
    int flowNo = 0;
    auto nextFlow = [&] { return "f" + std::to_string(++flowNo); };
    p.actors.push_back(actor("ref", model::ActorKind::Refiner));
    for (int e = 0; e < 4; ++e) p.actors.push_back(actor("exp" + std::to_string(e), model::ActorKind::Exporter));
    for (int i = 0; i < intermediaries; ++i) p.actors.push_back(actor("int" + std::to_string(i), model::ActorKind::Intermediary));
    for (int o = 0; o < orgs; ++o) {
        const std::string org = "org" + std::to_string(o);
        p.actors.push_back(actor(org, model::ActorKind::PickerOrganisation));
        for (int k = 0; k < pickersPerOrg; ++k) {
            const std::string id = org + "-p" + std::to_string(k);
            p.actors.push_back(actor(id, model::ActorKind::WastePicker, 3));
            p.flows.push_back(flow(nextFlow(), id, org, 0.5, model::Evidence::SelfDeclared, 0));
        }
        p.flows.push_back(flow(nextFlow(), org, "int" + std::to_string(o % intermediaries), 0.5 * pickersPerOrg));
    }
    // Downstream actors pass on what they receive (mass balance holds).
    std::vector<double> intIn(intermediaries, 0), expIn(4, 0);
    for (int o = 0; o < orgs; ++o) intIn[o % intermediaries] += 0.5 * pickersPerOrg;
    for (int i = 0; i < intermediaries; ++i) {
        p.flows.push_back(flow(nextFlow(), "int" + std::to_string(i), "exp" + std::to_string(i % 4), intIn[i]));
        expIn[i % 4] += intIn[i];
    }
    for (int e = 0; e < 4; ++e)
        if (expIn[e] > 0) p.flows.push_back(flow(nextFlow(), "exp" + std::to_string(e), "ref", expIn[e]));
    return p;
}

}  // namespace traza::gui::test
