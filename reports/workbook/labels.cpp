#include "labels.h"

#include <algorithm>
#include <unordered_map>

#include "error.h"
#include "label_table.h"

namespace traza::reports {

namespace {

const std::vector<LabelEntry>& table() {
    static const std::vector<LabelEntry> entries = [] {
        std::vector<LabelEntry> all;
        sheetLabels(all);
        columnLabels(all);
        noteLabels(all);
        analysisLabels(all);
        progressLabels(all);
        return all;
    }();
    return entries;
}

const std::unordered_map<std::string_view, const LabelEntry*>& index() {
    static const auto map = [] {
        std::unordered_map<std::string_view, const LabelEntry*> m;
        for (const LabelEntry& e : table()) m.emplace(e.key, &e);
        return m;
    }();
    return map;
}

}  // namespace

Labels::Labels(std::string language) : m_language(std::move(language)) {
    const auto langs = languages();
    if (std::find(langs.begin(), langs.end(), m_language) == langs.end())
        throw InvalidInput("language", "unknown report language \"" + m_language + "\" (one of: en, es)");
}

const std::string* Labels::find(std::string_view key) const {
    auto it = index().find(key);
    if (it == index().end()) return nullptr;
    return m_language == "es" && !it->second->es.empty() ? &it->second->es : &it->second->en;
}

const std::string& Labels::operator()(std::string_view key) const {
    if (const std::string* s = find(key)) return *s;
    throw Error("report: no label \"" + std::string(key) + "\"");
}

std::string Labels::format(std::string_view key, std::initializer_list<std::string> args) const {
    std::string s = (*this)(key);
    int n = 1;
    for (const std::string& a : args) {
        const std::string mark = "{" + std::to_string(n++) + "}";
        for (std::size_t at = s.find(mark); at != std::string::npos; at = s.find(mark, at + a.size()))
            s.replace(at, mark.size(), a);
    }
    return s;
}

std::string Labels::level(const std::string& level) const {
    const std::string* s = find("level." + level);
    return s ? *s : level;
}

std::string Labels::status(std::string_view status) const { return (*this)("status." + std::string(status)); }

bool Labels::translated(std::string_view key, const std::string& language) {
    auto it = index().find(key);
    if (it == index().end()) return false;
    return language == "es" ? !it->second->es.empty() : language == "en" && !it->second->en.empty();
}

std::vector<std::string_view> Labels::keys() {
    std::vector<std::string_view> k;
    for (const LabelEntry& e : table()) k.push_back(e.key);
    return k;
}

}  // namespace traza::reports
