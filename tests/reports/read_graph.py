"""Independent readers for the graph export tests (run with /usr/bin/python3).

  read_graph.py graphml FILE  -> JSON: node and edge counts, the tonnes sum and
                                 every node's and edge's attributes, read by networkx
  read_graph.py svg FILE      -> JSON: root tag and the number of <g class="node">, read by xml.etree
"""
import json
import sys
import xml.etree.ElementTree as ET

import networkx as nx


def graphml(path):
    g = nx.read_graphml(path)
    edges = [dict(data, source=u, target=v) for u, v, data in g.edges(data=True)]
    return {
        "directed": g.is_directed(),
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "tonnes": sum(e.get("tonnes", 0.0) for e in edges),
        "node_attrs": {n: d for n, d in g.nodes(data=True)},
        "edge_attrs": edges,
    }


def svg(path):
    root = ET.parse(path).getroot()
    ns = "{http://www.w3.org/2000/svg}"
    nodes = [g for g in root.iter(ns + "g") if g.get("class") == "node"]
    texts = ["".join(t.itertext()) for t in root.iter(ns + "text")]
    return {"root": root.tag, "nodes": len(nodes), "texts": texts}


if __name__ == "__main__":
    mode, path = sys.argv[1], sys.argv[2]
    print(json.dumps({"graphml": graphml, "svg": svg}[mode](path), ensure_ascii=True))
