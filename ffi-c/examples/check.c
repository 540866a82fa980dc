/*
 * check: is vMotion going to work between these hosts? A tiny libvmkcheck example.
 *
 *   check [--json] FILE...     each FILE is one host's pasted ESXi session
 *
 * Hosts are named by their prompts ([root@esx01:~]), else by position. Prints the
 * verdict and each finding with its remediation (or the JSON report with --json).
 * Exit status: 0 ready, 1 not ready, 2 unverified, 3 usage or input error.
 *
 * Build against the installed library: see Makefile (pkg-config vmkcheck).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <vmkcheck.h>

static char *slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0, n = 0, got;
    if (f == NULL) return NULL;
    do {
        if (n == cap) {
            char *b = realloc(buf, cap = cap ? cap * 2 : 65536);
            if (b == NULL) break;
            buf = b;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
    } while (got > 0);
    fclose(f);
    *len = n;
    return buf;
}

/* Renders a finding's message or remediation into a fresh buffer (free it). */
static char *text_of(int (*render)(const vmkcheck_finding *, char *, size_t, size_t *),
                     const vmkcheck_finding *f, size_t len) {
    char *s = malloc(len + 1);
    size_t got;
    if (s != NULL && render(f, s, len + 1, &got) != VMKCHECK_OK) s[0] = '\0';
    return s;
}

int main(int argc, char **argv) {
    int json = argc > 1 && strcmp(argv[1], "--json") == 0, first = json ? 2 : 1, i, status;
    size_t n_hosts = (size_t)(argc - first), n = 0, k;
    vmkcheck_host *hosts = calloc(n_hosts + 1, sizeof *hosts);
    vmkcheck_finding *findings = NULL;
    vmkcheck_error err;
    const char *verdict = "ready";

    if (n_hosts == 0 || hosts == NULL) {
        fprintf(stderr, "usage: %s [--json] FILE...\n", argv[0]);
        return 3;
    }
    for (i = first; i < argc; i++) {
        vmkcheck_host *h = &hosts[i - first];
        h->text = slurp(argv[i], &h->text_len);
        if (h->text == NULL) {
            fprintf(stderr, "%s: cannot read\n", argv[i]);
            return 3;
        }
    }

    if (json) {
        size_t need = 0, len = 0;
        char *out;
        status = vmkcheck_check_json_ex(hosts, n_hosts, NULL, 0, NULL, 0, &need, &err);
        if (status != VMKCHECK_ERR_BUFFER_TOO_SMALL) goto fail;
        out = malloc(need + 1);
        if (out == NULL) return 3;
        status = vmkcheck_check_json_ex(hosts, n_hosts, NULL, 0, out, need + 1, &len, &err);
        if (status != VMKCHECK_OK) goto fail;
        fwrite(out, 1, len, stdout);
        free(out);
        return 0;
    }

    /* Ask for the count, then run again into an exactly sized array. */
    status = vmkcheck_check(hosts, n_hosts, NULL, 0, NULL, 0, &n, &err);
    if (status != VMKCHECK_OK && status != VMKCHECK_ERR_CAPACITY) goto fail;
    findings = calloc(n + 1, sizeof *findings);
    if (findings == NULL) return 3;
    status = vmkcheck_check(hosts, n_hosts, NULL, 0, findings, n, &n, &err);
    if (status != VMKCHECK_OK) goto fail;
    vmkcheck_verdict(findings, n, &verdict);

    printf("verdict: %s (%lu findings)\n", verdict, (unsigned long)n);
    for (k = 0; k < n; k++) {
        const vmkcheck_finding *f = &findings[k];
        char host[256] = "", peer[256] = "";
        size_t len;
        char *msg = text_of(vmkcheck_finding_message, f, f->message_len);
        char *fix = text_of(vmkcheck_finding_remediation, f, f->remediation_len);
        vmkcheck_host_ref_name(&f->host, host, sizeof host, &len);
        vmkcheck_host_ref_name(&f->peer, peer, sizeof peer, &len);
        printf("%-10s %-28s %s%s%s%s%.*s\n  %s\n", f->severity, f->rule, host,
               peer[0] ? " -> " : "", peer, f->interface.ptr ? " " : "",
               (int)f->interface.len, f->interface.ptr ? f->interface.ptr : "",
               msg ? msg : "");
        if (f->has_remediation && fix != NULL) printf("  run: %s\n", fix);
        free(msg);
        free(fix);
    }
    free(findings);
    for (k = 0; k < n_hosts; k++) free((char *)hosts[k].text);
    free(hosts);
    return strcmp(verdict, "not_ready") == 0 ? 1 : strcmp(verdict, "unverified") == 0 ? 2 : 0;

fail:
    fprintf(stderr, "vmkcheck: %s (%s", vmkcheck_status_str(status), err.kind);
    if (err.line > 0) fprintf(stderr, ", line %u column %u", err.line, err.column);
    if (err.host != VMKCHECK_NONE) fprintf(stderr, ", %s", argv[first + (int)err.host]);
    fprintf(stderr, ")\n");
    return 3;
}
