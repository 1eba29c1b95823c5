/* Arena allocator: many small allocations, one free.
 *
 * Ownership: everything allocated from an arena is owned by the arena and
 * freed by pl_arena_free(); callers never free() it.
 * With PLENO_ARENA_DEBUG=1 in the environment each allocation is its own
 * malloc(), so AddressSanitizer and valgrind see out-of-bounds accesses. */
#ifndef PL_ARENA_H
#define PL_ARENA_H

#include <stddef.h>

typedef struct pl_arena pl_arena;

/* New empty arena, or NULL when out of memory. Free with pl_arena_free. */
pl_arena *pl_arena_new(void);

/* Frees the arena and everything allocated from it. Accepts NULL. */
void pl_arena_free(pl_arena *a);

/* n zeroed bytes aligned for any type; NULL when out of memory. */
void *pl_arena_alloc(pl_arena *a, size_t n);

/* Copies of s (NUL-terminated) or of its first n bytes, NUL-terminated;
 * NULL when out of memory. */
char *pl_arena_strdup(pl_arena *a, const char *s);
char *pl_arena_strndup(pl_arena *a, const char *s, size_t n);

/* Bytes handed out so far (for memory reports). */
size_t pl_arena_used(const pl_arena *a);

#endif
