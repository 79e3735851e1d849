#include "atomic_output.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>

#include <fcntl.h>
#include <unistd.h>

#include "error.h"

namespace traza::reports {

namespace {

std::string randomSuffix() {
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    thread_local std::mt19937 rng{std::random_device{}()};
    std::uniform_int_distribution<int> pick(0, sizeof alphabet - 2);
    std::string s(6, 'x');
    for (char& c : s) c = alphabet[pick(rng)];
    return s;
}

[[noreturn]] void fail(const std::filesystem::path& target, const std::string& what, int err) {
    throw IoError(target.string() + ": " + what + ": " + std::strerror(err));
}

void syncPath(const std::filesystem::path& p, int flags, const std::filesystem::path& target, const char* what) {
    const int fd = ::open(p.c_str(), flags | O_CLOEXEC);
    if (fd < 0) fail(target, what, errno);
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    // Some file systems cannot fsync a directory (EINVAL); the rename itself is still atomic.
    if (rc != 0 && !(flags & O_DIRECTORY && err == EINVAL)) fail(target, what, err);
}

}  // namespace

AtomicOutput::AtomicOutput(const std::filesystem::path& target) : m_target(target) {
    std::error_code ec;
    if (std::filesystem::is_directory(target, ec)) throw IoError(target.string() + ": is a directory");
    for (int attempt = 0; attempt < 100; ++attempt) {
        std::filesystem::path candidate = target;
        candidate += ".tmp-" + randomSuffix();
        // O_EXCL: never reuse (or follow a link to) an existing file. Mode 0666 minus the umask.
        const int fd = ::open(candidate.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0) {
            ::close(fd);
            m_temp = std::move(candidate);
            return;
        }
        if (errno != EEXIST) fail(target, "cannot create a file in its directory", errno);
    }
    throw IoError(target.string() + ": cannot find a free temporary name");
}

AtomicOutput::~AtomicOutput() {
    if (!m_committed && !m_temp.empty()) ::unlink(m_temp.c_str());
}

void AtomicOutput::commit() {
    syncPath(m_temp, O_RDONLY, m_target, "cannot flush the new file");
    if (std::rename(m_temp.c_str(), m_target.c_str()) != 0) fail(m_target, "cannot replace the file", errno);
    m_committed = true;
    std::filesystem::path dir = m_target.parent_path();
    if (dir.empty()) dir = ".";
    syncPath(dir, O_RDONLY | O_DIRECTORY, m_target, "cannot flush the directory");
}

}  // namespace traza::reports
