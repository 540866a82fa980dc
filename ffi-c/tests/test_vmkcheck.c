/*
 * C tests of libvmkcheck, built with -std=c99 -Wall -Wextra -Werror -pedantic against
 * libvmkcheck.a and run plain, under ASan+UBSan and under valgrind by ffi-c/test.sh.
 *
 *   test_vmkcheck CORPUS_DIR
 *
 * - every tests/corpus/<case>/input.txt through vmkcheck_parse_json gives parse.json
 *   byte for byte; every check case (a folder named s...: all *.txt, hosts named by
 *   file stem, optional facts.json) through vmkcheck_check_json gives report.json;
 * - the typed API on the same inputs (transcript, standalone vmknic / vmkping, check)
 *   agrees with that JSON field by field, and its views point into the caller's text;
 * - every error path: NULL, zero capacity, one byte too small, invalid UTF-8,
 *   embedded NUL, 0 hosts, 1,000 hosts, too many hosts, bad facts, foreign structs.
 *
 * The last line is exactly "C tests: N passed, M failed"; the exit status is 0 only
 * when M is 0.
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "vmkcheck.h"
#include "json.h"

/* ---------------------------------------------------------------- test harness */

static int g_passed, g_failed, t_failures;
static char t_label[512];

static void begin(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(t_label, sizeof t_label, fmt, ap);
    va_end(ap);
    t_failures = 0;
}

static void end(void) {
    if (t_failures == 0) g_passed++;
    else g_failed++;
}

static void check_(int ok, const char *what, const char *file, int line) {
    if (ok) return;
    if (t_failures < 8) fprintf(stderr, "FAIL [%s] %s:%d: %s\n", t_label, file, line, what);
    t_failures++;
}

#define CHECK(cond) check_((cond) ? 1 : 0, #cond, __FILE__, __LINE__)

/* ---------------------------------------------------------------- files */

typedef struct {
    char *data;
    size_t len;
} buffer;

static int read_file(const char *path, buffer *b) {
    FILE *f = fopen(path, "rb");
    long size;
    b->data = NULL;
    b->len = 0;
    if (f == NULL) return -1;
    if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
        fclose(f);
        return -1;
    }
    b->data = (char *)malloc((size_t)size + 1);
    if (b->data == NULL || fread(b->data, 1, (size_t)size, f) != (size_t)size) {
        free(b->data);
        b->data = NULL;
        fclose(f);
        return -1;
    }
    b->data[size] = '\0';
    b->len = (size_t)size;
    fclose(f);
    return 0;
}

static char *path_join(const char *a, const char *b) {
    size_t n = strlen(a) + strlen(b) + 2;
    char *p = (char *)malloc(n);
    if (p != NULL) snprintf(p, n, "%s/%s", a, b);
    return p;
}

static int is_dir(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Names in `dir` accepted by `keep`, sorted (by `cmp`); free with free_names. */
static char **list_dir(const char *dir, size_t *n, int (*keep)(const char *dir, const char *name),
                       int (*cmp)(const void *, const void *)) {
    DIR *d = opendir(dir);
    struct dirent *e;
    char **v = NULL;
    size_t cap = 0;
    *n = 0;
    if (d == NULL) return NULL;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' || !keep(dir, e->d_name)) continue;
        if (*n == cap) {
            char **nv;
            cap = cap ? cap * 2 : 64;
            nv = (char **)realloc(v, cap * sizeof *v);
            if (nv == NULL) break;
            v = nv;
        }
        v[*n] = (char *)malloc(strlen(e->d_name) + 1);
        if (v[*n] == NULL) break;
        strcpy(v[*n], e->d_name);
        (*n)++;
    }
    closedir(d);
    if (v != NULL) qsort(v, *n, sizeof *v, cmp);
    return v;
}

static void free_names(char **v, size_t n) {
    size_t i;
    for (i = 0; i < n; i++) free(v[i]);
    free(v);
}

static int keep_case_dir(const char *dir, const char *name) {
    char *p = path_join(dir, name);
    int ok = p != NULL && is_dir(p);
    free(p);
    return ok;
}

static int ends_with_txt(const char *name) {
    size_t n = strlen(name);
    return n > 4 && strcmp(name + n - 4, ".txt") == 0;
}

static int keep_txt(const char *dir, const char *name) {
    (void)dir;
    return ends_with_txt(name);
}

/* Orders "*.txt" names by stem, as the Rust corpus test does. */
static int cmp_stem(const void *a, const void *b) {
    const char *x = *(char *const *)a, *y = *(char *const *)b;
    size_t nx = strlen(x) - 4, ny = strlen(y) - 4, n = nx < ny ? nx : ny;
    int c = memcmp(x, y, n);
    if (c != 0) return c;
    return nx < ny ? -1 : (nx > ny ? 1 : 0);
}

/* ---------------------------------------------------------------- comparisons */

static int view_eq(const jval *v, vmkcheck_str s) {
    if (v == NULL) return 0;
    if (v->t == J_NULL) return s.ptr == NULL && s.len == 0;
    return v->t == J_STR && s.ptr != NULL && v->len == s.len &&
           (s.len == 0 || memcmp(v->str, s.ptr, s.len) == 0);
}

static int name_eq(const jval *v, const char *c) {
    if (v == NULL) return 0;
    if (v->t == J_NULL) return c == NULL;
    return v->t == J_STR && c != NULL && strcmp(v->str, c) == 0;
}

static int int_eq(const jval *v, int64_t x) {
    if (v == NULL) return 0;
    if (v->t == J_NULL) return x == -1;
    return v->t == J_NUM && x >= 0 && v->num == (double)x;
}

static int bool_eq(const jval *v, int b) {
    return v != NULL && (v->t == J_TRUE || v->t == J_FALSE) && (v->t == J_TRUE) == (b != 0);
}

static int tri_eq(const jval *v, int32_t x) {
    if (v == NULL) return 0;
    if (v->t == J_NULL) return x == -1;
    return x != -1 && bool_eq(v, x);
}

static int f64_eq(const jval *v, double x, bool has) {
    if (v == NULL) return 0;
    if (v->t == J_NULL) return !has;
    return has && v->t == J_NUM && v->num == x;
}

static int str_eq(const jval *v, const char *s, size_t len) {
    return v != NULL && v->t == J_STR && v->len == len && memcmp(v->str, s, len) == 0;
}

/* A view lies inside [base, base + len) (absent views trivially do). */
static int in_buf(vmkcheck_str s, const char *base, size_t len) {
    uintptr_t p = (uintptr_t)s.ptr, b = (uintptr_t)base;
    if (s.ptr == NULL) return 1;
    return p >= b && p + s.len <= b + len;
}

static size_t keys(const jval *v) {
    return v != NULL && v->t == J_OBJ ? v->n : 0;
}

/* ---------------------------------------------------------------- calls */

typedef int (*render_fn)(const void *item, char *out, size_t cap, size_t *len);

static int r_diagnostic(const void *p, char *o, size_t c, size_t *l) {
    return vmkcheck_diagnostic_message((const vmkcheck_diagnostic *)p, o, c, l);
}
static int r_message(const void *p, char *o, size_t c, size_t *l) {
    return vmkcheck_finding_message((const vmkcheck_finding *)p, o, c, l);
}
static int r_remediation(const void *p, char *o, size_t c, size_t *l) {
    return vmkcheck_finding_remediation((const vmkcheck_finding *)p, o, c, l);
}
static int r_host(const void *p, char *o, size_t c, size_t *l) {
    return vmkcheck_host_ref_name((const vmkcheck_host_ref *)p, o, c, l);
}

/* Renders through a size query, then an exact buffer; NULL on failure. */
static char *render(render_fn fn, const void *item, size_t *len) {
    size_t need = 0, got = 0;
    char *out;
    if (fn(item, NULL, 0, &need) != VMKCHECK_ERR_BUFFER_TOO_SMALL) return NULL;
    out = (char *)malloc(need + 1);
    if (out == NULL) return NULL;
    if (fn(item, out, need + 1, &got) != VMKCHECK_OK || got != need || out[need] != '\0') {
        free(out);
        return NULL;
    }
    *len = got;
    return out;
}

static int render_eq(render_fn fn, const void *item, const jval *want) {
    size_t len = 0;
    char *s = render(fn, item, &len);
    int ok = s != NULL && str_eq(want, s, len) && strlen(s) == len;
    free(s);
    return ok;
}

/* vmkcheck_parse_json with a size query first; *status gets the final status. */
static char *parse_json(const char *text, size_t len, int *status, size_t *out_len) {
    size_t need = 0;
    char *out;
    *status = vmkcheck_parse_json(text, len, NULL, 0, &need);
    if (*status != VMKCHECK_ERR_BUFFER_TOO_SMALL) return NULL;
    out = (char *)malloc(need + 1);
    if (out == NULL) return NULL;
    *status = vmkcheck_parse_json(text, len, out, need + 1, out_len);
    return out;
}

typedef int (*json_fn)(const char *, size_t, char *, size_t, size_t *, vmkcheck_error *);

static char *text_json(json_fn fn, const char *text, size_t len, int *status, vmkcheck_error *err) {
    size_t need = 0, got = 0;
    char *out;
    *status = fn(text, len, NULL, 0, &need, err);
    if (*status != VMKCHECK_ERR_BUFFER_TOO_SMALL) return NULL;
    out = (char *)malloc(need + 1);
    if (out == NULL) return NULL;
    *status = fn(text, len, out, need + 1, &got, err);
    if (*status != VMKCHECK_OK || got != need) {
        free(out);
        return NULL;
    }
    return out;
}

static char *check_json(const vmkcheck_host *hosts, size_t n, const char *facts, size_t facts_len,
                        int *status, size_t *out_len) {
    size_t need = 0;
    char *out;
    *status = vmkcheck_check_json(hosts, n, facts, facts_len, NULL, 0, &need);
    if (*status != VMKCHECK_ERR_BUFFER_TOO_SMALL) return NULL;
    out = (char *)malloc(need + 1);
    if (out == NULL) return NULL;
    *status = vmkcheck_check_json(hosts, n, facts, facts_len, out, need + 1, out_len);
    return out;
}

static void free_transcript(vmkcheck_transcript *t) {
    free(t->sections);
    free(t->rows);
    free(t->runs);
    free(t->responses);
    free(t->diagnostics);
    free(t->versions);
    free(t->tags);
    free(t->routes);
    free(t->nics);
    free(t->switches);
    free(t->portgroups);
    free(t->dvports);
    free(t->names);
    memset(t, 0, sizeof *t);
}

/* Allocates one array of `n` items (+1 so that 0 items is a non-NULL pointer). */
#define ALLOC_ARRAY(t, arr, n_field, cap_field)                                              \
    do {                                                                                     \
        (t)->arr = calloc((t)->n_field + 1, sizeof *(t)->arr);                               \
        (t)->cap_field = (t)->n_field;                                                       \
        if ((t)->arr == NULL) ok = 0;                                                        \
    } while (0)

/* Parses a transcript into exactly sized arrays; returns the final status. */
static int parse_transcript(const char *text, size_t len, vmkcheck_transcript *t) {
    int s;
    memset(t, 0, sizeof *t);
    s = vmkcheck_parse_transcript(text, len, t, NULL);
    if (s != VMKCHECK_OK && s != VMKCHECK_ERR_CAPACITY) return s;
    {
        int ok = 1;
        ALLOC_ARRAY(t, sections, n_sections, sections_cap);
        ALLOC_ARRAY(t, rows, n_rows, rows_cap);
        ALLOC_ARRAY(t, runs, n_runs, runs_cap);
        ALLOC_ARRAY(t, responses, n_responses, responses_cap);
        ALLOC_ARRAY(t, diagnostics, n_diagnostics, diagnostics_cap);
        ALLOC_ARRAY(t, versions, n_versions, versions_cap);
        ALLOC_ARRAY(t, tags, n_tags, tags_cap);
        ALLOC_ARRAY(t, routes, n_routes, routes_cap);
        ALLOC_ARRAY(t, nics, n_nics, nics_cap);
        ALLOC_ARRAY(t, switches, n_switches, switches_cap);
        ALLOC_ARRAY(t, portgroups, n_portgroups, portgroups_cap);
        ALLOC_ARRAY(t, dvports, n_dvports, dvports_cap);
        ALLOC_ARRAY(t, names, n_names, names_cap);
        if (!ok) return -1;
    }
    return vmkcheck_parse_transcript(text, len, t, NULL);
}

