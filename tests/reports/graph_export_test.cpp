// The chain exported for other tools, checked by independent readers: GraphML
// read back with networkx, DOT parsed by Graphviz's own parser (agmemread), SVG
// parsed with Python's xml.etree, PNG by its signature and header.
#include <catch2/catch.hpp>
#include <cgraph.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <map>
#include <memory>

#include "chain_export.h"
#include "error.h"
#include "graph_export.h"
#include "report_fixture.h"

using namespace traza;
using namespace traza::reports;
using Json = nlohmann::json;

namespace {

std::string run(const std::string& command) {
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    REQUIRE(pipe);
    std::string out;
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, pipe.get())) out.append(buf, n);
    return out;
}

// What /usr/bin/python3 read_graph.py makes of a file.
Json readBack(const std::string& mode, const std::filesystem::path& file) {
    const std::string out = run("/usr/bin/python3 " TRAZA_READ_GRAPH_PY " " + mode + " '" + file.string() + "'");
    INFO(out);
    REQUIRE(!out.empty());
    return Json::parse(out);
}

void writeText(const std::filesystem::path& file, const std::string& text) {
    std::ofstream(file, std::ios::binary) << text;
}

double tonnesOf(const model::Project& p) {
    double t = 0;
    for (const model::Flow& f : p.flows) t += f.tonnes;
    return t;
}

// A chain whose names and ids carry what breaks careless writers.
model::Project hostileProject() {
    model::Project p;
    p.assessment.title = "Title \"quoted\" & <tagged>";
    const std::vector<std::pair<std::string, std::string>> actors = {
        {"a \"1\"", "Recicladores \"La Unión\" & Cía <S.A.S.>"},
        {"b&2", "Línea 1\nLínea 2 ñandú ü"},
        {"c\\3", "back\\slash \\n not a newline, tab\there"},
        {"node", "digraph { -> } ; -- 'single' é"},
        {"refiner", "Fundição Brasil — refino"},
    };
    for (const auto& [id, name] : actors) {
        model::Actor a;
        a.id = id;
        a.name = name;
        a.kind = model::ActorKind::Intermediary;
        a.stage = 3;
        a.notes = "note with ]]> and </data> and &amp;";
        p.actors.push_back(a);
    }
    p.actors.back().kind = model::ActorKind::Refiner;
    p.actors.back().stage = 5;
    const auto flow = [&](std::string id, std::string from, std::string to, double t) {
        model::Flow f;
        f.id = std::move(id);
        f.from = std::move(from);
        f.to = std::move(to);
        f.tonnes = t;
        f.typology = "rrrm-4";
        f.notes = "pagó \"en efectivo\"\r\nsin factura";
        p.flows.push_back(f);
    };
    flow("f \"1\"", "a \"1\"", "b&2", 10.25);
    flow("f<2>", "b&2", "c\\3", 7.5);
    flow("f3", "c\\3", "node", 7.5);
    flow("f4", "node", "refiner", 7.5);
    flow("f5", "node", "refiner", 1e-3);  // a parallel flow stays its own edge
    return p;
}

// Undo chainDot's three escapes (what a DOT reader of the data attributes does).
std::string dotUnescape(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            const char next = s[++i];
            out += next == 'n' ? '\n' : next;
        } else {
            out += s[i];
        }
    }
    return out;
}

struct GraphDeleter {
    void operator()(Agraph_t* g) const { agclose(g); }
};

std::string attr(void* obj, const char* name) {
    char* v = agget(obj, const_cast<char*>(name));
    return v ? std::string(v) : std::string();
}

}  // namespace

