// Two stand-ins for libtraza-server.so that the loader must refuse by name
// (server_module_test.sh): one exports no entry point (another library put
// where the module belongs), the other an entry that declines every other
// build's version, as a module left over from another Traza would.
#ifdef WITH_ENTRY
#include <cstring>
extern "C" __attribute__((visibility("default"))) const void* traza_server_store_entry(const char* buildVersion,
                                                                                   const void* /*memory*/) {
    static const int store = 0;  // never handed out: only "0.0.0-other" would get it
    return std::strcmp(buildVersion, "0.0.0-other") == 0 ? &store : nullptr;
}
#else
extern "C" __attribute__((visibility("default"))) int some_other_library_function() { return 1; }
#endif
