// JsonStreamWriter must write exactly what nlohmann-json's dump(2) writes for
// the same document: every document here is written both ways and compared
// byte for byte (issue #15: streamed output replaced dump() without changing
// a byte of the analysis or chain JSON).
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <limits>
#include <random>

#include <nlohmann/json.hpp>

#include "json_stream_writer.h"

using traza::model::JsonStreamWriter;
using nlohmann::ordered_json;

namespace {

// Writes an nlohmann value through the streaming writer, as the Traza writers do.
void stream(JsonStreamWriter& w, const ordered_json& j) {
    switch (j.type()) {
    case ordered_json::value_t::object:
        w.beginObject();
        for (const auto& [k, v] : j.items()) {
            w.key(k);
            stream(w, v);
        }
        w.endObject();
        break;
    case ordered_json::value_t::array:
        w.beginArray();
        for (const auto& v : j) stream(w, v);
        w.endArray();
        break;
    case ordered_json::value_t::string: w.string(j.get_ref<const std::string&>()); break;
    case ordered_json::value_t::number_float: w.number(j.get<double>()); break;
    case ordered_json::value_t::number_integer: w.integer(j.get<std::int64_t>()); break;
    case ordered_json::value_t::number_unsigned: w.integer(static_cast<std::int64_t>(j.get<std::uint64_t>())); break;
    case ordered_json::value_t::boolean: w.boolean(j.get<bool>()); break;
    default: w.null(); break;
    }
}

std::string streamed(const ordered_json& j, JsonStreamWriter::InvalidUtf8 mode = JsonStreamWriter::InvalidUtf8::Throw) {
    std::string out;
    std::size_t calls = 0;
    JsonStreamWriter w([&](std::string_view bytes) { out.append(bytes), ++calls; }, mode);
    stream(w, j);
    w.finish();
    return out;
}

double fromBits(std::uint64_t bits) {
    double d;
    std::memcpy(&d, &bits, sizeof d);
    return d;
}

}  // namespace

TEST_CASE("JsonStreamWriter - numbers are written digit for digit as nlohmann's dump writes them") {
    ordered_json a = ordered_json::array();
    for (double v : {0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.1 + 0.2, 1e-300, 5e-324, 2.2250738585072014e-308, 1e21, 1e22,
                     1e15, 1e16, 123456789012345678.0, 9007199254740993.0, 1e-5, 1e-4, 0.001, 1.5e300,
                     std::numeric_limits<double>::max(), -1e-7, 100.0, 225.25, 1.0 / 3.0, 2.0 / 3.0, 1e14, -1e14,
                     999999999999999.0, -999999999999999.0, 1e15 - 0.5, -5.0, 4503599627370496.0, 0.5, -0.5})
        a.push_back(v);
    // Not finite: nlohmann writes null.
    a.push_back(std::numeric_limits<double>::infinity());
    a.push_back(std::numeric_limits<double>::quiet_NaN());
    CHECK(streamed(a) == a.dump(2));
    CHECK(streamed(a).find("1e+21") != std::string::npos);
    CHECK(streamed(a).find("-0.0") != std::string::npos);

    // Random bit patterns cover every exponent; random small decimals the usual values.
    std::mt19937_64 random(15);
    ordered_json r = ordered_json::array();
    for (int i = 0; i < 20000; ++i) r.push_back(fromBits(random()));
    std::uniform_real_distribution<double> tonnes(0, 1e6);
    for (int i = 0; i < 20000; ++i) r.push_back(std::round(tonnes(random) * 1000) / 1000);
    for (int i = 0; i < 2000; ++i) r.push_back(static_cast<std::int64_t>(random()));
    r.push_back(std::numeric_limits<std::int64_t>::min());
    CHECK(streamed(r) == r.dump(2));
}

TEST_CASE("JsonStreamWriter - strings are escaped as nlohmann escapes them, invalid UTF-8 thrown or replaced") {
    const std::vector<std::string> texts{
        "",
        "plain ascii 123",
        "quote \" backslash \\ slash / del \x7f",
        std::string("nul \0 inside", 12),
        "\x01\x02\x1f \b\f\n\r\t",
        "Se\xc3\xb1or N\xc3\xba\xc3\xb1" "ez \xe2\x80\x94 \xe2\x82\xac \xf0\x9f\x98\x80 \xe2\x80\xa8",
    };
    ordered_json valid = ordered_json::object();
    for (std::size_t i = 0; i < texts.size(); ++i) valid["k" + std::to_string(i) + texts[i]] = texts[i];
    CHECK(streamed(valid) == valid.dump(2));
    CHECK(streamed(valid, JsonStreamWriter::InvalidUtf8::Replace) == valid.dump(2));

    const std::vector<std::string> invalid{
        "\xff", "abc\xc3", "\xc3(", "\xe2\x82", "x\xe2\x82y", "\xed\xa0\x80 surrogate", "\xc0\xaf overlong",
        "\xf4\x90\x80\x80 above U+10FFFF", "\x80\x80\x80", "ok \xf0\x9f\x98 cut", "end \xf0\x9f",
    };
    for (const std::string& text : invalid) {
        INFO(ordered_json(text).dump(-1, ' ', true, ordered_json::error_handler_t::replace));
        ordered_json a = ordered_json::array({text, 1});
        CHECK(streamed(a, JsonStreamWriter::InvalidUtf8::Replace) ==
              a.dump(2, ' ', false, ordered_json::error_handler_t::replace));
        CHECK_THROWS_AS(streamed(a), nlohmann::json::type_error);
        CHECK_THROWS_AS(a.dump(2), nlohmann::json::type_error);
    }
}

TEST_CASE("JsonStreamWriter - nesting, empty containers and keys are laid out as dump(2) lays them out") {
    const ordered_json doc = ordered_json::parse(R"({
        "a": [], "b": {}, "c": [[], {}, [1, [2, []]], {"x": {"y": {}}}],
        "d": null, "e": true, "f": false, "g": -12, "h": 1.5, "key \"quoted\"": "v",
        "levels": {"self_declared": {"by_stage": {"1": 0.5}, "horizon": null}}
    })");
    CHECK(streamed(doc) == doc.dump(2));
    ordered_json deep = {{"leaf", 1}};
    for (int i = 0; i < 45; ++i) deep = ordered_json::array({deep, i});  // deeper than the writer's indent string
    CHECK(streamed(deep) == deep.dump(2));
    const ordered_json longText = ordered_json::array({std::string(200000, 'x') + "\n" + std::string(70000, 'y'), "z"});
    CHECK(streamed(longText) == longText.dump(2));  // larger than the buffer, in one string
    CHECK(streamed(ordered_json::array()) == "[]");
    CHECK(streamed(ordered_json::object()) == "{}");
}

TEST_CASE("JsonStreamWriter - a large document reaches the sink in pieces, and whole only after finish") {
    ordered_json a = ordered_json::array();
    for (int i = 0; i < 50000; ++i) a.push_back({{"id", "flow-" + std::to_string(i)}, {"tonnes", i * 0.25}});
    std::string out;
    std::size_t calls = 0;
    JsonStreamWriter w([&](std::string_view bytes) { out.append(bytes), ++calls; });
    stream(w, a);
    const std::size_t before = out.size();
    w.finish();
    CHECK(calls > 10);
    CHECK(before < out.size());
    CHECK(out == a.dump(2));
}
