#include "cell_text.h"

#include <wx/numformatter.h>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "error.h"
#include "labels.h"

namespace traza::gui::cells {
namespace {

// "1,234" is a thousand where the decimal mark is a point, "1.234" where it is a
// comma; otherwise the one
// separator present is the decimal mark, and with both the later one is.
std::string plainNumber(std::string s) {
    const auto comma = s.rfind(','), point = s.rfind('.');
    auto drop = [&](char c) { std::erase(s, c); };
    auto grouped = [&](char sep) {  // "1,234,567": every group after the first has three digits
        std::size_t start = s.find(sep);
        if (start == 0 || start == std::string::npos) return false;
        for (std::size_t at = start; at != std::string::npos; at = s.find(sep, at + 1)) {
            const std::size_t next = s.find(sep, at + 1);
            if ((next == std::string::npos ? s.size() : next) - at - 1 != 3) return false;
        }
        return true;
    };
    // The separator the cells do not show as their decimal mark groups thousands.
    const char thousands = decimalMark() == ',' ? '.' : ',';
    if (comma != std::string::npos && point != std::string::npos) {
        drop(comma > point ? '.' : ',');
        if (comma > point) std::replace(s.begin(), s.end(), ',', '.');
    } else if (comma != std::string::npos || point != std::string::npos) {
        const char sep = comma != std::string::npos ? ',' : '.';
        if (sep == thousands && grouped(sep)) drop(sep);
        else std::replace(s.begin(), s.end(), sep, '.');
    }
    return s;
}

}  // namespace

double number(const wxString& text, const std::string& key, std::optional<double> whenEmpty) {
    const std::string s = plainNumber(toUtf8(wxString(text).Trim().Trim(false)));
    if (s.empty()) {
        if (whenEmpty) return *whenEmpty;
        throw InvalidInput(key, toUtf8(_("a number is needed")));
    }
    double v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v))
        throw InvalidInput(key, toUtf8(wxString::Format(_("\"%s\" is not a number"), text)));
    return v;
}

int integer(const wxString& text, const std::string& key) {
    const double v = number(text, key);
    if (v != std::floor(v) || std::abs(v) > 1e9)
        throw InvalidInput(key, toUtf8(wxString::Format(_("\"%s\" is not a whole number"), text)));
    return static_cast<int>(v);
}

wxString show(double value) {
    return formatNumber(value, 3, wxNumberFormatter::Style_NoTrailingZeroes);
}

int choice(const wxString& text, const wxArrayString& labels, const std::vector<std::string_view>& names, const std::string& key) {
    const wxString t = wxString(text).Trim().Trim(false);
    for (std::size_t i = 0; i < labels.size(); ++i)
        if (t.CmpNoCase(labels[i]) == 0) return static_cast<int>(i);
    for (std::size_t i = 0; i < names.size(); ++i) {
        wxString name = toWx(std::string(names[i]));
        if (t.CmpNoCase(name) == 0) return static_cast<int>(i);
        name.Replace("_", " ");
        if (t.CmpNoCase(name) == 0) return static_cast<int>(i);
    }
    wxString allowed;
    for (std::size_t i = 0; i < labels.size(); ++i) allowed << (i ? ", " : "") << labels[i];
    throw InvalidInput(key, toUtf8(wxString::Format(_("\"%s\" is not one of: %s"), text, allowed)));
}

std::vector<wxString> list(const wxString& text) {
    std::vector<wxString> parts;
    wxString part;
    auto flush = [&] {
        part.Trim().Trim(false);
        if (!part.empty()) parts.push_back(part);
        part.clear();
    };
    for (wxUniChar c : text) {
        if (c == ';' || c == ',') flush();
        else part += c;
    }
    flush();
    return parts;
}

}  // namespace traza::gui::cells
