// The plain XML scanner against expat: the same events for what it reads,
// whatever the pieces it is fed in, and a refusal for everything beyond plain
// XML or not well-formed (the streamed import then reads the part with expat).
#include <catch2/catch.hpp>

#include "spreadsheet/plain_xml_scanner.h"
#include "spreadsheet/xml_sax.h"

using namespace traza;
using namespace traza::model;

namespace {

// Every event as a line; consecutive character data joined (expat splits it where it likes).
class Recorder : public XmlHandler {
public:
    std::vector<std::string> events;
    void startElement(std::string_view name, const XmlAttributes& a) override {
        std::string e = "<" + std::string(name);
        a.forEach([&](std::string_view n, std::string_view v) { e += " " + std::string(n) + "=[" + std::string(v) + "]"; });
        events.push_back(e);
    }
    void endElement(std::string_view name) override { events.push_back("</" + std::string(name)); }
    void characters(std::string_view t) override {
        if (!events.empty() && events.back().rfind("T:", 0) == 0) events.back() += t;
        else events.push_back("T:" + std::string(t));
    }
};

std::vector<std::string> byExpat(const std::string& doc) {
    Recorder r;
    XmlParser p(r, "x.xlsx", "sheet.xml");
    p.feed(doc);
    p.finish();
    return r.events;
}

std::vector<std::string> byScanner(const std::string& doc, std::size_t piece) {
    Recorder r;
    PlainXmlScanner s(r, "x.xlsx", "sheet.xml");
    for (std::size_t i = 0; i < doc.size(); i += piece) s.feed(std::string_view(doc).substr(i, piece));
    s.finish();
    return r.events;
}

}  // namespace

TEST_CASE("Plain XML scanner - the same events as expat, in pieces of any size") {
    const std::vector<std::string> docs{
        R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
        "\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"rel\"><dimension ref=\"A1:C3\"/>"
        "<sheetData><row r=\"1\"><c r=\"A1\" s=\"4\" t=\"inlineStr\"><is><t>Id</t></is></c><c r=\"B1\" t='s'><v>0</v></c></row>"
        "<row r=\"2\" spans=\"1:3\" x14ac:dyDescent=\"0.25\"><c r=\"A2\"><v>1.5E-3</v></c><c r=\"C2\" t=\"inlineStr\"><is><t xml:space=\"preserve\"> "
        "Asociación &amp; Cía &lt;b&gt; &quot;x&quot; &apos;y&apos; &#233;&#x20AC;&#10;línea\t2 ] ]] > </t></is></c></row></sheetData></worksheet>\n",
        "\xEF\xBB\xBF<a  b = 'x&#9;y&#13;' c=\"&lt;&gt;\" ><b/><c></c >text<d e=\"1\"/>\n</a>",
        "<x:root xmlns:x=\"u\"><x:c x:r=\"A1\">\xF0\x9F\x98\x80 \xE2\x82\xAC</x:c></x:root>",
        "<r>" + std::string(70000, 'z') + "&amp;" + std::string(5000, 'y') + "</r>",
    };
    for (const std::string& doc : docs) {
        INFO(doc.substr(0, 80));
        const auto expected = byExpat(doc);
        CHECK(byScanner(doc, doc.size()) == expected);
        CHECK(byScanner(doc, 1) == expected);
        CHECK(byScanner(doc, 7) == expected);
    }
}

TEST_CASE("Plain XML scanner - refuses what is beyond plain XML or not well-formed") {
    const std::vector<std::string> refused{
        "<a><!-- comment --></a>",
        "<a><![CDATA[x]]></a>",
        "<a><?pi x?></a>",
        "<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>",
        "<a>&e;</a>",
        "<a>x\r\ny</a>",
        "<a b=\"x\ty\"/>",
        "<a b=\"x\ny\"/>",
        "<a b=\"x<y\"/>",
        R"(<?xml version="1.0" encoding="ISO-8859-1"?><a/>)",
        R"(<?xml version="1.1"?><a/>)",
        "<a><b></a></b>",
        "<a><b></a>",
        "<a>",
        "<a b=\"1\" b=\"2\"/>",
        "<a b=\"1\"c=\"2\"/>",
        "<a b/>",
        "<a/><b/>",
        "x<a/>",
        "<a/>x",
        "<a>\xC3\x28</a>",
        "<a>\xEF\xBF\xBF</a>",
        "<a>&#0;</a>",
        "<a>&#xD800;</a>",
        "<a>&#X41;</a>",
        "<a>]]></a>",
        "<a>\x01</a>",
        "<1a/>",
        "<a\xC3\xA9/>",
        "",
    };
    for (const std::string& doc : refused) {
        INFO(doc);
        CHECK_THROWS_AS(byScanner(doc, doc.size() ? doc.size() : 1), PlainXmlRefusal);
        CHECK_THROWS_AS(byScanner(doc, 3), PlainXmlRefusal);
    }
    // Well-formed, so expat reads them: the scanner leaves them to it.
    for (const char* plainEnough : {"<a><!-- comment --></a>", "<a><![CDATA[x]]></a>", "<a>x\r\ny</a>"}) CHECK_NOTHROW(byExpat(plainEnough));
}
