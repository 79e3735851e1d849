// traza-pipeline: one user session on a chain file, timed step by step, with
// the process's peak resident memory after each step (getrusage). This is
// where the memory target is measured: one fresh process, one chain, as a
// user would meet it (docs/performance.md).
//   traza-pipeline chain.json [--out-dir DIR] [--steps import,save,open,analyze,report]
// A .traza input skips import and save. Output: one tab-separated line per
// step, "step<TAB>wall milliseconds<TAB>peak MiB<TAB>CPU milliseconds".
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include <CLI/CLI.hpp>

#include "analysis.h"
#include "chain_json.h"
#include "error.h"
#include "project_store.h"
#include "report.h"

namespace {

double peakMiB() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

double cpuMs() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

template <typename F>
void timed(const char* step, F f) {
    const auto start = std::chrono::steady_clock::now();
    const double cpuStart = cpuMs();
    f();
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    std::printf("%s\t%.1f\t%.0f\t%.1f\n", step, ms, peakMiB(), cpuMs() - cpuStart);
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
    using namespace traza;
    CLI::App app{"Time one session (import, save, open, analyze, report) on a chain file.", "traza-pipeline"};
    std::string input;
    std::string outDir = ".";
    std::string only;
    app.add_option("input", input, "chain JSON or .traza file")->required()->check(CLI::ExistingFile);
    app.add_option("--out-dir", outDir, "where the .traza and .xlsx files are written")->check(CLI::ExistingDirectory);
    app.add_option("--steps", only, "comma-separated subset of import,save,open,analyze,report (default: all)");
    reports::ReportOptions reportOptions;
    app.add_option("--national-layout-flows", reportOptions.nationalLayoutFlows,
                   "the report uses its national layout above this many flows (default: as traza-cli)");
    CLI11_PARSE(app, argc, argv);
    auto wanted = [&](const char* step) { return only.empty() || ("," + only + ",").find(std::string(",") + step + ",") != std::string::npos; };

    try {
        const std::filesystem::path dir(outDir);
        std::optional<model::Project> p;
        if (std::filesystem::path(input).extension() == ".traza") {
            timed("open", [&] { p = model::ProjectStore::open(input); });
        } else {
            std::string text;
            timed("read", [&] {
                std::ifstream in(input, std::ios::binary);
                std::ostringstream s;
                s << in.rdbuf();
                text = s.str();
            });
            timed("import", [&] { p = model::projectFromJson(text, model::Catalogue::installed()); });
            text = std::string();  // a user's session does not keep the JSON text
            const std::filesystem::path saved = dir / "pipeline.traza";
            if (wanted("save")) timed("save", [&] { model::ProjectStore::save(*p, saved); });
            if (wanted("save") && wanted("open")) {
                p.reset();  // open what was saved, as the next session would
                timed("open", [&] { p = model::ProjectStore::open(saved); });
            }
        }
        std::optional<risk::Analysis> a;
        if (wanted("analyze") || wanted("report")) timed("analyze", [&] { a = risk::analyze(*p); });
        if (wanted("report")) timed("report", [&] { reports::writeReport(*p, *a, dir / "pipeline.xlsx", reportOptions); });
        std::printf("actors\t%zu\nflows\t%zu\n", p->actors.size(), p->flows.size());
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "traza-pipeline: " << e.what() << '\n';
        return 1;
    }
}
