// traza-series-bench: a national chain with a year of delivery records (issue
// #19, "Scale"): every first-mile flow (picker group -> organisation) becomes
// twelve monthly records, about 720 000 for 60 000 picker groups. Times the
// chain JSON import (parse, check, records attached), opening the saved
// .traza file, and the analysis with the progress series, and prints the
// process's peak memory. docs/performance.md has the figures.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <unordered_map>
#include <vector>

#include <CLI/CLI.hpp>

#include "analysis.h"
#include "chain_generator.h"
#include "chain_json.h"
#include "project_store.h"
#include "record_summary.h"
#include "series/series.h"
#include "process_memory.h"

using namespace traza;

namespace {

double msSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

// Twelve records per first-mile flow, on the 15th of each month, the first
// ones documented in the flow's documented proportion.
std::size_t addMonthlyRecords(model::Project& p) {
    std::size_t n = 0;
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < p.actors.size(); ++i) index.emplace(p.actors[i].id, i);
    for (model::Flow& f : p.flows) {
        const model::Actor& from = p.actors[index.at(f.from)];
        if (from.kind != model::ActorKind::WastePicker || f.tonnes <= 0) continue;
        const double share = f.tonnes > 0 ? f.documentedT / f.tonnes : 0;
        for (int m = 1; m <= 12; ++m) {
            model::Record r;
            r.id = f.id + "-" + std::to_string(m);
            char date[16];
            std::snprintf(date, sizeof date, "2025-%02d-15", m);
            r.date = date;
            r.tonnes = f.tonnes / 12;
            r.evidence = f.evidence;
            if ((m - 0.5) / 12 < share) r.documents.push_back({"delivery_receipt", "R" + std::to_string(++n)});
            f.records.push_back(std::move(r));
        }
        model::applyRecordSummary(f);
    }
    std::size_t records = 0;
    for (const model::Flow& f : p.flows) records += f.records.size();
    return records;
}

// User + system CPU time of the process so far, every thread (ms): on a
// shared machine the wall time says as much about the neighbours.
double cpuMs() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3;
}

// Times the progress series alone and the analysis with them, `repeat` times
// each; prints every run, the best wall time of each with its CPU time, and
// the process's peak memory. Returns the exit status.
int timeAnalysis(const model::Project& opened, int repeat) {
    struct Best {
        double wall = 1e300, cpu = 0;
        void keep(double w, double c) {
            if (w < wall) wall = w, cpu = c;
        }
    } bestSeries, bestAnalysis;
    bool hasSeries = true;
    for (int run = 0; run < repeat; ++run) {
        auto t0 = std::chrono::steady_clock::now();
        double c0 = cpuMs();
        const risk::Series s = risk::computeSeries(opened, {}, "en");
        double wall = msSince(t0), cpu = cpuMs() - c0;
        bestSeries.keep(wall, cpu);
        std::printf("progress series alone: %.0f ms, CPU %.0f ms (%zu periods, %zu goals)\n", wall, cpu,
                    s.periods.size(), s.goals.size());
        t0 = std::chrono::steady_clock::now();
        c0 = cpuMs();
        const risk::Analysis a = risk::analyze(opened);
        wall = msSince(t0), cpu = cpuMs() - c0;
        bestAnalysis.keep(wall, cpu);
        std::printf("analysis with the series: %.0f ms, CPU %.0f ms\n", wall, cpu);
        hasSeries = hasSeries && a.series;
    }
    if (repeat > 1)
        std::printf("best of %d: series alone %.0f ms (CPU %.0f ms), analysis with the series %.0f ms (CPU %.0f ms)\n",
                    repeat, bestSeries.wall, bestSeries.cpu, bestAnalysis.wall, bestAnalysis.cpu);
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("peak memory (whole process, generation included): %.0f MB\n", usage.ru_maxrss / 1024.0);
    return hasSeries ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    traza::model::tuneProcessMemory(traza::model::MallocArenas::One);  // as traza-cli does
    CLI::App app("Times import, open and analysis with progress series on a national chain with monthly records");
    std::size_t flows = 85'000;
    std::string dir = std::filesystem::temp_directory_path().string();
    app.add_option("--flows", flows, "flows of the chain (85 000: 60 000 picker groups)");
    app.add_option("--dir", dir, "where the .traza file is written");
    std::string writeJson;
    app.add_option("--write-json", writeJson,
                   "write the chain JSON with its records to this file (when there is none) and stop: "
                   "the input of bench/series_process.sh");
    std::string openFile;
    app.add_option("--open", openFile,
                   "time only the series and the analysis of this .traza file (the national year of "
                   "bench/series_process.sh), without generating, importing or saving a chain");
    int repeat = 1;
    app.add_option("--repeat", repeat, "times the series and the analysis are run (each run printed, then the best)")
        ->check(CLI::PositiveNumber);
    CLI11_PARSE(app, argc, argv);
    if (!openFile.empty()) {
        const model::Project opened = model::ProjectStore::open(openFile);
        return timeAnalysis(opened, repeat);
    }
    if (!writeJson.empty() && std::filesystem::exists(writeJson)) {
        std::printf("chain JSON: %s (already there)\n", writeJson.c_str());
        return 0;
    }

    const model::Catalogue catalogue = model::Catalogue::installed();
    model::Project p = bench::generateChain(bench::ChainShape::forFlows(flows), catalogue);
    p.assessment.period = {"2025-01-01", "2025-12-31"};
    for (model::Flow& f : p.flows) f.periodStart = f.periodEnd = "";
    const std::size_t records = addMonthlyRecords(p);
    const std::string json = model::projectToJson(p);
    if (!writeJson.empty()) {
        std::ofstream out(writeJson, std::ios::binary);
        out << json;
        if (!out.flush()) {
            std::fprintf(stderr, "traza-series-bench: cannot write %s\n", writeJson.c_str());
            return 2;
        }
        std::printf("chain JSON: %s (%zu records)\n", writeJson.c_str(), records);
        return 0;
    }
    std::printf("chain: %zu actors, %zu flows, %zu records, chain JSON %.1f MB\n", p.actors.size(), p.flows.size(),
                records, json.size() / 1e6);

    auto t0 = std::chrono::steady_clock::now();
    model::Project imported = model::projectFromJson(json, catalogue);
    std::printf("import (chain JSON, checked): %.0f ms\n", msSince(t0));

    const std::filesystem::path file = std::filesystem::path(dir) / "series-bench.traza";
    model::ProjectStore::save(imported, file);
    t0 = std::chrono::steady_clock::now();
    model::Project opened = model::ProjectStore::open(file);
    std::printf("open (.traza): %.0f ms\n", msSince(t0));
    std::filesystem::remove(file);

    return timeAnalysis(opened, repeat);
}
