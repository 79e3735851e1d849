#include "dominators.h"

#include <utility>

namespace traza::risk {

// The iterative algorithm of Cooper, Harvey and Kennedy ("A Simple, Fast
// Dominance Algorithm", 2001) over the chain plus a virtual root: visit the
// vertices in reverse postorder, intersect the dominators of each vertex's
// already visited predecessors, repeat until nothing changes. A chain is
// nearly acyclic, so it settles after one pass and a check pass, with plain
// arrays only (Boost's Lengauer–Tarjan allocated a bucket per vertex and
// needed a copy of the graph).
Dominance computeDominators(const ChainGraph& chain, const DestinationSet& dest) {
    const std::size_t n = chain.vertexCount();
    const std::size_t root = n;  // the virtual root, linked to every source
    constexpr std::size_t none = static_cast<std::size_t>(-1);

    // Postorder numbers by an iterative depth-first search from the root.
    // Vertices the root does not reach (fed only by a closed cycle) keep `none`.
    std::vector<std::size_t> post(n + 1, none);
    std::vector<std::size_t> order;  // vertices in postorder
    order.reserve(n + 1);
    std::vector<char> seen(n + 1, 0);
    {
        // Each frame: a vertex and the position of the next out-edge to follow.
        struct Frame {
            std::size_t v;
            OutEdges::iterator next, end;
            std::size_t nextSource;  // for the root: the next vertex to test as a source
        };
        std::vector<Frame> stack;
        stack.push_back({root, {}, {}, 0});
        seen[root] = 1;
        while (!stack.empty()) {
            Frame& f = stack.back();
            std::size_t child = none;
            if (f.v == root) {
                while (f.nextSource < n && child == none) {
                    const std::size_t s = f.nextSource++;
                    if (chain.isSource(s) && !seen[s]) child = s;
                }
            } else {
                while (f.next != f.end && child == none) {
                    const std::size_t t = chain.target(*f.next++);
                    if (!seen[t]) child = t;
                }
            }
            if (child == none) {
                post[f.v] = order.size();
                order.push_back(f.v);
                stack.pop_back();
                continue;
            }
            seen[child] = 1;
            const OutEdges out = chain.outEdges(child);
            stack.push_back({child, out.begin(), out.end(), 0});
        }
    }

    std::vector<std::size_t> idom(n + 1, none);
    idom[root] = root;
    auto intersect = [&](std::size_t a, std::size_t b) {
        while (a != b) {
            while (post[a] < post[b]) a = idom[a];
            while (post[b] < post[a]) b = idom[b];
        }
        return a;
    };
    for (bool changed = true; changed;) {
        changed = false;
        for (std::size_t i = order.size(); i-- > 0;) {  // reverse postorder
            const std::size_t v = order[i];
            if (v == root) continue;
            std::size_t candidate = chain.isSource(v) ? root : none;
            for (std::size_t e : chain.inEdges(v)) {
                const std::size_t p = chain.source(e);
                if (idom[p] == none) continue;  // not visited yet, or not reached
                candidate = candidate == none ? p : intersect(p, candidate);
            }
            if (candidate != none && idom[v] != candidate) {
                idom[v] = candidate;
                changed = true;
            }
        }
    }

    Dominance out;
    out.dominates.assign(n, {});
    out.reachable.assign(n, 0);
    for (Vertex v = 0; v < n; ++v) out.reachable[v] = post[v] != none;
    for (Vertex d : dest.vertices) {
        if (!out.reachable[d]) continue;
        for (std::size_t a = idom[d]; a != none && a != root; a = idom[a]) out.dominates[a].push_back(d);
    }
    return out;
}

}  // namespace traza::risk
