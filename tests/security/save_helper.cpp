// traza_save_helper: a process for kill_during_save_test.sh to kill.
//
//   traza_save_helper init FILE    save project A to FILE
//   traza_save_helper loop FILE    print "ready", then save B, A, B, ... to FILE until killed
//   traza_save_helper check FILE   exit 0 if FILE opens and equals A or B (prints which), else 1
//
// A and B are large generated chains (seeded, so every run makes the same two),
// so that a save takes long enough for a random kill to land inside it.
#include <cstdio>
#include <cstring>
#include <exception>
#include <string>

#include "catalogue.h"
#include "project_store.h"
#include "random_chain.h"

using namespace traza;
using namespace traza::model;

namespace {

Project generated(std::uint32_t seed) {
    security::RandomChain random(seed);
    return random.make(Catalogue::installed(), 3000, 40000 + static_cast<int>(seed) * 1000);
}

bool samePositions(const Project& a, const Project& b) {
    for (std::size_t i = 0; i < a.actors.size(); ++i)
        if (a.actors[i].hasPosition != b.actors[i].hasPosition || a.actors[i].x != b.actors[i].x || a.actors[i].y != b.actors[i].y)
            return false;
    return true;
}

bool same(const Project& a, const Project& b) {
    return a.sameChain(b) && a.catalogue.texts() == b.catalogue.texts() && samePositions(a, b);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s init|loop|check FILE\n", argv[0]);
        return 2;
    }
    const std::string mode = argv[1];
    const std::filesystem::path file = argv[2];
    try {
        if (mode == "init") {
            ProjectStore::save(generated(1), file);
            return 0;
        }
        if (mode == "loop") {
            const Project projects[] = {generated(2), generated(1)};
            std::printf("ready\n");
            std::fflush(stdout);
            for (unsigned long n = 0;; ++n) {
                ProjectStore::save(projects[n % 2], file);
                std::printf("saved %lu\n", n + 1);
                std::fflush(stdout);
            }
        }
        if (mode == "check") {
            const Project back = ProjectStore::open(file);
            if (same(back, generated(1))) std::printf("A\n");
            else if (same(back, generated(2))) std::printf("B\n");
            else {
                std::printf("%s opens but is neither project A nor project B\n", file.c_str());
                return 1;
            }
            return 0;
        }
    } catch (const std::exception& e) {
        std::printf("%s\n", e.what());
        return 1;
    }
    std::fprintf(stderr, "unknown mode %s\n", mode.c_str());
    return 2;
}