/* ---------------------------------------------------------------- typed vs JSON */

static void cmp_row(const jval *j, const vmkcheck_vmknic_row *r, const char *text, size_t len) {
    CHECK(keys(j) == 15);
    CHECK(int_eq(jget(j, "line"), r->line));
    CHECK(view_eq(jget(j, "interface"), r->interface) && r->interface.ptr != NULL);
    CHECK(view_eq(jget(j, "portgroup"), r->portgroup));
    CHECK(name_eq(jget(j, "portgroup_kind"), r->portgroup_kind));
    CHECK(name_eq(jget(j, "family"), r->family) && r->family != NULL);
    CHECK(view_eq(jget(j, "address"), r->address));
    CHECK(view_eq(jget(j, "netmask"), r->netmask));
    CHECK(int_eq(jget(j, "prefix_len"), r->prefix_len));
    CHECK(view_eq(jget(j, "broadcast"), r->broadcast));
    CHECK(view_eq(jget(j, "mac"), r->mac));
    CHECK(int_eq(jget(j, "mtu"), r->mtu));
    CHECK(int_eq(jget(j, "tso_mss"), r->tso_mss));
    CHECK(tri_eq(jget(j, "enabled"), r->enabled));
    CHECK(view_eq(jget(j, "type"), r->type));
    CHECK(view_eq(jget(j, "netstack"), r->netstack));
    /* Zero copy: every view points into the caller's text. */
    CHECK(in_buf(r->interface, text, len) && in_buf(r->portgroup, text, len) &&
          in_buf(r->address, text, len) && in_buf(r->netmask, text, len) &&
          in_buf(r->broadcast, text, len) && in_buf(r->mac, text, len) &&
          in_buf(r->type, text, len) && in_buf(r->netstack, text, len));
}

static void cmp_response(const jval *j, const vmkcheck_ping_response *r, const char *text,
                         size_t len) {
    CHECK(keys(j) == 9);
    CHECK(int_eq(jget(j, "line"), r->line));
    CHECK(name_eq(jget(j, "type"), r->type) && r->type != NULL);
    CHECK(int_eq(jget(j, "bytes"), r->bytes));
    CHECK(view_eq(jget(j, "response_ip"), r->response_ip));
    CHECK(int_eq(jget(j, "icmp_seq"), r->icmp_seq));
    CHECK(int_eq(jget(j, "ttl"), r->ttl));
    CHECK(f64_eq(jget(j, "time_ms"), r->time_ms, r->has_time_ms));
    CHECK(bool_eq(jget(j, "duplicate"), r->duplicate));
    CHECK(view_eq(jget(j, "error"), r->error));
    CHECK(in_buf(r->response_ip, text, len) && in_buf(r->error, text, len));
}

static void cmp_command(const jval *j, const vmkcheck_ping_command *c, const char *text,
                        size_t len) {
    CHECK(keys(j) == 13);
    CHECK(view_eq(jget(j, "text"), c->text));
    CHECK(view_eq(jget(j, "program"), c->program));
    CHECK(view_eq(jget(j, "target"), c->target));
    CHECK(view_eq(jget(j, "netstack"), c->netstack));
    CHECK(view_eq(jget(j, "interface"), c->interface));
    CHECK(bool_eq(jget(j, "ipv6"), c->ipv6));
    CHECK(bool_eq(jget(j, "df"), c->df));
    CHECK(int_eq(jget(j, "size"), c->size));
    CHECK(int_eq(jget(j, "count"), c->count));
    CHECK(f64_eq(jget(j, "interval"), c->interval, c->has_interval));
    CHECK(f64_eq(jget(j, "wait"), c->wait, c->has_wait));
    CHECK(int_eq(jget(j, "ttl"), c->ttl));
    CHECK(view_eq(jget(j, "next_hop"), c->next_hop));
    CHECK(in_buf(c->text, text, len) && in_buf(c->program, text, len) &&
          in_buf(c->target, text, len) && in_buf(c->netstack, text, len) &&
          in_buf(c->interface, text, len) && in_buf(c->next_hop, text, len));
}

static void cmp_run(const jval *j, const vmkcheck_ping_run *r,
                    const vmkcheck_ping_response *responses, const char *text, size_t len) {
    const jval *jr = jget(j, "responses");
    size_t k;
    CHECK(keys(j) == 15);
    CHECK(int_eq(jget(j, "line"), r->line));
    if (r->has_command) cmp_command(jget(j, "command"), &r->command, text, len);
    else CHECK(jget(j, "command") != NULL && jget(j, "command")->t == J_NULL);
    CHECK(view_eq(jget(j, "destination"), r->destination));
    CHECK(view_eq(jget(j, "destination_ip"), r->destination_ip));
    CHECK(int_eq(jget(j, "data_bytes"), r->data_bytes));
    CHECK(int_eq(jget(j, "packets_transmitted"), r->packets_transmitted));
    CHECK(int_eq(jget(j, "packets_received"), r->packets_received));
    CHECK(f64_eq(jget(j, "packet_loss_percent"), r->packet_loss_percent,
                 r->has_packet_loss_percent));
    CHECK(int_eq(jget(j, "duplicates"), r->duplicates));
    CHECK(f64_eq(jget(j, "round_trip_ms_min"), r->round_trip_ms_min, r->has_round_trip));
    CHECK(f64_eq(jget(j, "round_trip_ms_avg"), r->round_trip_ms_avg, r->has_round_trip));
    CHECK(f64_eq(jget(j, "round_trip_ms_max"), r->round_trip_ms_max, r->has_round_trip));
    CHECK(f64_eq(jget(j, "round_trip_ms_stddev"), r->round_trip_ms_stddev,
                 r->has_round_trip_ms_stddev));
    CHECK(bool_eq(jget(j, "complete"), r->complete));
    CHECK(in_buf(r->destination, text, len) && in_buf(r->destination_ip, text, len));
    CHECK(jr != NULL && jr->t == J_ARR && jr->n == r->n_responses);
    if (jr == NULL || jr->t != J_ARR || jr->n != r->n_responses) return;
    for (k = 0; k < r->n_responses; k++)
        cmp_response(jat(jr, k), &responses[r->first_response + k], text, len);
}

/* A JSON array of strings equals names[first .. first + n], each inside the text. */
static void cmp_names(const jval *j, const vmkcheck_str *names, size_t first, size_t n,
                      const char *text, size_t len) {
    size_t k;
    CHECK(j != NULL && j->t == J_ARR && j->n == n);
    if (j == NULL || j->t != J_ARR || j->n != n) return;
    for (k = 0; k < n; k++)
        CHECK(view_eq(jat(j, k), names[first + k]) && names[first + k].ptr != NULL &&
              in_buf(names[first + k], text, len));
}

/* JSON "line" that may be null: 0 stands for null. */
static int line_eq(const jval *v, uint32_t line) {
    if (v == NULL) return 0;
    if (v->t == J_NULL) return line == 0;
    return line != 0 && int_eq(v, line);
}

static void cmp_version(const jval *j, const vmkcheck_esxi_version *v, const char *text,
                        size_t len) {
    CHECK(keys(j) == 6);
    CHECK(line_eq(jget(j, "line"), v->line));
    CHECK(view_eq(jget(j, "product"), v->product));
    CHECK(view_eq(jget(j, "version"), v->version));
    CHECK(int_eq(jget(j, "build"), v->build));
    CHECK(view_eq(jget(j, "update"), v->update));
    CHECK(view_eq(jget(j, "patch"), v->patch));
    CHECK((v->version.ptr == NULL) == (v->major == -1));
    CHECK(v->major == -1 || (v->minor >= 0 && v->patch_level >= 0 && v->version.len > 0 &&
                             (long)strtol(v->version.ptr, NULL, 10) == (long)v->major));
    CHECK(in_buf(v->product, text, len) && in_buf(v->version, text, len) &&
          in_buf(v->update, text, len) && in_buf(v->patch, text, len));
}

static void cmp_tags(const jval *j, const vmkcheck_tags *t, const vmkcheck_str *names,
                     const char *text, size_t len) {
    const jval *jt = jget(j, "tags");
    size_t k;
    int vmotion = 0;
    CHECK(keys(j) == 3);
    CHECK(line_eq(jget(j, "line"), t->line));
    CHECK(view_eq(jget(j, "interface"), t->interface) && in_buf(t->interface, text, len));
    CHECK(in_buf(t->value, text, len) || t->value.len == 0); /* empty: may be static */
    if (jt != NULL && jt->t == J_NULL) {
        CHECK(t->value.ptr == NULL && t->n_tags == 0 && !t->vmotion);
        return;
    }
    CHECK(t->value.ptr != NULL);
    cmp_names(jt, names, t->first_tag, t->n_tags, text, len);
    for (k = 0; k < t->n_tags; k++)
        if (names[t->first_tag + k].len == 7 &&
            strncmp(names[t->first_tag + k].ptr, "VMotion", 7) == 0)
            vmotion = 1;
    CHECK(!vmotion || t->vmotion);
}

static void cmp_route(const jval *j, const vmkcheck_route_row *r, const char *text, size_t len) {
    CHECK(keys(j) == 9);
    CHECK(int_eq(jget(j, "line"), r->line));
    CHECK(view_eq(jget(j, "netstack"), r->netstack));
    CHECK(name_eq(jget(j, "family"), r->family) && r->family != NULL);
    CHECK(view_eq(jget(j, "network"), r->network));
    CHECK(view_eq(jget(j, "netmask"), r->netmask));
    CHECK(int_eq(jget(j, "prefix_len"), r->prefix_len));
    CHECK(view_eq(jget(j, "gateway"), r->gateway));
    CHECK(view_eq(jget(j, "interface"), r->interface));
    CHECK(view_eq(jget(j, "source"), r->source));
    CHECK(!r->is_default || r->prefix_len == 0 ||
          (r->network.len == 7 && strncmp(r->network.ptr, "default", 7) == 0));
    /* The netstack a command names none of is the static "defaultTcpipStack". */
    CHECK(in_buf(r->netstack, text, len) ||
          (r->netstack.len == 17 && memcmp(r->netstack.ptr, "defaultTcpipStack", 17) == 0));
    CHECK(in_buf(r->network, text, len) &&
          in_buf(r->netmask, text, len) && in_buf(r->gateway, text, len) &&
          in_buf(r->interface, text, len) && in_buf(r->source, text, len));
}

static void cmp_nic(const jval *j, const vmkcheck_nic_row *n, const char *text, size_t len) {
    CHECK(keys(j) == 11);
    CHECK(int_eq(jget(j, "line"), n->line));
    CHECK(view_eq(jget(j, "name"), n->name) && n->name.ptr != NULL);
    CHECK(view_eq(jget(j, "pci"), n->pci));
    CHECK(view_eq(jget(j, "driver"), n->driver));
    CHECK(view_eq(jget(j, "admin_status"), n->admin_status));
    CHECK(view_eq(jget(j, "link"), n->link));
    CHECK(int_eq(jget(j, "speed_mbps"), n->speed_mbps));
    CHECK(view_eq(jget(j, "duplex"), n->duplex));
    CHECK(view_eq(jget(j, "mac"), n->mac));
    CHECK(int_eq(jget(j, "mtu"), n->mtu));
    CHECK(view_eq(jget(j, "description"), n->description));
    CHECK(n->link_up == (n->link.len == 2 && (n->link.ptr[0] | 0x20) == 'u' &&
                         (n->link.ptr[1] | 0x20) == 'p'));
    CHECK(in_buf(n->name, text, len) && in_buf(n->pci, text, len) &&
          in_buf(n->driver, text, len) && in_buf(n->admin_status, text, len) &&
          in_buf(n->link, text, len) && in_buf(n->duplex, text, len) &&
          in_buf(n->mac, text, len) && in_buf(n->description, text, len));
}

