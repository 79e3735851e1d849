// traza-bench: the national-scale benchmarks (docs/performance.md).
//   traza-bench [--sizes=1000,10000,85000] [--steps=import,open,...] [--cycles]
//               [any --benchmark_* flag, e.g. --benchmark_repetitions=5]
// Every step runs on a generated chain of each size (flows; actors scale with
// them). After the runs a markdown table gives per step and size the best and
// the median time, and at the national size (85 000 flows) whether the
// targets of docs/performance.md are met. Targets are reported, never gated.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "bench_fixture.h"
#include "bench_steps.h"

namespace {

using traza::bench::BenchStep;

constexpr std::size_t kNationalFlows = 85'000;

// Milliseconds a step may take on the national chain (docs/performance.md).
const std::map<std::string, double> kTargetMs{
    {"import", 1500}, {"open", 500}, {"save", 500}, {"analyze", 100}, {"report", 5000}, {"reconcile", 100},
};

struct Options {
    std::vector<std::size_t> sizes{1'000, 10'000, kNationalFlows};
    std::vector<std::string> steps;  // empty: all
    bool cycles = false;
};

std::vector<std::string> splitList(const std::string& s) {
    std::vector<std::string> out;
    std::stringstream in(s);
    for (std::string item; std::getline(in, item, ',');)
        if (!item.empty()) out.push_back(item);
    return out;
}

// Takes our own flags out of argv, leaving the --benchmark_* ones.
Options parseOwnFlags(int& argc, char** argv) {
    Options o;
    int kept = 1;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg.rfind("--sizes=", 0) == 0) {
            o.sizes.clear();
            for (const std::string& s : splitList(arg.substr(8))) o.sizes.push_back(std::stoul(s));
        } else if (arg.rfind("--steps=", 0) == 0) {
            o.steps = splitList(arg.substr(8));
        } else if (arg == "--cycles") {
            o.cycles = true;
        } else {
            argv[kept++] = argv[i];
        }
    }
    argc = kept;
    return o;
}

// The console reporter, also keeping each run's real and CPU time for the summary.
class SummaryReporter : public benchmark::ConsoleReporter {
public:
    void ReportRuns(const std::vector<Run>& runs) override {
        for (const Run& r : runs) {
            if (r.run_type != Run::RT_Iteration || r.error_occurred) continue;
            const double toMs = benchmark::GetTimeUnitMultiplier(benchmark::kMillisecond) /
                                benchmark::GetTimeUnitMultiplier(r.time_unit);
            m_ms[r.run_name.function_name].push_back(r.GetAdjustedRealTime() * toMs);
            m_cpuMs[r.run_name.function_name].push_back(r.GetAdjustedCPUTime() * toMs);
        }
        ConsoleReporter::ReportRuns(runs);
    }
    const std::map<std::string, std::vector<double>>& times() const { return m_ms; }
    const std::map<std::string, std::vector<double>>& cpuTimes() const { return m_cpuMs; }

private:
    std::map<std::string, std::vector<double>> m_ms;
    std::map<std::string, std::vector<double>> m_cpuMs;
};

std::string benchName(const std::string& step, std::size_t flows, bool cycles) {
    return step + "/" + std::to_string(flows) + (cycles ? "/cycles" : "");
}

void printSummary(const Options& o, const std::vector<BenchStep>& steps, const SummaryReporter& rep) {
    // Wall time is what a user waits; CPU time is what the step costs when the
    // machine is busy with other work (single-threaded steps: wall >= CPU).
    std::printf("\n| step | flows | best ms | median ms | best CPU ms | runs | target (wall, best) |\n"
                "|---|---:|---:|---:|---:|---:|---|\n");
    for (bool cycles : {false, true}) {
        if (cycles && !o.cycles) continue;
        for (const BenchStep& step : steps)
            for (std::size_t flows : o.sizes) {
                auto it = rep.times().find(benchName(step.name, flows, cycles));
                if (it == rep.times().end()) continue;
                std::vector<double> t = it->second;
                std::sort(t.begin(), t.end());
                const auto& cpu = rep.cpuTimes().at(it->first);
                const double bestCpu = *std::min_element(cpu.begin(), cpu.end());
                const double median = t.size() % 2 ? t[t.size() / 2] : (t[t.size() / 2 - 1] + t[t.size() / 2]) / 2;
                std::string target = "";
                auto tg = kTargetMs.find(step.name);
                if (flows == kNationalFlows && !cycles && tg != kTargetMs.end()) {
                    const double goal = tg->second;
                    target = "≤ " + std::to_string(static_cast<int>(goal)) + " ms: ";
                    if (t.front() <= goal) target += median <= goal ? "met" : "met at best only";
                    else if (bestCpu <= goal) target += "CPU time within, wall time not (busy machine?)";
                    else target += "MISSED";
                }
                std::printf("| %s%s | %zu | %.1f | %.1f | %.1f | %zu | %s |\n", step.name.c_str(),
                            cycles ? " (cycles)" : "", flows, t.front(), median, bestCpu, t.size(), target.c_str());
            }
    }
    std::printf("\npeak resident memory of this process: %.0f MiB (all sizes; see traza-pipeline for one session)\n",
                traza::bench::peakRssMiB());
}

}  // namespace

int main(int argc, char** argv) {
    const Options options = parseOwnFlags(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;

    std::vector<BenchStep> steps;
    for (const BenchStep& s : traza::bench::benchSteps())
        if (options.steps.empty() || std::find(options.steps.begin(), options.steps.end(), s.name) != options.steps.end())
            steps.push_back(s);
    if (steps.empty()) {
        std::cerr << "traza-bench: no such step (import, export, save, open, analyze, analyze-1t, report, reconcile)\n";
        return 2;
    }

    // Size by size, so one generated chain serves all the steps of a size.
    auto smallest = [](const std::vector<double>& v) { return *std::min_element(v.begin(), v.end()); };
    for (bool cycles : {false, true}) {
        if (cycles && !options.cycles) continue;
        for (std::size_t flows : options.sizes)
            for (const BenchStep& step : steps) {
                auto run = step.run;
                benchmark::RegisterBenchmark(benchName(step.name, flows, cycles).c_str(),
                                             [run, flows, cycles](benchmark::State& s) { run(s, flows, cycles); })
                    ->Unit(benchmark::kMillisecond)
                    ->UseRealTime()
                    ->ComputeStatistics("min", smallest);
            }
    }

    SummaryReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    printSummary(options, steps, reporter);
    benchmark::Shutdown();
    return 0;
}
