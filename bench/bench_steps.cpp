#include "bench_steps.h"

#include <chrono>
#include <filesystem>

#include "bench_fixture.h"
#include "chain_uncertainty.h"
#include "chain_json.h"
#include "claims/credit_traceability.h"
#include "claims/documentation_plan.h"
#include "destinations.h"
#include "proportional_mixing.h"
#include "traceability.h"
#include "project_store.h"
#include "report.h"

namespace traza::bench {
namespace {

// What every step reports besides its time: the chain's size and the
// process's peak memory so far (process-wide, so it only grows).
void describe(benchmark::State& state, BenchChain& chain) {
    state.counters["actors"] = static_cast<double>(chain.project().actors.size());
    state.counters["flows"] = static_cast<double>(chain.project().flows.size());
    state.counters["peak_MiB"] = peakRssMiB();
}

void jsonImport(benchmark::State& state, std::size_t flows, bool cycles) {
    BenchChain& chain = benchChain(flows, cycles);
    const std::string& text = chain.json();
    const model::Catalogue& catalogue = model::Catalogue::installed();
    for (auto _ : state) {
        model::Project p = model::projectFromJson(text, catalogue);
        benchmark::DoNotOptimize(p.flows.data());
    }
    describe(state, chain);
    state.counters["json_MiB"] = static_cast<double>(text.size()) / (1024.0 * 1024.0);
}

void jsonExport(benchmark::State& state, std::size_t flows, bool cycles) {
    BenchChain& chain = benchChain(flows, cycles);
    for (auto _ : state) {
        std::string text = model::projectToJson(chain.project());
        benchmark::DoNotOptimize(text.data());
    }
    describe(state, chain);
}

void projectSave(benchmark::State& state, std::size_t flows, bool cycles) {
    BenchChain& chain = benchChain(flows, cycles);
    const std::filesystem::path file = scratchDirectory() / "save.traza";
    for (auto _ : state) model::ProjectStore::save(chain.project(), file);
    describe(state, chain);
    state.counters["file_MiB"] = static_cast<double>(std::filesystem::file_size(file)) / (1024.0 * 1024.0);
    std::filesystem::remove(file);
}

void projectOpen(benchmark::State& state, std::size_t flows, bool cycles) {
    BenchChain& chain = benchChain(flows, cycles);
    const std::filesystem::path& file = chain.savedFile();
    for (auto _ : state) {
        model::Project p = model::ProjectStore::open(file);
        benchmark::DoNotOptimize(p.flows.data());
    }
    describe(state, chain);
}

// The analysis runs part of its work on a second thread (risk/analysis.cpp);
// the CPU column then counts only this thread. "analyze-1t" is the same
// analysis on one thread, for the single-thread figure.
void analyzeWith(benchmark::State& state, std::size_t flows, bool cycles, bool secondThread) {
    BenchChain& chain = benchChain(flows, cycles);
    risk::AnalysisOptions options;
    options.secondThread = secondThread;
    for (auto _ : state) {
        risk::Analysis a = risk::analyze(chain.project(), options);
        benchmark::DoNotOptimize(a.actors.data());
    }
    describe(state, chain);
}
void analyze(benchmark::State& state, std::size_t flows, bool cycles) { analyzeWith(state, flows, cycles, true); }
void analyzeOneThread(benchmark::State& state, std::size_t flows, bool cycles) {
    analyzeWith(state, flows, cycles, false);
}

void report(benchmark::State& state, std::size_t flows, bool cycles) {
    BenchChain& chain = benchChain(flows, cycles);
    const risk::Analysis& analysis = chain.analysis();
    const std::filesystem::path file = scratchDirectory() / "report.xlsx";
    for (auto _ : state) reports::writeReport(chain.project(), analysis, file);
    describe(state, chain);
    state.counters["xlsx_MiB"] = static_cast<double>(std::filesystem::file_size(file)) / (1024.0 * 1024.0);
    std::filesystem::remove(file);
}

// Issue #20's budget: credit-method traceability for every evidence level and
// stage, plus the document-next plan for one level (documented, stage 1,
// θ = the counter "plan_target", chosen 0.1 above today's traced share so the
// plan has real work to do), on one thread, from the chain graph up.
void claims(benchmark::State& state, std::size_t flows, bool cycles) {
    BenchChain& chain = benchChain(flows, cycles);
    std::size_t steps = 0;
    double target = 0, creditMs = 0, planMs = 0;
    for (auto _ : state) {
        const auto t0 = std::chrono::steady_clock::now();
        const risk::ChainGraph graph(chain.project());
        const risk::DestinationSet dest = risk::chooseDestinations(graph, {});
        const risk::MixingSolver solver(graph);
        bool exact = true;
        risk::Traceability trace = risk::computeTraceability(graph, dest, solver, 0.8, exact);
        const auto t1 = std::chrono::steady_clock::now();
        risk::computeCreditTraceability(graph, dest, trace);
        const auto t2 = std::chrono::steady_clock::now();
        const risk::DocumentationGains gains(graph, dest, solver);
        target = std::min(1.0, trace.levels[2].byStage[1] + 0.1);
        const risk::DocumentationPlan plan =
            risk::planDocumentation(gains, model::Evidence::Documented, 1, target, 100000, exact);
        steps = plan.steps.size();
        benchmark::DoNotOptimize(plan.steps.data());
        const auto t3 = std::chrono::steady_clock::now();
        (void)t0;
        creditMs = std::chrono::duration<double, std::milli>(t2 - t1).count();
        planMs = std::chrono::duration<double, std::milli>(t3 - t2).count();
    }
    state.counters["credit_ms"] = creditMs;  // the last run's parts
    state.counters["plan_ms"] = planMs;
    describe(state, chain);
    state.counters["plan_steps"] = static_cast<double>(steps);
    state.counters["plan_target"] = target;
}

// Reconciliation with sd on every first-mile flow (issue #21): the whole
// reconcile() (system, factorisation, every flow's z and sd, nodal tests).
void reconcileStep(benchmark::State& state, std::size_t flows, bool cycles) {
    BenchChain& chain = benchChain(flows, cycles);
    model::Project project = chain.project();
    const std::size_t uncertain = addFirstMileUncertainty(project, 0.2, 11);
    std::vector<char> isDestination(project.actors.size(), 0);
    for (std::size_t a = 0; a < project.actors.size(); ++a)
        isDestination[a] = project.actors[a].kind == model::ActorKind::Refiner;
    risk::Reconciliation r;
    for (auto _ : state) {
        r = risk::reconcile(project, isDestination);
        benchmark::DoNotOptimize(r.figures.data());
    }
    describe(state, chain);
    state.counters["uncertain_flows"] = static_cast<double>(uncertain);
    state.counters["dof"] = static_cast<double>(r.dof);
    state.counters["chi2"] = r.chi2;
}

}  // namespace

const std::vector<BenchStep>& benchSteps() {
    static const std::vector<BenchStep> steps{
        {"import", jsonImport}, {"export", jsonExport}, {"save", projectSave},
        {"open", projectOpen},  {"analyze", analyze},   {"analyze-1t", analyzeOneThread}, {"claims", claims},
        {"report", report},     {"reconcile", reconcileStep},
    };
    return steps;
}

}  // namespace traza::bench