static void cmp_switch(const jval *j, size_t index, const vmkcheck_transcript *t,
                       const char *text, size_t len) {
    const vmkcheck_switch_row *w = &t->switches[index];
    const jval *jp = jget(j, "portgroups"), *jd = jget(j, "dvports");
    size_t k;
    CHECK(keys(j) == 10);
    CHECK(int_eq(jget(j, "line"), w->line));
    CHECK(name_eq(jget(j, "kind"), w->kind) && w->kind != NULL);
    CHECK(view_eq(jget(j, "name"), w->name) && w->name.ptr != NULL);
    CHECK(int_eq(jget(j, "num_ports"), w->num_ports));
    CHECK(int_eq(jget(j, "used_ports"), w->used_ports));
    CHECK(int_eq(jget(j, "configured_ports"), w->configured_ports));
    CHECK(int_eq(jget(j, "mtu"), w->mtu));
    cmp_names(jget(j, "uplinks"), t->names, w->first_uplink, w->n_uplinks, text, len);
    CHECK(w->n_uplinks == 0 || w->uplinks.ptr != NULL);
    CHECK(in_buf(w->name, text, len) && in_buf(w->uplinks, text, len));
    CHECK(jp != NULL && jp->t == J_ARR && jp->n == w->n_portgroups);
    CHECK(jd != NULL && jd->t == J_ARR && jd->n == w->n_dvports);
    if (jp == NULL || jd == NULL || jp->n != w->n_portgroups || jd->n != w->n_dvports) return;
    for (k = 0; k < w->n_portgroups; k++) {
        const jval *g = jat(jp, k);
        const vmkcheck_portgroup_row *p = &t->portgroups[w->first_portgroup + k];
        CHECK(keys(g) == 5);
        CHECK(int_eq(jget(g, "line"), p->line));
        CHECK(view_eq(jget(g, "name"), p->name) && p->name.ptr != NULL);
        CHECK(int_eq(jget(g, "vlan_id"), p->vlan_id));
        CHECK(int_eq(jget(g, "used_ports"), p->used_ports));
        cmp_names(jget(g, "uplinks"), t->names, p->first_uplink, p->n_uplinks, text, len);
        CHECK(p->switch_index == index);
        CHECK(in_buf(p->name, text, len) && in_buf(p->uplinks, text, len));
    }
    for (k = 0; k < w->n_dvports; k++) {
        const jval *g = jat(jd, k);
        const vmkcheck_dvport_row *d = &t->dvports[w->first_dvport + k];
        CHECK(keys(g) == 4);
        CHECK(int_eq(jget(g, "line"), d->line));
        CHECK(view_eq(jget(g, "id"), d->id) && d->id.ptr != NULL);
        CHECK(tri_eq(jget(g, "in_use"), d->in_use));
        CHECK(view_eq(jget(g, "client"), d->client));
        CHECK(d->switch_index == index);
        CHECK(in_buf(d->id, text, len) && in_buf(d->client, text, len));
    }
}

/* The section fields of the other commands: a typed kind's items equal its JSON field;
   every other field is null. */
static void cmp_other_kinds(const jval *js, const vmkcheck_section *sec,
                            const vmkcheck_transcript *t, size_t *next, const char *text,
                            size_t len) {
    static const char *const fields[] = {"tags",          "interface_list", "ipv4_get",
                                         "ipv6_address_list", "netstack_list", "route_list",
                                         "vswitch",       "nic_list",       "version",
                                         "diag_ping"};
    size_t f, k;
    for (f = 0; f < sizeof fields / sizeof fields[0]; f++) {
        const jval *jv = jget(js, fields[f]);
        int mine = strcmp(sec->kind, fields[f]) == 0;
        CHECK(jv != NULL);
        if (jv == NULL) continue;
        if (!mine) {
            CHECK(jv->t == J_NULL);
            continue;
        }
        CHECK(jv->t != J_NULL);
        if (strcmp(fields[f], "tags") == 0) {
            CHECK(sec->n_items == 1 && sec->first_item == next[0] && sec->first_item < t->n_tags);
            if (sec->first_item < t->n_tags) cmp_tags(jv, &t->tags[sec->first_item], t->names, text, len);
            next[0] += sec->n_items;
        } else if (strcmp(fields[f], "version") == 0) {
            CHECK(sec->n_items == 1 && sec->first_item == next[1] &&
                  sec->first_item < t->n_versions);
            if (sec->first_item < t->n_versions)
                cmp_version(jv, &t->versions[sec->first_item], text, len);
            next[1] += sec->n_items;
        } else if (strcmp(fields[f], "route_list") == 0) {
            CHECK(jv->t == J_ARR && jv->n == sec->n_items && sec->first_item == next[2]);
            if (jv->t == J_ARR && jv->n == sec->n_items)
                for (k = 0; k < sec->n_items; k++)
                    cmp_route(jat(jv, k), &t->routes[sec->first_item + k], text, len);
            next[2] += sec->n_items;
        } else if (strcmp(fields[f], "nic_list") == 0) {
            CHECK(jv->t == J_ARR && jv->n == sec->n_items && sec->first_item == next[3]);
            if (jv->t == J_ARR && jv->n == sec->n_items)
                for (k = 0; k < sec->n_items; k++)
                    cmp_nic(jat(jv, k), &t->nics[sec->first_item + k], text, len);
            next[3] += sec->n_items;
        } else if (strcmp(fields[f], "vswitch") == 0) {
            CHECK(jv->t == J_ARR && jv->n == sec->n_items && sec->first_item == next[4]);
            if (jv->t == J_ARR && jv->n == sec->n_items)
                for (k = 0; k < sec->n_items; k++)
                    cmp_switch(jat(jv, k), sec->first_item + k, t, text, len);
            next[4] += sec->n_items;
        } else if (strcmp(fields[f], "diag_ping") == 0) {
            CHECK(sec->run < t->n_runs && sec->first_item == sec->run && sec->n_items == 1);
            if (sec->run < t->n_runs) cmp_run(jv, &t->runs[sec->run], t->responses, text, len);
            CHECK(sec->run >= t->n_runs || t->runs[sec->run].command.program.ptr == NULL ||
                  view_eq(jget(jget(jv, "command"), "program"), t->runs[sec->run].command.program));
        } else {
            /* interface_list, ipv4_get, ipv6_address_list, netstack_list: JSON only. */
            CHECK(sec->n_items == 0);
        }
    }
}

/* The typed transcript of `text` equals its parse.json (already parsed as `doc`). */
static void cmp_transcript(const jval *doc, const char *text, size_t len) {
    vmkcheck_transcript t;
    const jval *secs = jget(doc, "sections"), *diags = jget(doc, "diagnostics");
    size_t i, k, rows = 0, diag_total = 0;
    size_t next[5] = {0, 0, 0, 0, 0}; /* tags, versions, routes, nics, switches */
    int s = parse_transcript(text, len, &t);
    CHECK(s == VMKCHECK_OK);
    CHECK(keys(doc) == 3 && secs != NULL && diags != NULL);
    if (s != VMKCHECK_OK || secs == NULL || diags == NULL) goto done;
    CHECK(t.n_sections == secs->n);
    CHECK(t.n_diagnostics == diags->n);
    if (t.n_sections != secs->n || t.n_diagnostics != diags->n) goto done;
    for (i = 0; i < t.n_sections; i++) {
        const vmkcheck_section *sec = &t.sections[i];
        const jval *js = jat(secs, i), *jv = jget(js, "vmknic"), *jp = jget(js, "vmkping");
        CHECK(keys(js) == 16);
        CHECK(int_eq(jget(js, "line"), sec->line));
        CHECK(view_eq(jget(js, "host"), sec->host) && in_buf(sec->host, text, len));
        CHECK(view_eq(jget(js, "command"), sec->command) && in_buf(sec->command, text, len));
        CHECK(name_eq(jget(js, "kind"), sec->kind));
        CHECK(sec->first_row == rows && sec->first_diagnostic == diag_total);
        rows += sec->n_rows;
        diag_total += sec->n_diagnostics;
        if (jv != NULL && jv->t == J_ARR) {
            CHECK(strcmp(sec->kind, "vmknic") == 0 && jv->n == sec->n_rows);
            if (jv->n == sec->n_rows)
                for (k = 0; k < sec->n_rows; k++)
                    cmp_row(jat(jv, k), &t.rows[sec->first_row + k], text, len);
        } else {
            CHECK(jv != NULL && jv->t == J_NULL && sec->n_rows == 0);
        }
        if (jp != NULL && jp->t == J_OBJ) {
            CHECK(sec->run < t.n_runs && sec->first_item == sec->run && sec->n_items == 1);
            if (sec->run < t.n_runs) cmp_run(jp, &t.runs[sec->run], t.responses, text, len);
        } else if (strcmp(sec->kind, "diag_ping") != 0) {
            CHECK(jp != NULL && jp->t == J_NULL && sec->run == VMKCHECK_NONE);
        }
        if (strcmp(sec->kind, "vmknic") == 0)
            CHECK(sec->first_item == sec->first_row && sec->n_items == sec->n_rows);
        if (strcmp(sec->kind, "unknown") == 0) CHECK(sec->n_items == 0);
        cmp_other_kinds(js, sec, &t, next, text, len);
    }
    CHECK(rows == t.n_rows && diag_total == t.n_diagnostics);
    CHECK(next[0] == t.n_tags && next[1] == t.n_versions && next[2] == t.n_routes &&
          next[3] == t.n_nics && next[4] == t.n_switches);
    for (i = 0; i < t.n_diagnostics; i++) {
        const jval *jd = jat(diags, i);
        const vmkcheck_diagnostic *d = &t.diagnostics[i];
        CHECK(keys(jd) == 3);
        CHECK(int_eq(jget(jd, "line"), d->line));
        CHECK(name_eq(jget(jd, "kind"), d->kind));
        CHECK(render_eq(r_diagnostic, d, jget(jd, "message")));
    }
done:
    free_transcript(&t);
}

/* Standalone vmknic: the typed rows equal vmkcheck_parse_vmknic_json's array. */
static void cmp_standalone_vmknic(const char *text, size_t len) {
    vmkcheck_error e1, e2;
    int s1, s2;
    size_t n = 0, got = 0, i;
    char *json = text_json(vmkcheck_parse_vmknic_json, text, len, &s1, &e1);
    vmkcheck_vmknic_row *rows = NULL;
    jval doc;
    s2 = vmkcheck_parse_vmknic(text, len, NULL, 0, &n, &e2);
    if (s1 != VMKCHECK_OK) {
        CHECK(s1 == VMKCHECK_ERR_PARSE && s2 == VMKCHECK_ERR_PARSE);
        CHECK(strcmp(e1.kind, e2.kind) == 0 && e1.line == e2.line && e1.column == e2.column &&
              e1.offset == e2.offset);
        free(json);
        return;
    }
    CHECK(s2 == VMKCHECK_OK || s2 == VMKCHECK_ERR_CAPACITY);
    rows = (vmkcheck_vmknic_row *)calloc(n + 1, sizeof *rows);
    CHECK(rows != NULL &&
          vmkcheck_parse_vmknic(text, len, rows, n, &got, NULL) == VMKCHECK_OK && got == n);
    CHECK(jparse(json, strlen(json), &doc) == 0);
    CHECK(doc.t == J_ARR && doc.n == n);
    if (doc.t == J_ARR && doc.n == n && rows != NULL)
        for (i = 0; i < n; i++) cmp_row(jat(&doc, i), &rows[i], text, len);
    jfree(&doc);
    free(rows);
    free(json);
}

