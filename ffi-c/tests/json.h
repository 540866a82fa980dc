/*
 * A small JSON reader for the C tests (C99): enough to compare the typed API's structs
 * with the expected JSON files field by field. Not part of the library.
 *
 * jparse() builds a tree (malloc'ed; jfree() releases it). Strings are decoded to
 * UTF-8 (escapes, \uXXXX and surrogate pairs). Numbers keep their value as a double
 * (every number in vmkcheck's JSON is exact in a double: u32 counts, and floats printed
 * in their shortest round-trip form).
 */
#ifndef VMKCHECK_TEST_JSON_H
#define VMKCHECK_TEST_JSON_H

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

typedef enum { J_NULL, J_FALSE, J_TRUE, J_NUM, J_STR, J_ARR, J_OBJ } jtype;

typedef struct jval {
    jtype t;
    double num;          /* J_NUM */
    char *str;           /* J_STR: decoded, NUL-terminated (may hold no NUL inside) */
    size_t len;          /* J_STR: bytes */
    struct jval *items;  /* J_ARR / J_OBJ: values */
    char **keys;         /* J_OBJ: keys */
    size_t n;            /* J_ARR / J_OBJ: count */
} jval;

typedef struct {
    const char *s;
    size_t n;
    size_t i;
    int depth;
} jreader;

static void jfree(jval *v) {
    size_t k;
    if (v == NULL) return;
    free(v->str);
    for (k = 0; k < v->n; k++) {
        jfree(&v->items[k]);
        if (v->keys != NULL) free(v->keys[k]);
    }
    free(v->items);
    free(v->keys);
    memset(v, 0, sizeof *v);
}

static void jskip_ws(jreader *r) {
    while (r->i < r->n && (r->s[r->i] == ' ' || r->s[r->i] == '\n' || r->s[r->i] == '\r' ||
                           r->s[r->i] == '\t'))
        r->i++;
}

static int jhex4(jreader *r, unsigned long *out) {
    unsigned long v = 0;
    int k;
    if (r->i + 4 > r->n) return -1;
    for (k = 0; k < 4; k++) {
        char c = r->s[r->i++];
        v <<= 4;
        if (c >= '0' && c <= '9') v |= (unsigned long)(c - '0');
        else if (c >= 'a' && c <= 'f') v |= (unsigned long)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') v |= (unsigned long)(c - 'A' + 10);
        else return -1;
    }
    *out = v;
    return 0;
}

