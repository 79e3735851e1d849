#include "project_io.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "chain_json.h"
#include "chain_json_writer.h"
#include "error.h"
#include "process_memory.h"
#include "project_store.h"
#include "server_store.h"

namespace traza::cli {

bool isJsonPath(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".json";
}

bool isServerPath(const std::filesystem::path& path) { return model::isServerLocation(path.string()); }

std::string existingFileOrLocation(const std::string& input) {
    if (model::isServerLocation(input) || std::filesystem::is_regular_file(input)) return {};
    return "File does not exist: " + input;
}

model::Project loadProject(const std::filesystem::path& path, double heapPerFileByte) {
    if (isServerPath(path))
        return model::serverStore().read(model::ServerLocation(path.string()), model::Catalogue::installed());
    if (isJsonPath(path)) return model::readProjectJson(path, model::Catalogue::installed());
    std::error_code ec;
    if (const auto bytes = std::filesystem::file_size(path, ec); !ec)
        model::prefaultHeap(static_cast<std::size_t>(static_cast<double>(bytes) * heapPerFileByte));
    return model::ProjectStore::open(path);
}

void saveProject(const model::Project& project, const std::filesystem::path& path, const std::string& label) {
    if (isServerPath(path)) return model::serverStore().saveWhole(project, model::ServerLocation(path.string()), label);
    if (isJsonPath(path))
        writeFileAtomically(path, [&](const ByteSink& sink) { model::writeProjectJson(project, sink); });
    else model::ProjectStore::save(project, path);
}

void writeFileAtomically(const std::filesystem::path& path, const std::string& text) {
    writeFileAtomically(path, [&](const ByteSink& sink) { sink(text); });
}

void writeFileAtomically(const std::filesystem::path& path, const std::function<void(const ByteSink&)>& produce) {
    const std::string name = path.string();
    auto failed = [&](const char* what) { return IoError(name + ": " + what + " (" + std::strerror(errno) + ")"); };
    // mkstemp gives a fresh name beside the target, so the rename stays on one file system.
    std::string temp = (path.parent_path() / ("." + path.filename().string() + ".XXXXXX")).string();
    if (path.parent_path().empty()) temp = "." + path.filename().string() + ".XXXXXX";
    const int fd = ::mkstemp(temp.data());
    if (fd < 0) throw failed("cannot create a file in its folder");
    bool ok = true;
    const ByteSink sink = [&](std::string_view bytes) {
        for (std::size_t done = 0; ok && done < bytes.size();) {
            const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
            if (n < 0 && errno == EINTR) continue;
            ok = n > 0;
            if (ok) done += static_cast<std::size_t>(n);
        }
        if (!ok) throw failed("cannot write");
    };
    try {
        produce(sink);
    } catch (...) {
        ::close(fd);
        std::remove(temp.c_str());
        throw;
    }
    ok = ok && ::fsync(fd) == 0;
    // mkstemp makes the file 0600; give it the usual permissions of a new file.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ok = ok && ::fchmod(fd, 0666 & ~mask) == 0;
    const IoError writeError = failed("cannot write");
    ok = (::close(fd) == 0) && ok;
    if (!ok) {
        std::remove(temp.c_str());
        throw writeError;
    }
    if (std::rename(temp.c_str(), name.c_str()) != 0) {
        const IoError renameError = failed("cannot replace");
        std::remove(temp.c_str());
        throw renameError;
    }
}

void writeStdout(const std::function<void(const ByteSink&)>& produce) {
    produce([](std::string_view bytes) {
        std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!std::cout) throw IoError("standard output: cannot write");
    });
    std::cout.flush();
    if (!std::cout) throw IoError("standard output: cannot write");
}

}  // namespace traza::cli