/* Standalone vmkping: the typed run equals vmkcheck_parse_vmkping_json's object. */
static void cmp_standalone_vmkping(const char *text, size_t len) {
    vmkcheck_error e1, e2;
    vmkcheck_ping_run run;
    int s1, s2;
    size_t n = 0, got = 0;
    char *json = text_json(vmkcheck_parse_vmkping_json, text, len, &s1, &e1);
    vmkcheck_ping_response *responses = NULL;
    jval doc;
    s2 = vmkcheck_parse_vmkping(text, len, &run, NULL, 0, &n, &e2);
    if (s1 != VMKCHECK_OK) {
        CHECK(s1 == VMKCHECK_ERR_PARSE && s2 == VMKCHECK_ERR_PARSE);
        CHECK(strcmp(e1.kind, e2.kind) == 0 && e1.line == e2.line && e1.column == e2.column);
        free(json);
        return;
    }
    CHECK(s2 == VMKCHECK_OK || s2 == VMKCHECK_ERR_CAPACITY);
    responses = (vmkcheck_ping_response *)calloc(n + 1, sizeof *responses);
    CHECK(responses != NULL &&
          vmkcheck_parse_vmkping(text, len, &run, responses, n, &got, NULL) == VMKCHECK_OK &&
          got == n && run.first_response == 0 && run.n_responses == n);
    CHECK(jparse(json, strlen(json), &doc) == 0);
    if (doc.t == J_OBJ && responses != NULL) cmp_run(&doc, &run, responses, text, len);
    jfree(&doc);
    free(responses);
    free(json);
}

/* ---------------------------------------------------------------- corpus */

static void corpus_parse_case(const char *corpus, const char *name) {
    char *dir = path_join(corpus, name);
    char *in_path = path_join(dir, "input.txt"), *exp_path = path_join(dir, "parse.json");
    buffer in, exp;
    if (read_file(in_path, &in) != 0) goto out; /* check-only case */

    begin("parse_json %s", name);
    {
        int s;
        size_t len = 0;
        char *got = parse_json(in.data, in.len, &s, &len);
        CHECK(read_file(exp_path, &exp) == 0);
        CHECK(s == VMKCHECK_OK && got != NULL);
        CHECK(got != NULL && exp.data != NULL && len == exp.len &&
              memcmp(got, exp.data, len) == 0);
        CHECK(got != NULL && got[len] == '\0');
        free(got);
    }
    end();

    begin("typed transcript %s", name);
    if (exp.data != NULL) {
        jval doc;
        CHECK(jparse(exp.data, exp.len, &doc) == 0);
        cmp_transcript(&doc, in.data, in.len);
        jfree(&doc);
    }
    end();

    begin("typed standalone vmknic/vmkping %s", name);
    cmp_standalone_vmknic(in.data, in.len);
    cmp_standalone_vmkping(in.data, in.len);
    end();

    free(exp.data);
    free(in.data);
out:
    free(in_path);
    free(exp_path);
    free(dir);
}

typedef struct {
    size_t n;
    vmkcheck_host *hosts;
    buffer *texts;
    char **names;
    buffer facts;
} check_case;

static void free_check_case(check_case *c) {
    size_t i;
    for (i = 0; i < c->n; i++) free(c->texts[i].data);
    free_names(c->names, c->n);
    free(c->texts);
    free(c->hosts);
    free(c->facts.data);
}

static int load_check_case(const char *dir, check_case *c) {
    size_t i;
    char *facts_path = path_join(dir, "facts.json");
    memset(c, 0, sizeof *c);
    c->names = list_dir(dir, &c->n, keep_txt, cmp_stem);
    c->hosts = (vmkcheck_host *)calloc(c->n + 1, sizeof *c->hosts);
    c->texts = (buffer *)calloc(c->n + 1, sizeof *c->texts);
    if (c->hosts == NULL || c->texts == NULL) return -1;
    for (i = 0; i < c->n; i++) {
        char *p = path_join(dir, c->names[i]);
        if (read_file(p, &c->texts[i]) != 0) {
            free(p);
            return -1;
        }
        free(p);
        c->hosts[i].name = c->names[i];
        c->hosts[i].name_len = strlen(c->names[i]) - 4; /* the stem */
        c->hosts[i].text = c->texts[i].data;
        c->hosts[i].text_len = c->texts[i].len;
    }
    read_file(facts_path, &c->facts); /* optional */
    free(facts_path);
    return 0;
}

/* A view lies in one of the check's inputs. */
static int in_inputs(vmkcheck_str s, const check_case *c) {
    size_t i;
    if (s.ptr == NULL) return 1;
    for (i = 0; i < c->n; i++)
        if (in_buf(s, c->hosts[i].name, c->hosts[i].name_len) ||
            in_buf(s, c->hosts[i].text, c->hosts[i].text_len))
            return 1;
    return c->facts.data != NULL && in_buf(s, c->facts.data, c->facts.len);
}

static void cmp_host_ref(const jval *want, const vmkcheck_host_ref *h, const check_case *c) {
    if (want == NULL || want->t == J_NULL) {
        CHECK(want != NULL && !h->present && h->index == VMKCHECK_NONE);
        return;
    }
    CHECK(h->present && h->index < c->n);
    CHECK(render_eq(r_host, h, want));
    CHECK(in_inputs(h->name, c));
    CHECK((h->name.ptr == NULL) == (h->number != 0));
}

/* The typed findings equal the report's findings, in order. */
static void cmp_findings(const jval *doc, const vmkcheck_finding *f, size_t n,
                         const check_case *c) {
    const jval *jf = jget(doc, "findings");
    const char *verdict = NULL;
    size_t i, k;
    CHECK(jf != NULL && jf->t == J_ARR && jf->n == n);
    CHECK(vmkcheck_verdict(f, n, &verdict) == VMKCHECK_OK);
    CHECK(name_eq(jget(doc, "verdict"), verdict));
    if (jf == NULL || jf->t != J_ARR || jf->n != n) return;
    for (i = 0; i < n; i++) {
        const jval *j = jat(jf, i), *ev = jget(j, "evidence"), *rem = jget(j, "remediation");
        static const char *ranks[] = {"error", "unverified", "warning", "info"};
        CHECK(keys(j) == 8);
        CHECK(name_eq(jget(j, "rule"), f[i].rule));
        CHECK(name_eq(jget(j, "severity"), f[i].severity));
        CHECK(f[i].severity_rank >= 0 && f[i].severity_rank <= 3 &&
              strcmp(ranks[f[i].severity_rank], f[i].severity) == 0);
        cmp_host_ref(jget(j, "host"), &f[i].host, c);
        cmp_host_ref(jget(j, "peer"), &f[i].peer, c);
        CHECK(view_eq(jget(j, "interface"), f[i].interface) && in_inputs(f[i].interface, c));
        CHECK(render_eq(r_message, &f[i], jget(j, "message")));
        CHECK(jget(j, "message") != NULL && jget(j, "message")->len == f[i].message_len);
        if (rem != NULL && rem->t == J_STR) {
            CHECK(f[i].has_remediation && rem->len == f[i].remediation_len);
            CHECK(render_eq(r_remediation, &f[i], rem));
        } else {
            CHECK(rem != NULL && !f[i].has_remediation && f[i].remediation_len == 0);
        }
        CHECK(ev != NULL && ev->t == J_ARR && ev->n == f[i].n_evidence);
        if (ev != NULL && ev->t == J_ARR && ev->n == f[i].n_evidence && ev->n <= 2)
            for (k = 0; k < ev->n; k++) {
                const jval *e = jat(ev, k);
                CHECK(keys(e) == 2);
                CHECK(int_eq(jget(e, "line"), f[i].evidence[k].line));
                CHECK(f[i].evidence[k].source < c->n);
                cmp_host_ref(jget(e, "host"), &f[i].evidence[k].host, c);
            }
    }
}

/* vmkcheck_check into an exactly sized array; returns the status. */
static int run_check(const vmkcheck_host *hosts, size_t n_hosts, const char *facts, size_t fl,
                     vmkcheck_finding **out, size_t *n) {
    int s;
    size_t got = 0;
    *out = NULL;
    *n = 0;
    s = vmkcheck_check(hosts, n_hosts, facts, fl, NULL, 0, n, NULL);
    if (s != VMKCHECK_OK && s != VMKCHECK_ERR_CAPACITY) return s;
    *out = (vmkcheck_finding *)calloc(*n + 1, sizeof **out);
    if (*out == NULL) return -1;
    s = vmkcheck_check(hosts, n_hosts, facts, fl, *out, *n, &got, NULL);
    if (s == VMKCHECK_OK && got != *n) return -1;
    return s;
}

static void corpus_check_case(const char *corpus, const char *name) {
    char *dir = path_join(corpus, name), *exp_path = path_join(dir, "report.json");
    check_case c;
    buffer exp;
    int loaded = load_check_case(dir, &c);

    begin("check_json %s", name);
    CHECK(loaded == 0 && c.n > 0);
    CHECK(read_file(exp_path, &exp) == 0);
    if (loaded == 0) {
        int s;
        size_t len = 0;
        char *got = check_json(c.hosts, c.n, c.facts.data, c.facts.len, &s, &len);
        CHECK(s == VMKCHECK_OK && got != NULL);
        CHECK(got != NULL && exp.data != NULL && len == exp.len &&
              memcmp(got, exp.data, len) == 0);
        free(got);
    }
    end();

    begin("typed check %s", name);
    if (loaded == 0 && exp.data != NULL) {
        vmkcheck_finding *f = NULL;
        size_t n = 0;
        jval doc;
        CHECK(run_check(c.hosts, c.n, c.facts.data, c.facts.len, &f, &n) == VMKCHECK_OK);
        CHECK(jparse(exp.data, exp.len, &doc) == 0);
        if (f != NULL) cmp_findings(&doc, f, n, &c);
        jfree(&doc);
        free(f);
    }
    end();

    free(exp.data);
    free_check_case(&c);
    free(exp_path);
    free(dir);
}

static void run_corpus(const char *corpus) {
    size_t n = 0, i, checks = 0, parses = 0;
    char **cases = list_dir(corpus, &n, keep_case_dir, cmp_str);
    begin("corpus is there");
    CHECK(cases != NULL && n >= 30);
    end();
    for (i = 0; i < n; i++) {
        char *dir = path_join(corpus, cases[i]);
        char *in = path_join(dir, "input.txt");
        buffer b;
        if (read_file(in, &b) == 0) {
            parses++;
            free(b.data);
        }
        corpus_parse_case(corpus, cases[i]);
        if (cases[i][0] == 's') {
            checks++;
            corpus_check_case(corpus, cases[i]);
        }
        free(in);
        free(dir);
    }
    begin("corpus has enough cases (%lu parse, %lu check)", (unsigned long)parses,
          (unsigned long)checks);
    CHECK(parses >= 30 && checks >= 25);
    end();
    free_names(cases, n);
}

/* ---------------------------------------------------------------- error paths */

static const char TABLE[] =
    "[root@esx01:~] esxcfg-vmknic -l\n"
    "Interface  Port Group/DVPort/Opaque Network        IP Family IP Address                 "
    "             Netmask         Broadcast       MAC Address       MTU     TSO MSS   Enabled "
    "Type                NetStack\n"
    "vmk0       Management Network                      IPv4      192.0.2.11                 "
    "             255.255.255.0   192.0.2.255     00:50:56:6a:12:34 1500    65535     true    "
    "STATIC              defaultTcpipStack\n"
    "vmk1       vMotion                                 IPv4      198.51.100.11              "
    "             255.255.255.0   198.51.100.255  00:50:56:6b:a1:0a 9000    65535     true    "
    "STATIC              vmotion\n";

