// traza-reconcile-bench: the time of reconciliation on a generated national
// chain with sd on every first-mile flow (issue #21, docs/performance.md),
// without building the rest of the benchmarks (no report library).
//   traza-reconcile-bench --flows 85000 --sd 0.2 --repeat 5
#include <algorithm>
#include <chrono>
#include <cstdio>

#include <CLI/CLI.hpp>

#include "analysis.h"
#include "chain_generator.h"
#include "chain_uncertainty.h"

int main(int argc, char** argv) {
    using namespace traza;
    using Clock = std::chrono::steady_clock;
    CLI::App app{"Time reconciliation on a synthetic national chain.", "traza-reconcile-bench"};
    std::size_t flows = 85'000;
    double sd = 0.2;
    int repeat = 5;
    std::uint64_t seed = 2025;
    app.add_option("--flows", flows, "number of flows (actors scale with it)");
    app.add_option("--sd", sd, "sd_t of every first-mile flow, as a share of its tonnes");
    app.add_option("--repeat", repeat, "timed runs (the best and the median are printed)");
    app.add_option("--seed", seed, "random seed");
    CLI11_PARSE(app, argc, argv);

    model::Project project = bench::generateChain(bench::ChainShape::forFlows(flows, seed), model::Catalogue::installed());
    const std::size_t uncertain = bench::addFirstMileUncertainty(project, sd, seed + 1);
    std::vector<char> isDestination(project.actors.size(), 0);
    for (std::size_t a = 0; a < project.actors.size(); ++a)
        isDestination[a] = project.actors[a].kind == model::ActorKind::Refiner;

    std::vector<double> times, withAnalysis, without;
    risk::Reconciliation r;
    for (int i = 0; i < repeat; ++i) {
        auto t0 = Clock::now();
        r = risk::reconcile(project, isDestination);
        times.push_back(std::chrono::duration<double>(Clock::now() - t0).count());
    }
    risk::AnalysisOptions options;
    options.reconcile = true;
    for (int i = 0; i < std::max(1, repeat / 2); ++i) {
        auto t0 = Clock::now();
        const risk::Analysis a = risk::analyze(project, options);
        withAnalysis.push_back(std::chrono::duration<double>(Clock::now() - t0).count());
    }
    std::sort(times.begin(), times.end());
    std::sort(withAnalysis.begin(), withAnalysis.end());
    std::size_t adjusted = 0, implausible = 0;
    for (const auto& f : r.figures) adjusted += f.status == risk::FigureStatus::Adjusted, implausible += f.implausible;
    std::printf("%zu actors, %zu flows, %zu with sd_t (%.0f%%); status %s, chi2 %.1f on %ld dof, p %.3f; "
                "%zu figures tested, %zu implausible\n",
                project.actors.size(), project.flows.size(), uncertain, sd * 100, r.status.c_str(), r.chi2, r.dof,
                r.pValue, adjusted, implausible);
    std::printf("reconcile: best %.3f s, median %.3f s (%d runs); analyze --reconcile (whole analysis): best %.3f s\n",
                times.front(), times[times.size() / 2], repeat, withAnalysis.front());
    return 0;
}
