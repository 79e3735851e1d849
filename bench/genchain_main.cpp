// traza-genchain: write a synthetic national chain (bench/chain_generator.h)
// as chain JSON, or as a .traza project file when the output ends in .traza.
//   traza-genchain --flows 85000 --seed 7 --cycles -o national.json
#include <chrono>
#include <fstream>
#include <iostream>

#include <CLI/CLI.hpp>

#include "chain_generator.h"
#include "chain_uncertainty.h"
#include "chain_json.h"
#include "error.h"
#include "project_store.h"

int main(int argc, char** argv) {
    using namespace traza;
    CLI::App app{"Write a synthetic national value chain for benchmarks (docs/performance.md).", "traza-genchain"};
    std::size_t flows = 85'000;
    std::uint64_t seed = 2025;
    bool cycles = false;
    std::size_t pickers = 0, organisations = 0, intermediaries = 0, exporters = 0, refiners = 0;
    std::string output = "-";
    double firstMileSd = 0;
    app.add_option("--flows", flows, "number of flows (actors scale with it; 85000 = national default)")
        ->check(CLI::Range(std::size_t{100}, std::size_t{5'000'000}));
    app.add_option("--seed", seed, "random seed (same seed and sizes, same chain)");
    app.add_flag("--cycles", cycles, "add return flows from intermediaries to organisations (small cycles)");
    app.add_option("--pickers", pickers, "picker groups (default: scaled with --flows)");
    app.add_option("--organisations", organisations, "picker organisations (default: scaled)");
    app.add_option("--intermediaries", intermediaries, "intermediaries (default: scaled)");
    app.add_option("--exporters", exporters, "exporters (default: scaled)");
    app.add_option("--refiners", refiners, "refiners (default: scaled)");
    app.add_option("--first-mile-sd", firstMileSd,
                   "give every first-mile flow sd_t = this share of its tonnes, and redraw its tonnes with that sd "
                   "(for reconciliation, e.g. 0.2)")
        ->check(CLI::Range(0.0, 10.0));
    app.add_option("-o,--output", output, "output file: *.traza writes a project file, else chain JSON; - for stdout");
    CLI11_PARSE(app, argc, argv);

    try {
        bench::ChainShape shape = bench::ChainShape::forFlows(flows, seed, cycles);
        if (pickers) shape.pickerGroups = pickers;
        if (organisations) shape.organisations = organisations;
        if (intermediaries) shape.intermediaries = intermediaries;
        if (exporters) shape.exporters = exporters;
        if (refiners) shape.refiners = refiners;

        const auto start = std::chrono::steady_clock::now();
        model::Project project = bench::generateChain(shape, model::Catalogue::installed());
        if (firstMileSd > 0) bench::addFirstMileUncertainty(project, firstMileSd, seed + 1);
        if (output.size() > 6 && output.substr(output.size() - 6) == ".traza") {
            model::ProjectStore::save(project, output);
        } else {
            const std::string json = model::projectToJson(project);
            if (output == "-") {
                std::cout << json;
            } else {
                std::ofstream out(output, std::ios::binary);
                out << json;
                if (!out.flush()) throw IoError("cannot write " + output);
            }
        }
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::cerr << "traza-genchain: " << project.actors.size() << " actors, " << project.flows.size() << " flows, "
                  << project.checklists.size() << " checklists, " << project.goals.size() << " goals (" << seconds
                  << " s)\n";
        return 0;
    } catch (const InvalidInput& e) {
        std::cerr << "traza-genchain: " << e.what() << '\n';
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "traza-genchain: " << e.what() << '\n';
        return 1;
    }
}
