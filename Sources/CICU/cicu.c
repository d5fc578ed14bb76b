#include "cicu.h"

#include <stdlib.h>
#include <unicode/ubrk.h>
#include <unicode/ustring.h>
#include <unicode/utypes.h>

// The text length is kept so that following/preceding can reject offsets
// outside the text instead of relying on ICU's pinning.
struct CICUBreakIterator {
    UBreakIterator *iterator;
    int32_t length;
};

// A valid empty text for iterators that have none (ubrk_setText wants a pointer).
static const UChar empty_text[1] = {0};

CICUBreakIterator *cicu_break_open(CICUBreakKind kind, const char *locale) {
    if (kind < CICUBreakCharacter || kind > CICUBreakSentence) return NULL;
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_open((UBreakIteratorType)kind, locale, empty_text, 0, &status);
    if (U_FAILURE(status) || iterator == NULL) {
        if (iterator != NULL) ubrk_close(iterator);
        return NULL;
    }
    CICUBreakIterator *wrapper = malloc(sizeof *wrapper);
    if (wrapper == NULL) {
        ubrk_close(iterator);
        return NULL;
    }
    wrapper->iterator = iterator;
    wrapper->length = 0;
    return wrapper;
}

void cicu_break_close(CICUBreakIterator *iterator) {
    if (iterator == NULL) return;
    ubrk_close(iterator->iterator);
    free(iterator);
}

int32_t cicu_break_set_text(CICUBreakIterator *iterator, const uint16_t *text, int32_t length) {
    if (iterator == NULL) return -1;
    UErrorCode status = U_ZERO_ERROR;
    if (length < 0 || (text == NULL && length != 0)) {
        ubrk_setText(iterator->iterator, empty_text, 0, &status);
        iterator->length = 0;
        return -1;
    }
    ubrk_setText(iterator->iterator, length == 0 ? empty_text : (const UChar *)text, length, &status);
    if (U_FAILURE(status)) {
        status = U_ZERO_ERROR;
        ubrk_setText(iterator->iterator, empty_text, 0, &status);
        iterator->length = 0;
        return -1;
    }
    iterator->length = length;
    return 0;
}

int32_t cicu_break_first(CICUBreakIterator *iterator) {
    if (iterator == NULL) return CICUBreakDone;
    return ubrk_first(iterator->iterator);
}

int32_t cicu_break_next(CICUBreakIterator *iterator) {
    if (iterator == NULL) return CICUBreakDone;
    return ubrk_next(iterator->iterator);
}

int32_t cicu_break_following(CICUBreakIterator *iterator, int32_t offset) {
    if (iterator == NULL || offset < 0 || offset > iterator->length) return CICUBreakDone;
    return ubrk_following(iterator->iterator, offset);
}

int32_t cicu_break_preceding(CICUBreakIterator *iterator, int32_t offset) {
    if (iterator == NULL || offset < 0 || offset > iterator->length) return CICUBreakDone;
    return ubrk_preceding(iterator->iterator, offset);
}

int32_t cicu_break_rule_status(CICUBreakIterator *iterator) {
    if (iterator == NULL) return -1;
    return ubrk_getRuleStatus(iterator->iterator);
}

int32_t cicu_utf8_to_utf16(const char *utf8, int32_t length, uint16_t *utf16, int32_t capacity) {
    if (length < 0 || capacity < 0 || (utf8 == NULL && length != 0) || (utf16 == NULL && capacity != 0)) return -1;
    if (length == 0) return 0;
    UErrorCode status = U_ZERO_ERROR;
    int32_t written = 0;
    u_strFromUTF8((UChar *)utf16, capacity, &written, utf8, length, &status);
    // A full buffer without room for a terminator is fine (the warning case).
    if (U_FAILURE(status)) return -1;
    return written;
}