static const char PING[] = "vmkping ++netstack=vmotion -d -s 8972 198.51.100.12\n"
                           "PING 198.51.100.12 (198.51.100.12): 8972 data bytes\n"
                           "8980 bytes from 198.51.100.12: icmp_seq=0 ttl=64 time=0.311 ms\n"
                           "\n"
                           "--- 198.51.100.12 ping statistics ---\n"
                           "2 packets transmitted, 1 packets received, 50% packet loss\n"
                           "round-trip min/avg/max = 0.311/0.311/0.311 ms\n";

static int all_bytes(const char *p, size_t n, char c) {
    size_t i;
    for (i = 0; i < n; i++)
        if (p[i] != c) return 0;
    return 1;
}

static void test_status_and_version(void) {
    int codes[] = {VMKCHECK_OK,
                   VMKCHECK_ERR_NULL,
                   VMKCHECK_ERR_UTF8,
                   VMKCHECK_ERR_PARSE,
                   VMKCHECK_ERR_BUFFER_TOO_SMALL,
                   VMKCHECK_ERR_CAPACITY,
                   VMKCHECK_ERR_INVALID_ARGUMENT,
                   VMKCHECK_ERR_PANIC};
    size_t i;
    begin("status codes, status_str, version");
    CHECK(VMKCHECK_OK == 0 && VMKCHECK_ERR_NULL == 1 && VMKCHECK_ERR_UTF8 == 2 &&
          VMKCHECK_ERR_PARSE == 3 && VMKCHECK_ERR_BUFFER_TOO_SMALL == 4 &&
          VMKCHECK_ERR_CAPACITY == 5 && VMKCHECK_ERR_INVALID_ARGUMENT == 6 &&
          VMKCHECK_ERR_PANIC == 99);
    for (i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        const char *s = vmkcheck_status_str(codes[i]);
        CHECK(s != NULL && strlen(s) > 0 && strcmp(s, "unknown status") != 0);
    }
    CHECK(strcmp(vmkcheck_status_str(42), "unknown status") == 0);
    CHECK(strcmp(vmkcheck_status_str(-1), "unknown status") == 0);
    CHECK(strcmp(vmkcheck_version(), VMKCHECK_VERSION) == 0);
    end();
}

static void test_json_buffers(void) {
    const char *empty_json = "{\n  \"schema\": \"vmkcheck.transcript.v1\",\n  \"sections\": [],\n"
                             "  \"diagnostics\": []\n}\n";
    size_t need = 0, len = 12345;
    char *buf;
    int s;

    begin("parse_json: NULL text with length 0 is the empty text");
    {
        char out[256];
        s = vmkcheck_parse_json(NULL, 0, out, sizeof out, &len);
        CHECK(s == VMKCHECK_OK && len == strlen(empty_json) && strcmp(out, empty_json) == 0);
    }
    end();

    begin("parse_json: NULL pointers");
    len = 7;
    CHECK(vmkcheck_parse_json(NULL, 1, NULL, 0, &len) == VMKCHECK_ERR_NULL && len == 7);
    CHECK(vmkcheck_parse_json(TABLE, strlen(TABLE), NULL, 0, NULL) == VMKCHECK_ERR_NULL);
    CHECK(vmkcheck_parse_json(TABLE, strlen(TABLE), NULL, 10, &len) == VMKCHECK_ERR_NULL);
    CHECK(len == 7);
    end();

    begin("parse_json: zero capacity, one byte too small, exact");
    s = vmkcheck_parse_json(TABLE, strlen(TABLE), NULL, 0, &need);
    CHECK(s == VMKCHECK_ERR_BUFFER_TOO_SMALL && need > 100);
    buf = (char *)malloc(need + 2);
    if (buf != NULL) {
        memset(buf, 'Z', need + 2);
        len = 0;
        s = vmkcheck_parse_json(TABLE, strlen(TABLE), buf, 0, &len);
        CHECK(s == VMKCHECK_ERR_BUFFER_TOO_SMALL && len == need && all_bytes(buf, need + 2, 'Z'));
        len = 0;
        s = vmkcheck_parse_json(TABLE, strlen(TABLE), buf, need, &len);
        CHECK(s == VMKCHECK_ERR_BUFFER_TOO_SMALL && len == need && all_bytes(buf, need + 2, 'Z'));
        s = vmkcheck_parse_json(TABLE, strlen(TABLE), buf, need + 1, &len);
        CHECK(s == VMKCHECK_OK && len == need && buf[need] == '\0' && strlen(buf) == need);
        CHECK(buf[need + 1] == 'Z');
        free(buf);
    }
    end();

    begin("parse_json: a leading byte-order mark changes nothing");
    {
        char with_bom[sizeof TABLE + 3];
        int s1, s2;
        size_t l1 = 0, l2 = 0;
        char *a, *b;
        memcpy(with_bom, "\xEF\xBB\xBF", 3);
        memcpy(with_bom + 3, TABLE, sizeof TABLE);
        a = parse_json(TABLE, strlen(TABLE), &s1, &l1);
        b = parse_json(with_bom, strlen(TABLE) + 3, &s2, &l2);
        CHECK(s1 == VMKCHECK_OK && s2 == VMKCHECK_OK && a && b && l1 == l2 && !strcmp(a, b));
        free(a);
        free(b);
    }
    end();

    begin("parse_json: output overlapping the input is refused");
    {
        char text[4096];
        memcpy(text, TABLE, sizeof TABLE);
        s = vmkcheck_parse_json(text, strlen(TABLE), text, sizeof text, &len);
        CHECK(s == VMKCHECK_ERR_INVALID_ARGUMENT);
        CHECK(memcmp(text, TABLE, sizeof TABLE) == 0);
    }
    end();

    begin("rules_json: the catalogue");
    {
        jval doc;
        s = vmkcheck_rules_json(NULL, 0, &need);
        CHECK(s == VMKCHECK_ERR_BUFFER_TOO_SMALL);
        buf = (char *)malloc(need + 1);
        if (buf != NULL) {
            CHECK(vmkcheck_rules_json(buf, need + 1, &len) == VMKCHECK_OK && len == need);
            CHECK(jparse(buf, len, &doc) == 0 && doc.t == J_ARR && doc.n == 39);
            CHECK(name_eq(jget(jat(&doc, 0), "id"), "vmotion-not-configured"));
            jfree(&doc);
            free(buf);
        }
    }
    end();
}

static void test_text_errors(void) {
    vmkcheck_error err;
    size_t len = 99;
    char out[64];
    int s;

    begin("invalid UTF-8 in a text: VMKCHECK_ERR_UTF8 with its position");
    {
        const char bad[] = "line one\nab\xff\xfe";
        memset(out, 'Q', sizeof out);
        s = vmkcheck_parse_json_ex(bad, sizeof bad - 1, out, sizeof out, &len, &err);
        CHECK(s == VMKCHECK_ERR_UTF8 && err.status == s && strcmp(err.kind, "invalid_utf8") == 0);
        CHECK(err.line == 2 && err.column == 3 && err.offset == 11);
        CHECK(err.input == VMKCHECK_INPUT_TEXT && err.host == VMKCHECK_NONE);
        CHECK(len == 99 && all_bytes(out, sizeof out, 'Q'));
        CHECK(vmkcheck_parse_json(bad, sizeof bad - 1, out, sizeof out, &len) == VMKCHECK_ERR_UTF8);
    }
    end();

    begin("embedded NUL in a text: VMKCHECK_ERR_INVALID_ARGUMENT, kind not_text");
    {
        const char nul[] = "vmk0 a\0b";
        s = vmkcheck_parse_json_ex(nul, sizeof nul - 1, out, sizeof out, &len, &err);
        CHECK(s == VMKCHECK_ERR_INVALID_ARGUMENT && strcmp(err.kind, "not_text") == 0);
        CHECK(err.offset == 6 && err.line == 1 && err.column == 7);
        s = vmkcheck_parse_vmknic(nul, sizeof nul - 1, NULL, 0, &len, &err);
        CHECK(s == VMKCHECK_ERR_INVALID_ARGUMENT && strcmp(err.kind, "not_text") == 0);
    }
    end();

    begin("error_message / error_json of a parse error");
    {
        char msg[512];
        jval doc;
        s = vmkcheck_parse_vmknic("hello\n", 6, NULL, 0, &len, &err);
        CHECK(s == VMKCHECK_ERR_PARSE && strcmp(err.kind, "no_vmknic_table") == 0);
        CHECK(err.line == 1 && err.column == 1 && err.offset == 0);
        CHECK(vmkcheck_error_message(&err, msg, sizeof msg, &len) == VMKCHECK_OK);
        CHECK(strcmp(msg, "line 1, column 1: no esxcfg-vmknic -l table (header or vmkN row) "
                          "found") == 0);
        CHECK(vmkcheck_error_json(&err, msg, sizeof msg, &len) == VMKCHECK_OK);
        CHECK(jparse(msg, len, &doc) == 0 && name_eq(jget(&doc, "kind"), "no_vmknic_table"));
        CHECK(int_eq(jget(&doc, "line"), 1) && int_eq(jget(&doc, "offset"), 0));
        jfree(&doc);
        s = vmkcheck_parse_vmknic("", 0, NULL, 0, &len, &err);
        CHECK(s == VMKCHECK_ERR_PARSE && strcmp(err.kind, "empty") == 0);
        s = vmkcheck_parse_vmkping("hello", 5, NULL, NULL, 0, &len, &err);
        CHECK(s == VMKCHECK_ERR_NULL && strcmp(err.kind, "null_argument") == 0);
        CHECK(vmkcheck_error_message(&err, msg, sizeof msg, &len) == VMKCHECK_OK);
        CHECK(vmkcheck_error_json(&err, msg, sizeof msg, &len) == VMKCHECK_ERR_INVALID_ARGUMENT);
        CHECK(vmkcheck_error_message(NULL, msg, sizeof msg, &len) == VMKCHECK_ERR_NULL);
    }
    end();
}

