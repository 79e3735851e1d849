#pragma once
// A generated sentence of the analysis (a risk or choke-point reason, a trace
// break's reason, a red flag's detail). A national chain has about 140 000 of
// them and a user reads a few at a time, so a Sentence is cheap to make and to
// copy: it shares its source (finished text that thousands of actors have in
// common, or a catalogue template with its values) and the words are put
// together only when text() is asked for. text() gives exactly the words the
// analysis used to store, so JSON output and reports do not change.
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace traza::risk {

/// Where a sentence's words come from; shared by every copy of the sentence.
class SentenceSource {
public:
    virtual ~SentenceSource() = default;
    virtual std::string render() const = 0;
};

class Sentence {
public:
    Sentence() = default;
    /// Finished text (implicit, so sentences can be written as strings).
    Sentence(std::string text);
    Sentence(const char* text) : Sentence(std::string(text)) {}
    /// Words made on demand by a shared source (never null).
    explicit Sentence(std::shared_ptr<const SentenceSource> source) : m_source(std::move(source)) {}

    /// The sentence's words (made now; an empty sentence gives "").
    std::string text() const { return m_source ? m_source->render() : std::string(); }
    operator std::string() const { return text(); }
    bool empty() const { return !m_source; }

    friend bool operator==(const Sentence& a, std::string_view b) { return a.text() == b; }
    friend std::ostream& operator<<(std::ostream& out, const Sentence& s) { return out << s.text(); }

private:
    std::shared_ptr<const SentenceSource> m_source;
};

/// The words of every sentence, in order.
std::vector<std::string> texts(const std::vector<Sentence>&);

/// nlohmann-json writes a sentence as its text (found by argument-dependent look-up).
template <typename Json>
void to_json(Json& j, const Sentence& s) {
    j = s.text();
}

}  // namespace traza::risk
