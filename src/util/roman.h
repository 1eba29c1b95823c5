/* Roman numerals (no third-party includes). Fracciones of Mexican laws are
 * numbered I, II, … XLVI; pleno reads them strictly: only the canonical
 * form is a numeral (XIV, not XIIII; IV, not IIII). */
#ifndef PL_ROMAN_H
#define PL_ROMAN_H

#include <stddef.h>

/* Largest numeral read or written (MMMCMXCIX): the longest article of a
 * law has a few dozen fracciones; past this the notation has no symbols. */
#define PL_ROMAN_MAX 3999

/* Room for any numeral written by pl_roman_write, NUL included
 * ("MMMDCCCLXXXVIII" is 15 characters). */
#define PL_ROMAN_SIZE 16

/* Value of s[0..n) when it is a Roman numeral in canonical form, written
 * in capitals; 0 otherwise ("IIII", "XIIV", "VX", "iv", ""). */
int pl_roman_value(const char *s, size_t n);

/* 1 when s[0..n) is made only of the letters I V X L C D M (a numeral or
 * a malformed one). */
int pl_roman_letters(const char *s, size_t n);

/* Writes v (1..PL_ROMAN_MAX) into out (size bytes; PL_ROMAN_SIZE is
 * enough). Returns 0, or -1 when v is out of range or out too small (out
 * is then ""). */
int pl_roman_write(int v, char *out, size_t size);

#endif
