#include "cicu_convert.h"

#include <unicode/ucnv.h>
#include <unicode/utypes.h>

int cicu_charset_known(const char *charset) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *converter = ucnv_open(charset, &status);
    if (converter != NULL) ucnv_close(converter);
    return U_SUCCESS(status) && converter != NULL;
}

int64_t cicu_convert_to_utf8(const char *charset, const uint8_t *bytes, int64_t length,
                             uint8_t *out, int64_t capacity) {
    if (length < 0 || capacity < 0) return -1;
    UErrorCode status = U_ZERO_ERROR;
    UConverter *from = ucnv_open(charset, &status);
    if (U_FAILURE(status) || from == NULL) return -1;
    UConverter *to = ucnv_open("UTF-8", &status);
    if (U_FAILURE(status) || to == NULL) {
        ucnv_close(from);
        return -1;
    }
    // Converted in one call through ICU's pivot buffer; the default callbacks substitute.
    char *target = (char *)out;
    const char *source = (const char *)bytes;
    ucnv_convertEx(to, from, &target, (const char *)out + capacity, &source, source + length,
                   NULL, NULL, NULL, NULL, 1, 1, &status);
    ucnv_close(from);
    ucnv_close(to);
    if (U_FAILURE(status)) return -1;
    return (int64_t)(target - (char *)out);
}
