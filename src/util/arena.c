/* Arena allocator: bump allocation from large chunks; one free releases
 * everything. A debug mode (PLENO_ARENA_DEBUG=1) makes every allocation a
 * separate malloc so sanitizers can see inside the arena. */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Chunk size: large enough that a typical document needs a handful of
 * chunks, small enough not to waste memory on tiny documents. */
#define CHUNK_SIZE (64 * 1024)
#define ALIGN 16

typedef struct chunk {
    struct chunk *next;
    size_t size, used;
    /* data follows, aligned */
} chunk;

struct pl_arena {
    chunk *head;
    size_t total;
    int debug;
};

static size_t header_size(void)
{
    return (sizeof(chunk) + ALIGN - 1) & ~(size_t)(ALIGN - 1);
}

pl_arena *pl_arena_new(void)
{
    pl_arena *a = calloc(1, sizeof *a);
    if (a == NULL)
        return NULL;
    const char *dbg = getenv("PLENO_ARENA_DEBUG");
    a->debug = dbg != NULL && dbg[0] == '1';
    return a;
}

void pl_arena_free(pl_arena *a)
{
    if (a == NULL)
        return;
    chunk *c = a->head;
    while (c != NULL) {
        chunk *next = c->next;
        free(c);
        c = next;
    }
    free(a);
}

void *pl_arena_alloc(pl_arena *a, size_t n)
{
    if (n == 0)
        n = 1;
    if (n > SIZE_MAX / 2)
        return NULL;
    size_t need = (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
    chunk *c = a->head;
    if (a->debug || c == NULL || c->size - c->used < need) {
        size_t size = a->debug ? need : (need > CHUNK_SIZE ? need : CHUNK_SIZE);
        chunk *nc = malloc(header_size() + size);
        if (nc == NULL)
            return NULL;
        nc->size = size;
        nc->used = 0;
        /* Keep the partially used chunk at the head when the new one is
         * a dedicated big block, so small allocations continue in it. */
        if (c != NULL && !a->debug && need > CHUNK_SIZE) {
            nc->next = c->next;
            c->next = nc;
        } else {
            nc->next = c;
            a->head = nc;
        }
        c = nc;
        if (need > CHUNK_SIZE && a->head != nc) {
            nc->used = need;
            a->total += need;
            void *p = (char *)nc + header_size();
            memset(p, 0, need);
            return p;
        }
    }
    void *p = (char *)c + header_size() + c->used;
    c->used += need;
    a->total += need;
    memset(p, 0, need);
    return p;
}

char *pl_arena_strndup(pl_arena *a, const char *s, size_t n)
{
    char *d = pl_arena_alloc(a, n + 1);
    if (d == NULL)
        return NULL;
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *pl_arena_strdup(pl_arena *a, const char *s)
{
    return pl_arena_strndup(a, s, strlen(s));
}

size_t pl_arena_used(const pl_arena *a)
{
    return a->total;
}
