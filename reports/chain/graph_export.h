#pragma once
// The chain as a graph file for other tools: GraphML (yEd, Gephi, networkx) and
// Graphviz DOT. One node per actor, one edge per flow (parallel flows stay
// separate edges), every chain field as an attribute, plus the analysis results
// of each actor when an analysis is given. Text only, no Graphviz call: the CLI
// and the GUI write these without a layout.
#include <string>

#include "analysis.h"
#include "project.h"

namespace traza::reports {

/// GraphML 1.0 text of the chain, UTF-8. Node attributes (GraphML keys, typed):
/// name, kind, stage (int), country, region, formality, headcount (int),
/// capacity_t, stock_change_t, loss_t (double), public_service_provider (boolean),
/// risk_factors (ids joined by ", "), notes; with an analysis also in_t, out_t,
/// flow_share (double), choke_point (boolean), risk_level. Edge attributes:
/// the flow id as the edge id, material, tonnes, documented_t, price_per_t
/// (double), period ("start/end", the assessment's when the flow has none),
/// evidence, documents, payment, typology, notes. Text is escaped for XML;
/// characters XML 1.0 cannot carry (control characters, ill-formed UTF-8) become U+FFFD.
std::string chainGraphMl(const model::Project&, const risk::Analysis* analysis = nullptr);

/// Graphviz DOT text of the chain: a digraph laid out left to right, actors as
/// boxes labelled with their names, flows labelled with their tonnes, and the
/// same attributes as chainGraphMl. Every id and value is a quoted string
/// escaped the way Graphviz reads labels: `\\` for a backslash, `\"` for a
/// quote, `\n` for a line break; so labels render exactly the name, and a
/// reader that undoes those three escapes gets every value back exactly.
std::string chainDot(const model::Project&, const risk::Analysis* analysis = nullptr);

/// The text of a DOT value as written by chainDot before quoting (tests, callers).
std::string dotEscape(const std::string& text);
/// Text safe as XML character data or attribute value (escapes & < > " ' and
/// line breaks, replaces what XML 1.0 cannot carry by U+FFFD).
std::string xmlEscape(const std::string& text);

}  // namespace traza::reports