static void test_typed_parsers(void) {
    vmkcheck_vmknic_row rows[4];
    vmkcheck_ping_response responses[4];
    vmkcheck_ping_run run;
    vmkcheck_error err;
    size_t n = 0;
    int s;

    begin("parse_vmknic: NULL, zero capacity, one too few, exact");
    CHECK(vmkcheck_parse_vmknic(TABLE, strlen(TABLE), rows, 4, NULL, NULL) == VMKCHECK_ERR_NULL);
    CHECK(vmkcheck_parse_vmknic(TABLE, strlen(TABLE), NULL, 4, &n, NULL) == VMKCHECK_ERR_NULL);
    CHECK(vmkcheck_parse_vmknic(NULL, 5, rows, 4, &n, NULL) == VMKCHECK_ERR_NULL);
    s = vmkcheck_parse_vmknic(TABLE, strlen(TABLE), NULL, 0, &n, &err);
    CHECK(s == VMKCHECK_ERR_CAPACITY && n == 2 && strcmp(err.kind, "capacity") == 0);
    memset(rows, 0x5A, sizeof rows);
    n = 0;
    s = vmkcheck_parse_vmknic(TABLE, strlen(TABLE), rows, 1, &n, NULL);
    CHECK(s == VMKCHECK_ERR_CAPACITY && n == 2 && all_bytes((const char *)rows, sizeof rows, 0x5A));
    s = vmkcheck_parse_vmknic(TABLE, strlen(TABLE), rows, 2, &n, NULL);
    CHECK(s == VMKCHECK_OK && n == 2);
    CHECK(rows[1].line == 4 && rows[1].mtu == 9000 && rows[1].prefix_len == 24 &&
          rows[1].enabled == 1 && strcmp(rows[1].family, "ipv4") == 0 &&
          strcmp(rows[1].portgroup_kind, "name") == 0);
    CHECK(rows[1].netstack.len == 7 && memcmp(rows[1].netstack.ptr, "vmotion", 7) == 0);
    CHECK(in_buf(rows[1].netstack, TABLE, sizeof TABLE));
    CHECK(all_bytes((const char *)&rows[2], 2 * sizeof rows[0], 0x5A));
    end();

    begin("parse_vmkping: NULL, capacity, an inferred timeout");
    CHECK(vmkcheck_parse_vmkping(PING, strlen(PING), NULL, responses, 4, &n, NULL) ==
          VMKCHECK_ERR_NULL);
    CHECK(vmkcheck_parse_vmkping(PING, strlen(PING), &run, responses, 4, NULL, NULL) ==
          VMKCHECK_ERR_NULL);
    memset(&run, 0x5A, sizeof run);
    s = vmkcheck_parse_vmkping(PING, strlen(PING), &run, responses, 1, &n, NULL);
    CHECK(s == VMKCHECK_ERR_CAPACITY && n == 2 && all_bytes((const char *)&run, sizeof run, 0x5A));
    s = vmkcheck_parse_vmkping(PING, strlen(PING), &run, responses, 4, &n, NULL);
    CHECK(s == VMKCHECK_OK && n == 2 && run.n_responses == 2 && run.has_command);
    CHECK(run.command.df && run.command.size == 8972 && run.packets_transmitted == 2 &&
          run.packets_received == 1 && run.has_packet_loss_percent &&
          run.packet_loss_percent == 50.0 && run.complete && run.has_round_trip &&
          !run.has_round_trip_ms_stddev);
    CHECK(strcmp(responses[0].type, "reply") == 0 && responses[0].has_time_ms &&
          responses[0].time_ms == 0.311 && responses[0].ttl == 64);
    CHECK(strcmp(responses[1].type, "timeout") == 0 && responses[1].icmp_seq == 1 &&
          responses[1].bytes == -1 && !responses[1].has_time_ms);
    s = vmkcheck_parse_vmkping("hello\n", 6, &run, responses, 4, &n, &err);
    CHECK(s == VMKCHECK_ERR_PARSE && strcmp(err.kind, "no_ping_output") == 0);
    end();

    begin("parse_transcript: NULL, counts, one array short, exact");
    {
        vmkcheck_transcript t;
        vmkcheck_section sections[2];
        vmkcheck_diagnostic diagnostics[2];
        char text[sizeof TABLE + sizeof PING];
        memcpy(text, TABLE, sizeof TABLE - 1);
        memcpy(text + sizeof TABLE - 1, PING, sizeof PING);
        CHECK(vmkcheck_parse_transcript(text, strlen(text), NULL, NULL) == VMKCHECK_ERR_NULL);
        memset(&t, 0, sizeof t);
        t.rows_cap = 3; /* NULL with a capacity */
        CHECK(vmkcheck_parse_transcript(text, strlen(text), &t, NULL) == VMKCHECK_ERR_NULL);
        memset(&t, 0, sizeof t);
        s = vmkcheck_parse_transcript(text, strlen(text), &t, NULL);
        CHECK(s == VMKCHECK_ERR_CAPACITY && t.n_sections == 2 && t.n_rows == 2 &&
              t.n_runs == 1 && t.n_responses == 2 && t.n_diagnostics == 0);
        memset(rows, 0x5A, sizeof rows);
        memset(sections, 0x5A, sizeof sections);
        t.sections = sections;
        t.sections_cap = 2;
        t.rows = rows;
        t.rows_cap = 2;
        t.runs = &run;
        t.runs_cap = 1;
        t.responses = responses;
        t.responses_cap = 1; /* one short */
        t.diagnostics = diagnostics;
        t.diagnostics_cap = 2;
        s = vmkcheck_parse_transcript(text, strlen(text), &t, NULL);
        CHECK(s == VMKCHECK_ERR_CAPACITY && t.n_responses == 2);
        CHECK(all_bytes((const char *)rows, sizeof rows, 0x5A) &&
              all_bytes((const char *)sections, sizeof sections, 0x5A));
        t.responses_cap = 2;
        s = vmkcheck_parse_transcript(text, strlen(text), &t, NULL);
        CHECK(s == VMKCHECK_OK && t.n_sections == 2 && t.n_rows == 2 && t.n_runs == 1);
        CHECK(strcmp(sections[0].kind, "vmknic") == 0 && sections[0].n_rows == 2 &&
              sections[0].run == VMKCHECK_NONE && sections[0].host.len == 5 &&
              memcmp(sections[0].host.ptr, "esx01", 5) == 0);
        CHECK(strcmp(sections[1].kind, "vmkping") == 0 && sections[1].run == 0 &&
              sections[1].host.len == 5 && sections[1].n_rows == 0);
    }
    end();
}

/* One host's other commands: version, tags, routes, NICs, switches, diag ping. */
static const char OTHERS[] =
    "[root@esx01:~] esxcli system version get\n"
    "   Product: VMware ESXi\n"
    "   Version: 7.0.3\n"
    "   Build: Releasebuild-21930508\n"
    "   Update: 3\n"
    "   Patch: 95\n"
    "[root@esx01:~] esxcli network ip interface tag get -i vmk1\n"
    "   Tags: VMotion, Management\n"
    "[root@esx01:~] esxcli network ip route ipv4 list -N vmotion\n"
    "Network       Netmask        Gateway       Interface  Source\n"
    "------------  -------------  ------------  ---------  ------\n"
    "default       0.0.0.0        198.51.100.1  vmk1       MANUAL\n"
    "198.51.100.0  255.255.255.0  0.0.0.0       vmk1       MANUAL\n"
    "[root@esx01:~] esxcli network nic list\n"
    "Name    PCI Device    Driver  Admin Status  Link Status  Speed  Duplex  MAC Address        "
    "MTU   Description\n"
    "------  ------------  ------  ------------  -----------  -----  ------  -----------------  "
    "----  -----------\n"
    "vmnic0  0000:01:00.0  ntg3    Up            Up            1000  Full    00:50:56:b2:00:20  "
    "1500  Broadcom BCM5720\n"
    "vmnic2  0000:3b:00.0  ixgben  Up            Down             0  Half    00:50:56:b2:00:22  "
    "9000  Intel X710\n"
    "[root@esx01:~] esxcfg-vswitch -l\n"
    "Switch Name      Num Ports   Used Ports  Configured Ports  MTU     Uplinks\n"
    "vSwitch1         4352        4           128               9000    vmnic2,vmnic3\n"
    "\n"
    "  PortGroup Name                              VLAN ID  Used Ports  Uplinks\n"
    "  vMotion                                     20       1           vmnic2\n"
    "\n"
    "DVS Name         Num Ports   Used Ports  Configured Ports  MTU     Uplinks\n"
    "dvs-prod         2450        7           512               1500    vmnic4\n"
    "\n"
    "  DVPort ID                               In Use      Client\n"
    "  100                                     1           vmk2\n"
    "  101                                     0\n"
    "[root@esx01:~] esxcli network diag ping -H 198.51.100.12 -I vmk1 --netstack=vmotion -d "
    "-s 8972 -c 1\n"
    "   Trace:\n"
    "         Received Bytes: 8980\n"
    "         Host: 198.51.100.12\n"
    "         ICMP Seq: 0\n"
    "         TTL: 64\n"
    "         Round-trip Time: 236 us\n"
    "         Dup: false\n"
    "         Detail:\n"
    "   Summary:\n"
    "         Host Addr: 198.51.100.12\n"
    "         Transmitted: 1\n"
    "         Recieved: 1\n"
    "         Duplicated: 0\n"
    "         Packet Lost: 0\n"
    "         Round-trip Min: 236 us\n"
    "         Round-trip Avg: 236 us\n"
    "         Round-trip Max: 236 us\n";

static int view_is(vmkcheck_str v, const char *s) {
    return v.ptr != NULL && v.len == strlen(s) && memcmp(v.ptr, s, v.len) == 0;
}

/* Fills every array of `t` with exactly the counts it reports (sentinel-filled). */
static int size_transcript(const char *text, size_t len, vmkcheck_transcript *t) {
    int s;
    memset(t, 0, sizeof *t);
    s = vmkcheck_parse_transcript(text, len, t, NULL);
    if (s != VMKCHECK_ERR_CAPACITY) return -1;
    {
        int ok = 1;
        ALLOC_ARRAY(t, sections, n_sections, sections_cap);
        ALLOC_ARRAY(t, rows, n_rows, rows_cap);
        ALLOC_ARRAY(t, runs, n_runs, runs_cap);
        ALLOC_ARRAY(t, responses, n_responses, responses_cap);
        ALLOC_ARRAY(t, diagnostics, n_diagnostics, diagnostics_cap);
        ALLOC_ARRAY(t, versions, n_versions, versions_cap);
        ALLOC_ARRAY(t, tags, n_tags, tags_cap);
        ALLOC_ARRAY(t, routes, n_routes, routes_cap);
        ALLOC_ARRAY(t, nics, n_nics, nics_cap);
        ALLOC_ARRAY(t, switches, n_switches, switches_cap);
        ALLOC_ARRAY(t, portgroups, n_portgroups, portgroups_cap);
        ALLOC_ARRAY(t, dvports, n_dvports, dvports_cap);
        ALLOC_ARRAY(t, names, n_names, names_cap);
        if (!ok) return -1;
    }
#define FILL(arr, cap) memset(t->arr, 0x5A, (t->cap + 1) * sizeof *t->arr)
    FILL(sections, sections_cap);
    FILL(rows, rows_cap);
    FILL(runs, runs_cap);
    FILL(responses, responses_cap);
    FILL(diagnostics, diagnostics_cap);
    FILL(versions, versions_cap);
    FILL(tags, tags_cap);
    FILL(routes, routes_cap);
    FILL(nics, nics_cap);
    FILL(switches, switches_cap);
    FILL(portgroups, portgroups_cap);
    FILL(dvports, dvports_cap);
    FILL(names, names_cap);
#undef FILL
    return 0;
}

/* No array of `t` was written (all still 0x5A). */
static int untouched(const vmkcheck_transcript *t) {
#define SAME(arr, cap) all_bytes((const char *)t->arr, (t->cap + 1) * sizeof *t->arr, 0x5A)
    return SAME(sections, sections_cap) && SAME(rows, rows_cap) && SAME(runs, runs_cap) &&
           SAME(responses, responses_cap) && SAME(diagnostics, diagnostics_cap) &&
           SAME(versions, versions_cap) && SAME(tags, tags_cap) && SAME(routes, routes_cap) &&
           SAME(nics, nics_cap) && SAME(switches, switches_cap) &&
           SAME(portgroups, portgroups_cap) && SAME(dvports, dvports_cap) &&
           SAME(names, names_cap);
#undef SAME
}