TEST_CASE("GraphExport - GraphML of the CARE sample reads back in networkx with every actor, flow and tonne", "[export]") {
    const model::Project p = test::careProject();
    const risk::Analysis a = risk::analyze(p);
    test::ScratchDir dir;
    writeText(dir.path() / "care.graphml", chainGraphMl(p, &a));
    const Json g = readBack("graphml", dir.path() / "care.graphml");
    CHECK(g["directed"] == true);
    CHECK(g["nodes"] == p.actors.size());
    CHECK(g["edges"] == p.flows.size());
    CHECK(g["tonnes"].get<double>() == Approx(tonnesOf(p)).epsilon(1e-12));
    CHECK(g["tonnes"].get<double>() == Approx(688.6).margin(1e-9));  // the sample's flows summed by Python from its JSON
    for (const model::Actor& actor : p.actors) {
        INFO(actor.id);
        const Json& n = g["node_attrs"][actor.id];
        CHECK(n.value("name", "") == actor.name);
        CHECK(n["kind"] == std::string(model::toString(actor.kind)));
        CHECK(n["stage"] == actor.stage);  // typed int, not text
        CHECK(n.value("country", "") == actor.country);
        CHECK(n["flow_share"].get<double>() == Approx(a.actor(actor.id)->flowShare));
    }
    const Json& org1 = g["node_attrs"]["org1"];
    CHECK(org1["public_service_provider"] == true);
    for (const Json& e : g["edge_attrs"]) {
        const model::Flow* f = p.findFlow(e.value("id", ""));
        REQUIRE(f);
        CHECK(e["source"] == f->from);
        CHECK(e["target"] == f->to);
        CHECK(e["tonnes"].get<double>() == f->tonnes);  // full precision
        CHECK(e["evidence"] == std::string(model::toString(f->evidence)));
        CHECK(e.value("typology", "") == f->typology);  // networkx leaves empty <data> out
        CHECK(e["period"] == "2025-01-01/2025-12-31");  // the assessment's period
    }
}

TEST_CASE("GraphExport - hostile names survive GraphML exactly (quotes, ampersands, accents, newlines)", "[export]") {
    const model::Project p = hostileProject();
    test::ScratchDir dir;
    writeText(dir.path() / "hostile.graphml", chainGraphMl(p));
    const Json g = readBack("graphml", dir.path() / "hostile.graphml");
    CHECK(g["nodes"] == 5);
    CHECK(g["edges"] == 5);  // the parallel flows node -> refiner are two edges
    CHECK(g["tonnes"].get<double>() == Approx(tonnesOf(p)));
    for (const model::Actor& actor : p.actors) {
        INFO(actor.id);
        REQUIRE(g["node_attrs"].contains(actor.id));
        CHECK(g["node_attrs"][actor.id]["name"] == actor.name);
        CHECK(g["node_attrs"][actor.id].value("notes", "") == actor.notes);
    }
    for (const Json& e : g["edge_attrs"]) CHECK(e.value("notes", "") == p.flows[0].notes);  // CR LF kept
}

TEST_CASE("GraphExport - characters XML cannot carry become U+FFFD, not a broken file", "[export]") {
    model::Project p = hostileProject();
    p.actors[0].name = std::string("bell\x07 and bad byte \xC3(");
    test::ScratchDir dir;
    writeText(dir.path() / "controls.graphml", chainGraphMl(p));
    const Json g = readBack("graphml", dir.path() / "controls.graphml");
    CHECK(g["node_attrs"][p.actors[0].id]["name"] == "bell\xEF\xBF\xBD and bad byte \xEF\xBF\xBD(");
}

TEST_CASE("GraphExport - DOT parses with Graphviz with the same actors, flows and tonnes (CARE and hostile names)", "[export]") {
    for (const model::Project& p : {test::careProject(), hostileProject()}) {
        const risk::Analysis a = risk::analyze(p);
        std::string dot = chainDot(p, &a);
        INFO(dot);
        std::unique_ptr<Agraph_t, GraphDeleter> g(agmemread(dot.c_str()));
        REQUIRE(g);
        CHECK(agisdirected(g.get()));
        CHECK(agnnodes(g.get()) == static_cast<int>(p.actors.size()));
        CHECK(agnedges(g.get()) == static_cast<int>(p.flows.size()));
        // Graphviz keeps `\\` and `\n` as written (label escapes) and reads `\"` as a quote.
        std::map<std::string, Agnode_t*> byId;
        for (Agnode_t* n = agfstnode(g.get()); n; n = agnxtnode(g.get(), n)) byId[dotUnescape(agnameof(n))] = n;
        for (const model::Actor& actor : p.actors) {
            INFO(actor.id);
            REQUIRE(byId.count(actor.id));
            Agnode_t* n = byId[actor.id];
            CHECK(dotUnescape(attr(n, "name")) == actor.name);
            CHECK(dotUnescape(attr(n, "label")) == actor.name);
            CHECK(attr(n, "stage") == std::to_string(actor.stage));
        }
        double tonnes = 0;
        int flows = 0;
        for (Agnode_t* n = agfstnode(g.get()); n; n = agnxtnode(g.get(), n))
            for (Agedge_t* e = agfstout(g.get(), n); e; e = agnxtout(g.get(), e)) {
                const model::Flow* f = p.findFlow(dotUnescape(attr(e, "id")));
                REQUIRE(f);
                CHECK(dotUnescape(agnameof(agtail(e))) == f->from);
                CHECK(dotUnescape(agnameof(aghead(e))) == f->to);
                CHECK(dotUnescape(attr(e, "notes")) == (f->notes.find('\r') != std::string::npos ? "pagó \"en efectivo\"\nsin factura" : f->notes));
                tonnes += std::stod(attr(e, "tonnes"));
                ++flows;
            }
        CHECK(flows == static_cast<int>(p.flows.size()));
        CHECK(tonnes == Approx(tonnesOf(p)).epsilon(1e-12));
    }
}

