/* Roman numerals: strict reading and canonical writing. */
#include "roman.h"

#include <string.h>

static int symbol(char c)
{
    switch (c) {
    case 'I':
        return 1;
    case 'V':
        return 5;
    case 'X':
        return 10;
    case 'L':
        return 50;
    case 'C':
        return 100;
    case 'D':
        return 500;
    case 'M':
        return 1000;
    default:
        return 0;
    }
}

int pl_roman_letters(const char *s, size_t n)
{
    if (n == 0)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (symbol(s[i]) == 0)
            return 0;
    return 1;
}

int pl_roman_write(int v, char *out, size_t size)
{
    static const int vals[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
    static const char *const syms[] = {"M",  "CM", "D",  "CD", "C",  "XC", "L",
                                       "XL", "X",  "IX", "V",  "IV", "I"};
    if (size == 0)
        return -1;
    out[0] = '\0';
    if (v < 1 || v > PL_ROMAN_MAX)
        return -1;
    size_t o = 0;
    for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++) {
        while (v >= vals[i]) {
            size_t k = strlen(syms[i]);
            if (o + k >= size) {
                out[0] = '\0';
                return -1;
            }
            memcpy(out + o, syms[i], k);
            o += k;
            v -= vals[i];
        }
    }
    out[o] = '\0';
    return 0;
}

int pl_roman_value(const char *s, size_t n)
{
    if (!pl_roman_letters(s, n) || n >= PL_ROMAN_SIZE)
        return 0;
    /* Additive reading with subtraction; then only the canonical spelling
     * of that value is accepted, which rejects IIII, XIIV, VX, IC … */
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        int a = symbol(s[i]), b = i + 1 < n ? symbol(s[i + 1]) : 0;
        v += a < b ? -a : a;
    }
    char canon[PL_ROMAN_SIZE];
    if (pl_roman_write(v, canon, sizeof canon) != 0)
        return 0;
    return strlen(canon) == n && memcmp(canon, s, n) == 0 ? v : 0;
}