static void test_other_commands(void) {
    vmkcheck_transcript t;
    vmkcheck_error err;
    size_t len = strlen(OTHERS);
    int s;

    begin("transcript, other commands: counts (zero capacity) and every value");
    s = size_transcript(OTHERS, len, &t);
    CHECK(s == 0);
    CHECK(t.n_sections == 6 && t.n_versions == 1 && t.n_tags == 1 && t.n_routes == 2 &&
          t.n_nics == 2 && t.n_switches == 2 && t.n_portgroups == 1 && t.n_dvports == 2 &&
          t.n_names == 2 + 2 + 1 + 1 && t.n_runs == 1 && t.n_responses == 1 && t.n_rows == 0);
    if (s == 0) {
        const vmkcheck_section *sec = t.sections;
        s = vmkcheck_parse_transcript(OTHERS, len, &t, &err);
        CHECK(s == VMKCHECK_OK);
        CHECK(!strcmp(sec[0].kind, "version") && sec[0].first_item == 0 && sec[0].n_items == 1);
        CHECK(!strcmp(sec[1].kind, "tags") && sec[1].n_items == 1);
        CHECK(!strcmp(sec[2].kind, "route_list") && sec[2].n_items == 2);
        CHECK(!strcmp(sec[3].kind, "nic_list") && sec[3].n_items == 2);
        CHECK(!strcmp(sec[4].kind, "vswitch") && sec[4].n_items == 2);
        CHECK(!strcmp(sec[5].kind, "diag_ping") && sec[5].run == 0 && sec[5].n_items == 1);
        CHECK(view_is(t.versions[0].product, "VMware ESXi") &&
              view_is(t.versions[0].version, "7.0.3") && t.versions[0].build == 21930508 &&
              view_is(t.versions[0].update, "3") && view_is(t.versions[0].patch, "95") &&
              t.versions[0].major == 7 && t.versions[0].minor == 0 &&
              t.versions[0].patch_level == 3 && t.versions[0].line == 2);
        CHECK(view_is(t.tags[0].interface, "vmk1") && t.tags[0].vmotion && t.tags[0].n_tags == 2 &&
              view_is(t.names[t.tags[0].first_tag], "VMotion") &&
              view_is(t.names[t.tags[0].first_tag + 1], "Management") &&
              view_is(t.tags[0].value, "VMotion, Management"));
        CHECK(view_is(t.routes[0].netstack, "vmotion") && t.routes[0].is_default &&
              view_is(t.routes[0].gateway, "198.51.100.1") && !strcmp(t.routes[0].family, "ipv4") &&
              t.routes[1].prefix_len == 24 && !t.routes[1].is_default &&
              view_is(t.routes[1].interface, "vmk1") && view_is(t.routes[1].source, "MANUAL"));
        CHECK(view_is(t.nics[0].name, "vmnic0") && t.nics[0].speed_mbps == 1000 &&
              t.nics[0].link_up && !t.nics[0].half_duplex && t.nics[0].mtu == 1500 &&
              view_is(t.nics[1].driver, "ixgben") && !t.nics[1].link_up &&
              t.nics[1].half_duplex && t.nics[1].speed_mbps == 0 &&
              view_is(t.nics[1].description, "Intel X710"));
        CHECK(!strcmp(t.switches[0].kind, "standard") && view_is(t.switches[0].name, "vSwitch1") &&
              t.switches[0].mtu == 9000 && view_is(t.switches[0].uplinks, "vmnic2,vmnic3") &&
              t.switches[0].n_uplinks == 2 &&
              view_is(t.names[t.switches[0].first_uplink + 1], "vmnic3") &&
              t.switches[0].n_portgroups == 1 && t.switches[0].n_dvports == 0 &&
              t.switches[0].configured_ports == 128);
        CHECK(view_is(t.portgroups[0].name, "vMotion") && t.portgroups[0].vlan_id == 20 &&
              t.portgroups[0].n_uplinks == 1 && t.portgroups[0].switch_index == 0 &&
              view_is(t.names[t.portgroups[0].first_uplink], "vmnic2"));
        CHECK(!strcmp(t.switches[1].kind, "distributed") && t.switches[1].mtu == 1500 &&
              t.switches[1].n_dvports == 2 && t.switches[1].first_dvport == 0 &&
              t.switches[1].n_portgroups == 0);
        CHECK(view_is(t.dvports[0].id, "100") && t.dvports[0].in_use == 1 &&
              view_is(t.dvports[0].client, "vmk2") && t.dvports[1].in_use == 0 &&
              t.dvports[1].client.ptr == NULL && t.dvports[1].switch_index == 1);
        CHECK(t.runs[0].has_command && view_is(t.runs[0].command.program, "esxcli") &&
              t.runs[0].command.df && t.runs[0].command.size == 8972 &&
              view_is(t.runs[0].command.netstack, "vmotion") &&
              t.runs[0].packets_received == 1 && t.runs[0].n_responses == 1 &&
              !strcmp(t.responses[0].type, "reply") && t.responses[0].bytes == 8980);
    }
    free_transcript(&t);
    end();

    begin("transcript, other commands: each new array one short, then NULL with capacity");
    s = size_transcript(OTHERS, len, &t);
    CHECK(s == 0);
    if (s == 0) {
        size_t *caps[] = {&t.versions_cap, &t.tags_cap,       &t.routes_cap,  &t.nics_cap,
                          &t.switches_cap, &t.portgroups_cap, &t.dvports_cap, &t.names_cap};
        size_t i;
        for (i = 0; i < sizeof caps / sizeof caps[0]; i++) {
            size_t keep = *caps[i];
            vmkcheck_transcript before;
            *caps[i] = keep - 1;
            memcpy(&before, &t, sizeof t);
            s = vmkcheck_parse_transcript(OTHERS, len, &t, &err);
            CHECK(s == VMKCHECK_ERR_CAPACITY && strcmp(err.kind, "capacity") == 0);
            CHECK(t.n_versions == 1 && t.n_tags == 1 && t.n_routes == 2 && t.n_nics == 2 &&
                  t.n_switches == 2 && t.n_portgroups == 1 && t.n_dvports == 2 && t.n_names == 6);
            CHECK(untouched(&t));
            *caps[i] = keep;
        }
        {
            vmkcheck_nic_row *nics = t.nics;
            vmkcheck_str *names = t.names;
            t.nics = NULL; /* capacity 2 */
            s = vmkcheck_parse_transcript(OTHERS, len, &t, &err);
            CHECK(s == VMKCHECK_ERR_NULL && strcmp(err.kind, "null_argument") == 0);
            t.names = NULL;
            t.nics = nics;
            s = vmkcheck_parse_transcript(OTHERS, len, &t, &err);
            CHECK(s == VMKCHECK_ERR_NULL && strcmp(err.kind, "null_argument") == 0);
            t.names_cap = 0; /* NULL with capacity 0: count only, names needed */
            s = vmkcheck_parse_transcript(OTHERS, len, &t, &err);
            CHECK(s == VMKCHECK_ERR_CAPACITY && t.n_names == 6);
            t.names = names;
        }
    }
    free_transcript(&t);
    end();

    begin("transcript, other commands: invalid UTF-8 and overlapping arrays");
    {
        static union {
            vmkcheck_str s[sizeof OTHERS / sizeof(vmkcheck_str) + 1];
            char c[sizeof OTHERS];
        } ov;
        char bad[sizeof OTHERS];
        vmkcheck_transcript u;
        memcpy(bad, OTHERS, sizeof OTHERS);
        bad[60] = (char)0xff; /* inside "Product: VMware ESXi" */
        s = size_transcript(OTHERS, len, &t);
        CHECK(s == 0);
        if (s == 0) {
            memcpy(&u, &t, sizeof t);
            s = vmkcheck_parse_transcript(bad, len, &t, &err);
            CHECK(s == VMKCHECK_ERR_UTF8 && strcmp(err.kind, "invalid_utf8") == 0 &&
                  err.offset == 60 && err.line == 2 && err.input == VMKCHECK_INPUT_TEXT);
            CHECK(memcmp(&u, &t, sizeof t) == 0 && untouched(&t));
            memcpy(ov.c, OTHERS, sizeof OTHERS);
            u.names = ov.s + 2; /* the names array lies inside the text */
            u.names_cap = 6;
            s = vmkcheck_parse_transcript(ov.c, len, &u, &err);
            CHECK(s == VMKCHECK_ERR_INVALID_ARGUMENT && strcmp(err.kind, "invalid_argument") == 0);
            CHECK(memcmp(ov.c, OTHERS, sizeof OTHERS) == 0 && untouched(&t));
        }
        free_transcript(&t);
    }
    end();
}

static size_t count_findings_json(const char *json, size_t len) {
    jval doc;
    const jval *f;
    size_t n = (size_t)-1;
    if (jparse(json, len, &doc) != 0) return n;
    f = jget(&doc, "findings");
    if (f != NULL && f->t == J_ARR) n = f->n;
    jfree(&doc);
    return n;
}