TEST_CASE("ChainExport - the chain map is a valid PNG and an SVG that parses as XML", "[export]") {
    const model::Project p = test::careProject();
    const risk::Analysis a = risk::analyze(p);
    test::ScratchDir dir;
    writeChainExport(p, a, dir.path() / "map.png", ChainFormat::Png);
    writeChainExport(p, a, dir.path() / "map.svg", ChainFormat::Svg, "es");
    const std::string png = chainExportData(p, a, ChainFormat::Png);
    REQUIRE(png.size() > 1000);
    CHECK(png.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
    CHECK(std::filesystem::file_size(dir.path() / "map.png") == png.size());
    const auto be32 = [&](std::size_t at) {
        return int(static_cast<unsigned char>(png[at])) << 24 | int(static_cast<unsigned char>(png[at + 1])) << 16 |
               int(static_cast<unsigned char>(png[at + 2])) << 8 | int(static_cast<unsigned char>(png[at + 3]));
    };
    CHECK(be32(16) > 200);  // width
    CHECK(be32(20) > 100);  // height
    const Json svg = readBack("svg", dir.path() / "map.svg");
    CHECK(svg["root"] == "{http://www.w3.org/2000/svg}svg");
    CHECK(svg["nodes"] == p.actors.size());
    CHECK(dir.files() == std::vector<std::string>{"map.png", "map.svg"});  // no temporary files left
}

TEST_CASE("ChainExport - an SVG of hostile names is still well-formed XML", "[export]") {
    const model::Project p = hostileProject();
    test::ScratchDir dir;
    writeChainExport(p, risk::analyze(p), dir.path() / "hostile.svg", ChainFormat::Svg);
    const Json svg = readBack("svg", dir.path() / "hostile.svg");
    CHECK(svg["nodes"] == 5);
    bool quoted = false;
    for (const Json& t : svg["texts"]) quoted = quoted || t.get<std::string>().find("\"La Unión\" & Cía <S.A.S.>") != std::string::npos;
    CHECK(quoted);
}

TEST_CASE("ChainExport - formats come from their names and file extensions", "[export]") {
    CHECK(parseChainFormat("graphml") == ChainFormat::GraphMl);
    CHECK(parseChainFormat("dot") == ChainFormat::Dot);
    CHECK(parseChainFormat("svg") == ChainFormat::Svg);
    CHECK(parseChainFormat("png") == ChainFormat::Png);
    CHECK_FALSE(parseChainFormat("xlsx"));
    CHECK(chainFormatForPath("a/chain.GraphML") == ChainFormat::GraphMl);
    CHECK(chainFormatForPath("chain.gv") == ChainFormat::Dot);
    CHECK(chainFormatForPath("map.PNG") == ChainFormat::Png);
    CHECK_FALSE(chainFormatForPath("chain.json"));
    CHECK_FALSE(chainFormatForPath("chain"));
}

TEST_CASE("ChainExport - a file that cannot be written is reported by name and an existing file is kept", "[export]") {
    const model::Project p = test::careProject();
    const risk::Analysis a = risk::analyze(p);
    test::ScratchDir dir;
    CHECK_THROWS_AS(writeChainExport(p, a, dir.path() / "missing" / "x.dot", ChainFormat::Dot), traza::IoError);
    try {
        writeChainExport(p, a, dir.path() / "missing" / "x.dot", ChainFormat::Dot);
    } catch (const traza::IoError& e) {
        CHECK(std::string(e.what()).find("x.dot") != std::string::npos);
    }
    writeText(dir.path() / "old.graphml", "old");
    writeChainExport(p, a, dir.path() / "old.graphml", ChainFormat::GraphMl);
    std::ifstream in(dir.path() / "old.graphml");
    std::string first;
    std::getline(in, first);
    CHECK(first == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
}
