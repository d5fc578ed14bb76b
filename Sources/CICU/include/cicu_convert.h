// Charset conversion through ICU's converters (ucnv_*), for web pages and feeds that
// declare a legacy charset. Same rules as cicu.h: no ICU header, failure is -1.
#ifndef CICU_CONVERT_H
#define CICU_CONVERT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Whether ICU knows a converter by this name or alias ("windows-1252", "Shift_JIS").
int cicu_charset_known(const char *charset);

/// Converts `length` bytes in `charset` to UTF-8 into `out` (room for `capacity` bytes);
/// bytes that are invalid or unmapped in the charset become substitution characters.
/// Returns the number of bytes written, or -1 when the charset is unknown or `out` is too small
/// (4 × length + 16 is always enough).
int64_t cicu_convert_to_utf8(const char *charset, const uint8_t *bytes, int64_t length,
                             uint8_t *out, int64_t capacity);

#ifdef __cplusplus
}
#endif

#endif
