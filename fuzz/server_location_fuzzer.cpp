// libFuzzer target: a server location typed or pasted by a user
// (model/store/server/server_location.h). Any bytes either parse or are
// refused with InvalidInput, without a crash, and a password in the authority
// never reaches what is shown to people.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "server_location.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        const traza::model::ServerLocation at(text);
        if (at.project().empty()) std::abort();
        // "postgresql://user:SECRET@host": a secret of 4+ characters is not shown.
        const std::size_t scheme = text.find("://") + 3;
        const std::size_t end = text.find_first_of("/?", scheme);
        const std::size_t atSign = text.rfind('@', end == std::string::npos ? text.size() : end);
        const std::size_t colon = text.find(':', scheme);
        if (atSign != std::string::npos && atSign >= scheme && colon < atSign) {
            const std::string secret = text.substr(colon + 1, atSign - colon - 1);
            // (A secret holding "*" could be spelt by the "***" that hides it.)
            if (secret.size() >= 4 && secret.find('*') == std::string::npos && at.display().find(secret) != std::string::npos)
                std::abort();
        }
    } catch (const traza::InvalidInput&) {
    }
    return 0;
}
