/* UTF-8 helpers (no third-party includes). */
#ifndef PL_UTF8_H
#define PL_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decodes one code point at s (at most n bytes); stores its length in
 * *len. Invalid sequences decode as U+FFFD with length 1. */
uint32_t pl_utf8_decode(const char *s, size_t n, size_t *len);

/* Encodes cp into out (at least 4 bytes); returns the length. */
size_t pl_utf8_encode(uint32_t cp, char *out);

/* Number of code points in the first n bytes of s. */
size_t pl_utf8_count(const char *s, size_t n);

/* Upper-cases Latin-1 letters (a-z, à-þ) of an UTF-8 string in place into
 * out (malloc'ed by the caller with strlen(s)+1 bytes). */
void pl_utf8_upper_latin(const char *s, char *out);

/* Lower-cases ASCII and Latin-1 letters of the n bytes at s into out
 * (n + 1 bytes, NUL-terminated); byte lengths do not change. */
void pl_utf8_lower_latin(const char *s, size_t n, char *out);

#endif
