#include "bench_fixture.h"

#include <sys/resource.h>
#include <unistd.h>

#include <memory>

#include "chain_json.h"
#include "project_store.h"

namespace traza::bench {

BenchChain::BenchChain(std::size_t flows, bool cycles)
    : m_shape(ChainShape::forFlows(flows, 2025, cycles)),
      m_project(generateChain(m_shape, model::Catalogue::installed())) {}

const std::string& BenchChain::json() {
    if (m_json.empty()) m_json = model::projectToJson(m_project);
    return m_json;
}

const std::filesystem::path& BenchChain::savedFile() {
    if (m_saved.empty()) {
        m_saved = scratchDirectory() / ("chain-" + std::to_string(m_shape.flows) + (m_shape.cycles ? "-cycles" : "") +
                                        ".traza");
        model::ProjectStore::save(m_project, m_saved);
    }
    return m_saved;
}

const risk::Analysis& BenchChain::analysis() {
    if (!m_analysis) m_analysis = risk::analyze(m_project);
    return *m_analysis;
}

BenchChain& benchChain(std::size_t flows, bool cycles) {
    static std::unique_ptr<BenchChain> current;
    if (!current || current->shape().flows != flows || current->shape().cycles != cycles) {
        current.reset();  // free the previous chain before drawing the next
        current = std::make_unique<BenchChain>(flows, cycles);
    }
    return *current;
}

namespace {

struct Scratch {
    std::filesystem::path dir;
    Scratch() {
        dir = std::filesystem::temp_directory_path() / ("traza-bench-" + std::to_string(::getpid()));
        std::filesystem::create_directories(dir);
    }
    ~Scratch() {
        std::error_code ignored;
        std::filesystem::remove_all(dir, ignored);
    }
};

}  // namespace

const std::filesystem::path& scratchDirectory() {
    static Scratch scratch;
    return scratch.dir;
}

double peakRssMiB() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

}  // namespace traza::bench
