#include "server_location.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace traza::model {
namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::string percentDecoded(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
            std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
            out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
            i += 2;
        } else {
            out += s[i] == '+' ? ' ' : s[i];
        }
    }
    return out;
}

// Replaces every occurrence of every secret in `text` by "***", all found in
// the original text first (overlaps merged), so one replacement can never
// make or hide another's occurrence.
std::string replaced(const std::string& text, const std::vector<std::string>& secrets) {
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    for (const std::string& s : secrets)
        if (!s.empty())
            for (std::size_t at = text.find(s); at != std::string::npos; at = text.find(s, at + 1)) spans.push_back({at, at + s.size()});
    if (spans.empty()) return text;
    std::sort(spans.begin(), spans.end());
    std::string out;
    std::size_t done = 0;
    for (std::size_t i = 0; i < spans.size();) {
        std::size_t end = spans[i].second;
        const std::size_t start = spans[i].first;
        for (++i; i < spans.size() && spans[i].first <= end; ++i) end = std::max(end, spans[i].second);
        out += text.substr(done, start - done) + "***";
        done = end;
    }
    return out + text.substr(done);
}

}  // namespace

bool isServerLocation(std::string_view text) {
    const std::string head = lower(text.substr(0, 13));
    return head.rfind("postgresql://", 0) == 0 || head.rfind("postgres://", 0) == 0;
}

ServerLocation::ServerLocation(std::string_view uri, bool needsProject) {
    const std::string text(uri);
    // The password sits between "user:" and "@" in the authority, or in password=.
    const std::size_t scheme = text.find("://") + 3;
    const std::size_t authorityEnd = std::min(text.find_first_of("/?", scheme), text.size());
    const std::size_t at = text.rfind('@', authorityEnd);
    std::vector<std::string> secrets;
    if (at != std::string::npos && at >= scheme) {
        const std::size_t colon = text.find(':', scheme);
        if (colon != std::string::npos && colon < at) secrets.push_back(text.substr(colon + 1, at - colon - 1));
    }
    const std::size_t query = text.find('?', scheme);
    std::string base = text.substr(0, query);
    std::vector<std::string> kept;
    if (query != std::string::npos) {
        std::size_t start = query + 1;
        while (start <= text.size()) {
            std::size_t end = text.find('&', start);
            if (end == std::string::npos) end = text.size();
            const std::string param = text.substr(start, end - start);
            const std::string key = lower(param.substr(0, param.find('=')));
            const std::string value = param.find('=') == std::string::npos ? "" : param.substr(param.find('=') + 1);
            if (key == "project") m_project = percentDecoded(value);
            else if (!param.empty()) kept.push_back(param);
            if (key == "password") secrets.push_back(value);
            start = end + 1;
        }
    }
    m_connection = base;
    for (std::size_t i = 0; i < kept.size(); ++i) m_connection += (i == 0 ? "?" : "&") + kept[i];
    // The password as given and as decoded (libpq may quote either).
    for (std::size_t i = 0, n = secrets.size(); i < n; ++i)
        if (percentDecoded(secrets[i]) != secrets[i]) secrets.push_back(percentDecoded(secrets[i]));
    m_secrets = secrets;
    m_display = replaced(text, m_secrets);
    if (!isServerLocation(text)) throw InvalidInput(m_display, "not a postgresql:// location");
    if (needsProject && m_project.empty())
        throw InvalidInput(m_display, "give the project in the location: postgresql://host/database?project=NAME");
}

std::string ServerLocation::redacted(std::string text) const { return replaced(text, m_secrets); }

}  // namespace traza::model