static void test_check_errors(void) {
    vmkcheck_host hosts[2];
    vmkcheck_error err;
    vmkcheck_finding *f = NULL;
    size_t n = 0, len = 0;
    char out[64];
    int s;

    memset(hosts, 0, sizeof hosts);
    hosts[0].text = TABLE;
    hosts[0].text_len = strlen(TABLE);
    hosts[1].name = "esx02";
    hosts[1].name_len = 5;
    hosts[1].text = PING;
    hosts[1].text_len = strlen(PING);

    begin("check: NULL pointers");
    CHECK(vmkcheck_check_json(NULL, 2, NULL, 0, NULL, 0, &len) == VMKCHECK_ERR_NULL);
    CHECK(vmkcheck_check(NULL, 1, NULL, 0, NULL, 0, &n, NULL) == VMKCHECK_ERR_NULL);
    CHECK(vmkcheck_check(hosts, 2, NULL, 0, NULL, 0, NULL, NULL) == VMKCHECK_ERR_NULL);
    CHECK(vmkcheck_check(hosts, 2, NULL, 0, NULL, 5, &n, NULL) == VMKCHECK_ERR_NULL);
    CHECK(vmkcheck_check_json(hosts, 2, NULL, 3, NULL, 0, &len) == VMKCHECK_ERR_NULL);
    {
        vmkcheck_host h = hosts[1];
        h.name = NULL;
        CHECK(vmkcheck_check_json(&h, 1, NULL, 0, NULL, 0, &len) == VMKCHECK_ERR_NULL);
        h = hosts[1];
        h.text = NULL;
        CHECK(vmkcheck_check_json(&h, 1, NULL, 0, NULL, 0, &len) == VMKCHECK_ERR_NULL);
        h.text_len = 0; /* NULL text, length 0: an empty host */
        CHECK(vmkcheck_check_json(&h, 1, NULL, 0, NULL, 0, &len) ==
              VMKCHECK_ERR_BUFFER_TOO_SMALL);
    }
    end();

    begin("check: invalid UTF-8 and NUL name the host and input");
    {
        vmkcheck_host h[2];
        memcpy(h, hosts, sizeof h);
        h[1].name = "esx\xff";
        h[1].name_len = 4;
        s = vmkcheck_check_json_ex(h, 2, NULL, 0, out, sizeof out, &len, &err);
        CHECK(s == VMKCHECK_ERR_UTF8 && err.input == VMKCHECK_INPUT_NAME && err.host == 1 &&
              err.offset == 3);
        memcpy(h, hosts, sizeof h);
        h[1].text = "ab\0cd";
        h[1].text_len = 5;
        s = vmkcheck_check_json_ex(h, 2, NULL, 0, out, sizeof out, &len, &err);
        CHECK(s == VMKCHECK_ERR_INVALID_ARGUMENT && strcmp(err.kind, "not_text") == 0 &&
              err.input == VMKCHECK_INPUT_TEXT && err.host == 1 && err.offset == 2);
        s = vmkcheck_check(hosts, 2, "{\"a\":\xc3}", 7, NULL, 0, &n, &err);
        CHECK(s == VMKCHECK_ERR_UTF8 && err.input == VMKCHECK_INPUT_FACTS);
    }
    end();

    begin("check: malformed facts are VMKCHECK_ERR_PARSE with position");
    {
        const char *facts = "{\"esx01\": {\"esxi_verison\": \"7.0\"}}";
        s = vmkcheck_check_json_ex(hosts, 2, facts, strlen(facts), NULL, 0, &len, &err);
        CHECK(s == VMKCHECK_ERR_PARSE && strcmp(err.kind, "facts_unknown_field") == 0);
        CHECK(err.line == 1 && err.column == 12 && err.input == VMKCHECK_INPUT_FACTS);
        CHECK(vmkcheck_check_json(hosts, 2, facts, strlen(facts), NULL, 0, &len) ==
              VMKCHECK_ERR_PARSE);
        s = vmkcheck_check(hosts, 2, "{", 1, NULL, 0, &n, &err);
        CHECK(s == VMKCHECK_ERR_PARSE && strcmp(err.kind, "facts_syntax") == 0);
        /* Blank facts are no facts. */
        CHECK(vmkcheck_check(hosts, 2, "  \n", 3, NULL, 0, &n, NULL) == VMKCHECK_ERR_CAPACITY);
    }
    end();

    begin("check: 0 hosts");
    {
        int s1;
        size_t l = 0;
        char *json = check_json(NULL, 0, NULL, 0, &s1, &l);
        CHECK(s1 == VMKCHECK_OK && json != NULL &&
              strncmp(json, "{\n  \"schema\": \"vmkcheck.report.v1\"", 34) == 0);
        s = run_check(NULL, 0, NULL, 0, &f, &n);
        CHECK(s == VMKCHECK_OK && json != NULL && n == count_findings_json(json, l));
        free(f);
        free(json);
    }
    end();

    begin("check: names from prompts, from the caller, and host<N>");
    {
        vmkcheck_host h[3];
        size_t i, named = 0, numbered = 0, given = 0;
        memcpy(h, hosts, sizeof hosts);
        h[2].name = NULL;
        h[2].name_len = 0;
        h[2].text = PING; /* no prompt, no name: host3 */
        h[2].text_len = strlen(PING);
        s = run_check(h, 3, NULL, 0, &f, &n);
        CHECK(s == VMKCHECK_OK && n > 0);
        for (i = 0; f != NULL && i < n; i++) {
            char name[64];
            size_t l = 0;
            const vmkcheck_host_ref *r = &f[i].host;
            if (!r->present) continue;
            CHECK(vmkcheck_host_ref_name(r, name, sizeof name, &l) == VMKCHECK_OK);
            if (r->index == 0) {
                named++;
                CHECK(strcmp(name, "esx01") == 0 && in_buf(r->name, TABLE, sizeof TABLE));
            } else if (r->index == 1) {
                given++;
                CHECK(strcmp(name, "esx02") == 0 && r->name.ptr == h[1].name);
            } else {
                numbered++;
                CHECK(r->index == 2 && r->number == 3 && strcmp(name, "host3") == 0);
            }
        }
        CHECK(named > 0 && given > 0 && numbered > 0);
        free(f);
    }
    end();

    begin("check: zero capacity, one too few, exact");
    s = run_check(hosts, 2, NULL, 0, &f, &n);
    CHECK(s == VMKCHECK_OK && n >= 2);
    if (f != NULL && n >= 2) {
        vmkcheck_finding *g = (vmkcheck_finding *)malloc((n + 1) * sizeof *g);
        size_t got = 0;
        if (g != NULL) {
            memset(g, 0x5A, (n + 1) * sizeof *g);
            s = vmkcheck_check(hosts, 2, NULL, 0, g, n - 1, &got, &err);
            CHECK(s == VMKCHECK_ERR_CAPACITY && got == n && strcmp(err.kind, "capacity") == 0);
            CHECK(all_bytes((const char *)g, (n + 1) * sizeof *g, 0x5A));
            s = vmkcheck_check(hosts, 2, NULL, 0, g, n + 1, &got, NULL);
            CHECK(s == VMKCHECK_OK && got == n);
            CHECK(all_bytes((const char *)&g[n], sizeof *g, 0x5A));
            free(g);
        }
    }
    end();

    begin("findings: render buffers, copies, foreign structs");
    if (f != NULL && n >= 1) {
        vmkcheck_finding copy, zero;
        char *msg = (char *)malloc(f[0].message_len + 2);
        size_t l = 0;
        const char *verdict = NULL;
        if (msg != NULL) {
            memset(msg, 'Z', f[0].message_len + 2);
            s = vmkcheck_finding_message(&f[0], msg, f[0].message_len, &l);
            CHECK(s == VMKCHECK_ERR_BUFFER_TOO_SMALL && l == f[0].message_len &&
                  all_bytes(msg, f[0].message_len + 2, 'Z'));
            s = vmkcheck_finding_message(&f[0], msg, f[0].message_len + 1, &l);
            CHECK(s == VMKCHECK_OK && l == f[0].message_len && strlen(msg) == l);
            copy = f[0]; /* a struct copy renders the same */
            {
                size_t l2 = 0;
                char *again = render(r_message, &copy, &l2);
                CHECK(again != NULL && l2 == l && strcmp(again, msg) == 0);
                free(again);
            }
            free(msg);
        }
        memset(&zero, 0, sizeof zero);
        CHECK(vmkcheck_finding_message(&zero, out, sizeof out, &l) ==
              VMKCHECK_ERR_INVALID_ARGUMENT);
        memset(&zero, 0x5A, sizeof zero); /* as if uninitialised */
        CHECK(vmkcheck_finding_message(&zero, out, sizeof out, &l) ==
              VMKCHECK_ERR_INVALID_ARGUMENT);
        CHECK(vmkcheck_host_ref_name(&zero.host, out, sizeof out, &l) ==
              VMKCHECK_ERR_INVALID_ARGUMENT);
        copy = f[0];
        copy.severity_rank = (copy.severity_rank + 1) % 4;
        CHECK(vmkcheck_finding_remediation(&copy, out, sizeof out, &l) ==
              VMKCHECK_ERR_INVALID_ARGUMENT);
        CHECK(vmkcheck_finding_message(NULL, out, sizeof out, &l) == VMKCHECK_ERR_NULL);
        CHECK(vmkcheck_finding_message(&f[0], out, sizeof out, NULL) == VMKCHECK_ERR_NULL);
        CHECK(vmkcheck_verdict(NULL, 1, &verdict) == VMKCHECK_ERR_NULL);
        CHECK(vmkcheck_verdict(f, n, NULL) == VMKCHECK_ERR_NULL);
        CHECK(vmkcheck_verdict(NULL, 0, &verdict) == VMKCHECK_OK && !strcmp(verdict, "ready"));
        CHECK(vmkcheck_verdict(&copy, 1, &verdict) == VMKCHECK_OK);
        copy.severity_rank = 17;
        CHECK(vmkcheck_verdict(&copy, 1, &verdict) == VMKCHECK_ERR_INVALID_ARGUMENT);
        CHECK(vmkcheck_host_ref_name(NULL, out, sizeof out, &l) == VMKCHECK_ERR_NULL);
    }
    free(f);
    f = NULL;
    end();

    begin("check: output overlapping an input is refused");
    {
        char text[4096];
        vmkcheck_host h;
        memcpy(text, TABLE, sizeof TABLE);
        h.name = NULL;
        h.name_len = 0;
        h.text = text;
        h.text_len = strlen(TABLE);
        s = vmkcheck_check_json(&h, 1, NULL, 0, text + 100, 1000, &len);
        CHECK(s == VMKCHECK_ERR_INVALID_ARGUMENT && memcmp(text, TABLE, sizeof TABLE) == 0);
    }
    end();
}

/* A vmknic table with one management vmk at a unique address: no pair findings. */
static char *host_text(unsigned i) {
    char addr[32], mac[32];
    char *t = (char *)malloc(1024);
    if (t == NULL) return NULL;
    snprintf(addr, sizeof addr, "10.0.%u.%u", i / 250, i % 250 + 1);
    snprintf(mac, sizeof mac, "00:50:56:%02x:%02x:%02x", (i >> 16) & 0xffu, (i >> 8) & 0xffu,
             i & 0xffu);
    snprintf(t, 1024,
             "[root@esx%04u:~] esxcfg-vmknic -l\n"
             "%-11s%-40s%-10s%-40s%-16s%-16s%-18s%-8s%-10s%-8s%-20s%s\n"
             "%-11s%-40s%-10s%-40s%-16s%-16s%-18s%-8s%-10s%-8s%-20s%s\n",
             i, "Interface", "Port Group/DVPort/Opaque Network", "IP Family", "IP Address",
             "Netmask", "Broadcast", "MAC Address", "MTU", "TSO MSS", "Enabled", "Type",
             "NetStack", "vmk0", "Management Network", "IPv4", addr, "255.0.0.0",
             "10.255.255.255", mac, "1500", "65535", "true", "STATIC", "defaultTcpipStack");
    return t;
}

static void test_many_hosts(void) {
    enum { MANY = 1000 };
    vmkcheck_host *hosts = (vmkcheck_host *)calloc(VMKCHECK_MAX_HOSTS + 1, sizeof *hosts);
    char **texts = (char **)calloc(MANY, sizeof *texts);
    size_t i, n = 0, len = 0;
    vmkcheck_finding *f = NULL;
    vmkcheck_error err;
    int s;

    begin("check: 1,000 hosts through both APIs");
    CHECK(hosts != NULL && texts != NULL);
    for (i = 0; hosts != NULL && texts != NULL && i < MANY; i++) {
        texts[i] = host_text((unsigned)i);
        CHECK(texts[i] != NULL);
        hosts[i].text = texts[i];
        hosts[i].text_len = texts[i] ? strlen(texts[i]) : 0;
    }
    if (hosts != NULL && texts != NULL && t_failures == 0) {
        char *json = check_json(hosts, MANY, NULL, 0, &s, &len);
        jval doc;
        CHECK(s == VMKCHECK_OK && json != NULL);
        CHECK(json != NULL && jparse(json, len, &doc) == 0);
        if (json != NULL) {
            const jval *h = jget(&doc, "hosts");
            CHECK(h != NULL && h->t == J_ARR && h->n == MANY);
            CHECK(name_eq(jget(jat(h, 0), "name"), "esx0000") &&
                  name_eq(jget(jat(h, MANY - 1), "name"), "esx0999"));
            s = run_check(hosts, MANY, NULL, 0, &f, &n);
            CHECK(s == VMKCHECK_OK && n >= MANY);
            if (f != NULL) {
                check_case c;
                memset(&c, 0, sizeof c);
                c.n = MANY;
                c.hosts = hosts;
                cmp_findings(&doc, f, n, &c);
            }
            jfree(&doc);
        }
        free(json);
        free(f);
    }
    end();

    begin("check: more than VMKCHECK_MAX_HOSTS hosts is refused");
    if (hosts != NULL) {
        s = vmkcheck_check_json_ex(hosts, VMKCHECK_MAX_HOSTS + 1, NULL, 0, NULL, 0, &len, &err);
        CHECK(s == VMKCHECK_ERR_INVALID_ARGUMENT && strcmp(err.kind, "too_large") == 0);
        s = vmkcheck_check(hosts, VMKCHECK_MAX_HOSTS + 1, NULL, 0, NULL, 0, &n, &err);
        CHECK(s == VMKCHECK_ERR_INVALID_ARGUMENT && strcmp(err.kind, "too_large") == 0);
        /* Exactly the maximum is fine (most of them empty). */
        s = vmkcheck_check(hosts, VMKCHECK_MAX_HOSTS, NULL, 0, NULL, 0, &n, NULL);
        CHECK(s == VMKCHECK_ERR_CAPACITY && n >= MANY);
    }
    end();

    for (i = 0; texts != NULL && i < MANY; i++) free(texts[i]);
    free(texts);
    free(hosts);
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s CORPUS_DIR\n", argv[0]);
        return 64;
    }
    test_status_and_version();
    test_json_buffers();
    test_text_errors();
    test_typed_parsers();
    test_other_commands();
    test_check_errors();
    test_many_hosts();
    run_corpus(argv[1]);
    printf("C tests: %d passed, %d failed\n", g_passed, g_failed);
    return g_failed == 0 ? 0 : 1;
}
