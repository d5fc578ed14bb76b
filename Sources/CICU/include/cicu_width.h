// Display width of a character as the C library (and so ncursesw) sees it.
#ifndef CICU_WIDTH_H
#define CICU_WIDTH_H

#include <stdint.h>

/// Columns a Unicode scalar takes in a UTF-8 terminal: wcwidth(3) under a UTF-8
/// locale, whatever the process locale is. -1 for non-printable characters.
int32_t cicu_wcwidth(uint32_t scalar);

#endif