static size_t jput_utf8(char *p, unsigned long cp) {
    if (cp < 0x80) { p[0] = (char)cp; return 1; }
    if (cp < 0x800) {
        p[0] = (char)(0xC0 | (cp >> 6));
        p[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        p[0] = (char)(0xE0 | (cp >> 12));
        p[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        p[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    p[0] = (char)(0xF0 | (cp >> 18));
    p[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    p[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    p[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Reads a string at r->i (the opening quote) into a malloc'ed buffer. */
static int jstring(jreader *r, char **out, size_t *out_len) {
    size_t cap, len = 0, start;
    char *buf;
    if (r->i >= r->n || r->s[r->i] != '"') return -1;
    r->i++;
    start = r->i;
    while (r->i < r->n && r->s[r->i] != '"') r->i += (r->s[r->i] == '\\') ? 2 : 1;
    if (r->i >= r->n) return -1;
    cap = r->i - start + 1;
    buf = (char *)malloc(cap);
    if (buf == NULL) return -1;
    r->i = start;
    while (r->s[r->i] != '"') {
        char c = r->s[r->i++];
        if (c != '\\') { buf[len++] = c; continue; }
        c = r->s[r->i++];
        switch (c) {
        case '"': buf[len++] = '"'; break;
        case '\\': buf[len++] = '\\'; break;
        case '/': buf[len++] = '/'; break;
        case 'b': buf[len++] = '\b'; break;
        case 'f': buf[len++] = '\f'; break;
        case 'n': buf[len++] = '\n'; break;
        case 'r': buf[len++] = '\r'; break;
        case 't': buf[len++] = '\t'; break;
        case 'u': {
            unsigned long cp, lo;
            if (jhex4(r, &cp) != 0) { free(buf); return -1; }
            if (cp >= 0xD800 && cp < 0xDC00) {
                if (r->i + 2 > r->n || r->s[r->i] != '\\' || r->s[r->i + 1] != 'u') {
                    free(buf);
                    return -1;
                }
                r->i += 2;
                if (jhex4(r, &lo) != 0 || lo < 0xDC00 || lo > 0xDFFF) { free(buf); return -1; }
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            }
            /* \uXXXX takes 6 bytes of input, at most 4 of output: cap suffices. */
            len += jput_utf8(buf + len, cp);
            break;
        }
        default: free(buf); return -1;
        }
    }
    r->i++;
    buf[len] = '\0';
    *out = buf;
    *out_len = len;
    return 0;
}

static int jvalue(jreader *r, jval *v);

static int jpush(jval *v, size_t *cap, int with_keys) {
    if (v->n == *cap) {
        size_t ncap = *cap ? *cap * 2 : 8;
        jval *items = (jval *)realloc(v->items, ncap * sizeof *items);
        if (items == NULL) return -1;
        v->items = items;
        if (with_keys) {
            char **keys = (char **)realloc(v->keys, ncap * sizeof *keys);
            if (keys == NULL) return -1;
            v->keys = keys;
        }
        *cap = ncap;
    }
    memset(&v->items[v->n], 0, sizeof v->items[v->n]);
    if (with_keys) v->keys[v->n] = NULL;
    v->n++;
    return 0;
}

static int jcontainer(jreader *r, jval *v, int object) {
    size_t cap = 0;
    char close = object ? '}' : ']';
    v->t = object ? J_OBJ : J_ARR;
    r->i++;
    jskip_ws(r);
    if (r->i < r->n && r->s[r->i] == close) { r->i++; return 0; }
    for (;;) {
        if (jpush(v, &cap, object) != 0) return -1;
        if (object) {
            size_t klen;
            jskip_ws(r);
            if (jstring(r, &v->keys[v->n - 1], &klen) != 0) return -1;
            jskip_ws(r);
            if (r->i >= r->n || r->s[r->i] != ':') return -1;
            r->i++;
        }
        if (jvalue(r, &v->items[v->n - 1]) != 0) return -1;
        jskip_ws(r);
        if (r->i < r->n && r->s[r->i] == ',') { r->i++; continue; }
        if (r->i < r->n && r->s[r->i] == close) { r->i++; return 0; }
        return -1;
    }
}

static int jvalue(jreader *r, jval *v) {
    char c;
    memset(v, 0, sizeof *v);
    jskip_ws(r);
    if (r->i >= r->n || r->depth > 64) return -1;
    c = r->s[r->i];
    if (c == '{' || c == '[') {
        int rc;
        r->depth++;
        rc = jcontainer(r, v, c == '{');
        r->depth--;
        return rc;
    }
    if (c == '"') { v->t = J_STR; return jstring(r, &v->str, &v->len); }
    if (r->n - r->i >= 4 && memcmp(r->s + r->i, "null", 4) == 0) { v->t = J_NULL; r->i += 4; return 0; }
    if (r->n - r->i >= 4 && memcmp(r->s + r->i, "true", 4) == 0) { v->t = J_TRUE; r->i += 4; return 0; }
    if (r->n - r->i >= 5 && memcmp(r->s + r->i, "false", 5) == 0) { v->t = J_FALSE; r->i += 5; return 0; }
    if (c == '-' || (c >= '0' && c <= '9')) {
        char lit[64];
        size_t k = 0;
        while (r->i < r->n && k + 1 < sizeof lit && strchr("+-0123456789.eE", r->s[r->i]) != NULL)
            lit[k++] = r->s[r->i++];
        lit[k] = '\0';
        v->t = J_NUM;
        v->num = strtod(lit, NULL);
        return 0;
    }
    return -1;
}

/* Parses n bytes of JSON; 0 on success (then jfree(out) later). */
static int jparse(const char *s, size_t n, jval *out) {
    jreader r;
    r.s = s;
    r.n = n;
    r.i = 0;
    r.depth = 0;
    if (jvalue(&r, out) != 0) { jfree(out); return -1; }
    jskip_ws(&r);
    if (r.i != r.n) { jfree(out); return -1; }
    return 0;
}

/* The member `key` of an object, or NULL. */
static const jval *jget(const jval *obj, const char *key) {
    size_t k;
    if (obj == NULL || obj->t != J_OBJ) return NULL;
    for (k = 0; k < obj->n; k++)
        if (strcmp(obj->keys[k], key) == 0) return &obj->items[k];
    return NULL;
}

/* Item i of an array, or NULL. */
static const jval *jat(const jval *arr, size_t i) {
    if (arr == NULL || arr->t != J_ARR || i >= arr->n) return NULL;
    return &arr->items[i];
}

#endif /* VMKCHECK_TEST_JSON_H */
