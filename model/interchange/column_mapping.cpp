#include "column_mapping.h"

#include <charconv>
#include <cmath>

#include "error.h"
#include "word_match.h"

namespace traza::model {
namespace {

std::string trimmed(std::string_view s) {
    const std::size_t b = s.find_first_not_of(" \t\r");
    if (b == std::string_view::npos) return {};
    const std::size_t e = s.find_last_not_of(" \t\r");
    return std::string(s.substr(b, e - b + 1));
}

std::string numberText(double v) {
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, end);
}

}  // namespace

ColumnRule ColumnMapping::parseRule(std::string_view text, const std::string& where) {
    // The last '=' splits, so a header may itself hold '=' ("Peso = kg=tonnes/1000").
    const std::size_t eq = text.rfind('=');
    if (eq == std::string_view::npos)
        throw InvalidInput(where, "a column rule is HEADER=FIELD, HEADER=FIELD/1000 or HEADER=ignore (got \"" + std::string(text) + "\")");
    ColumnRule rule;
    rule.header = trimmed(text.substr(0, eq));
    if (rule.header.empty()) throw InvalidInput(where, "the column rule \"" + std::string(text) + "\" names no header before '='");
    std::string target = trimmed(text.substr(eq + 1));
    const std::size_t op = target.find_first_of("*/");
    if (op != std::string::npos) {
        const std::string number = trimmed(std::string_view(target).substr(op + 1));
        double n = 0;
        auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), n);
        if (ec != std::errc() || end != number.data() + number.size() || !std::isfinite(n) || n <= 0)
            throw InvalidInput(where, "the factor in \"" + std::string(text) + "\" must be a positive number with a decimal point, e.g. tonnes/1000");
        rule.factor = target[op] == '/' ? 1.0 / n : n;
        target = trimmed(std::string_view(target).substr(0, op));
    }
    if (target.empty()) throw InvalidInput(where, "the column rule \"" + std::string(text) + "\" names no field after '='");
    const std::string t = normaliseWord(target);
    if (t == "ignore" || t == "ignorar" || t == "skip") {
        if (op != std::string::npos) throw InvalidInput(where, "an ignored column takes no factor (\"" + std::string(text) + "\")");
        return rule;
    }
    rule.field = target;
    return rule;
}

ColumnMapping ColumnMapping::parse(std::string_view text, const std::string& name) {
    ColumnMapping m;
    std::size_t line = 0;
    std::size_t start = 0;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") start = 3;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        ++line;
        const std::string l = trimmed(text.substr(start, end - start));
        if (!l.empty() && l[0] != '#') m.add(parseRule(l, name + ":" + std::to_string(line)));
        start = end + 1;
    }
    return m;
}

void ColumnMapping::add(ColumnRule rule) {
    const std::string key = normaliseWord(rule.header);
    for (ColumnRule& r : m_rules)
        if (normaliseWord(r.header) == key) {
            r = std::move(rule);
            return;
        }
    m_rules.push_back(std::move(rule));
}

void ColumnMapping::merge(const ColumnMapping& other) {
    for (const ColumnRule& r : other.m_rules) add(r);
}

const ColumnRule* ColumnMapping::find(std::string_view header) const {
    const std::string key = normaliseWord(header);
    // Matched on the whole header, unit included, so "Peso (kg)" and "Peso (lb)" may differ.
    for (const ColumnRule& r : m_rules)
        if (r.header == header) return &r;
    for (const ColumnRule& r : m_rules)
        if (normaliseWord(r.header) == key) return &r;
    return nullptr;
}

std::string ruleText(const ColumnRule& r) {
    if (r.field.empty()) return r.header + "=ignore";
    if (r.factor == 1) return r.header + "=" + r.field;
    if (r.factor < 1) {
        const double divisor = 1.0 / r.factor;
        if (divisor == std::round(divisor) && 1.0 / divisor == r.factor) return r.header + "=" + r.field + "/" + numberText(divisor);
    }
    return r.header + "=" + r.field + "*" + numberText(r.factor);
}

std::string ColumnMapping::toText() const {
    std::string out;
    for (const ColumnRule& r : m_rules) out += ruleText(r) + "\n";
    return out;
}

}  // namespace traza::model
