// The header from C++: compiled by ffi-c/test.sh with g++ -std=c++11 -Wall -Wextra
// -Werror -pedantic, linked against libvmkcheck.a and run.
#include "vmkcheck.h"

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

static_assert(VMKCHECK_OK == 0 && VMKCHECK_ERR_PANIC == 99, "status codes are fixed");
static_assert(sizeof(vmkcheck_str) == 2 * sizeof(size_t), "a view is (ptr, len)");

int main() {
    const std::string text = "[root@esx01:~] vmkping -c 1 192.0.2.1\n"
                             "PING 192.0.2.1 (192.0.2.1): 56 data bytes\n";
    vmkcheck_host host = {nullptr, 0, text.data(), text.size()};
    size_t need = 0;
    if (vmkcheck_check_json(&host, 1, nullptr, 0, nullptr, 0, &need) !=
        VMKCHECK_ERR_BUFFER_TOO_SMALL)
        return 1;
    std::vector<char> out(need + 1);
    size_t len = 0;
    if (vmkcheck_check_json(&host, 1, nullptr, 0, out.data(), out.size(), &len) != VMKCHECK_OK)
        return 1;
    std::vector<vmkcheck_finding> findings(16);
    size_t n = 0;
    vmkcheck_error err;
    int s = vmkcheck_check(&host, 1, nullptr, 0, findings.data(), findings.size(), &n, &err);
    if (s != VMKCHECK_OK || n == 0) return 1;
    const char *verdict = nullptr;
    if (vmkcheck_verdict(findings.data(), n, &verdict) != VMKCHECK_OK) return 1;
    std::printf("C++: vmkcheck %s, %zu JSON bytes, %zu findings, verdict %s\n",
                vmkcheck_version(), len, n, verdict);
    return std::strstr(out.data(), verdict) != nullptr ? 0 : 1;
}
