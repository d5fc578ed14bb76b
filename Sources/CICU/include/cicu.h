// Small C wrappers over ICU's break iterators (ubrk_*).
//
// ICU's C functions are renamed by version macros (ubrk_open -> ubrk_open_72),
// which Swift cannot call, so BriefCore goes through these plain functions.
// This header deliberately includes no ICU header: Swift sees only the types below.
//
// Offsets are UTF-16 code unit offsets into the text last given to
// cicu_break_set_text. Every function reports failure with NULL or -1 and
// never aborts.

#ifndef CICU_H
#define CICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// An open break iterator (wraps a UBreakIterator). Not thread-safe.
typedef struct CICUBreakIterator CICUBreakIterator;

/// The kind of boundaries to find (values match ICU's UBreakIteratorType).
typedef enum CICUBreakKind {
    CICUBreakCharacter = 0,
    CICUBreakWord = 1,
    CICUBreakLine = 2,
    CICUBreakSentence = 3,
} CICUBreakKind;

/// Rule status ranges for word boundaries (ICU's UWordBreak): the status of the
/// boundary that ends a segment says what the segment was.
enum {
    CICUWordNone = 0,          // spaces, punctuation, symbols
    CICUWordNoneLimit = 100,
    CICUWordNumber = 100,
    CICUWordLetter = 200,
    CICUWordKana = 300,
    CICUWordIdeo = 400,
    CICUWordIdeoLimit = 500,
};

/// Rule status ranges for line boundaries (ICU's ULineBreakTag).
enum {
    CICULineSoft = 0,
    CICULineHard = 100,
    CICULineHardLimit = 200,
};

/// Returned by the iteration functions when there is no further boundary
/// (same value as ICU's UBRK_DONE), and on errors.
enum { CICUBreakDone = -1 };

/// Opens an iterator for `locale` (e.g. "en", "en@ss=standard"; NULL means
/// the default locale). Returns NULL if ICU cannot open it.
CICUBreakIterator *cicu_break_open(CICUBreakKind kind, const char *locale);

/// Closes the iterator; NULL is ignored.
void cicu_break_close(CICUBreakIterator *iterator);

/// Sets the UTF-16 text to iterate and moves to offset 0. ICU does not copy
/// the text: it must stay alive and unchanged while the iterator uses it.
/// `text` may be NULL when `length` is 0. Returns 0 on success, -1 on failure
/// (the iterator is then left with empty text).
int32_t cicu_break_set_text(CICUBreakIterator *iterator, const uint16_t *text, int32_t length);

/// Moves to the first boundary (always 0) and returns it; -1 on error.
int32_t cicu_break_first(CICUBreakIterator *iterator);

/// Moves to the next boundary and returns it; -1 when done.
int32_t cicu_break_next(CICUBreakIterator *iterator);

/// The first boundary after `offset`; -1 when none or `offset` is outside [0, length].
int32_t cicu_break_following(CICUBreakIterator *iterator, int32_t offset);

/// The last boundary before `offset`; -1 when none or `offset` is outside [0, length].
int32_t cicu_break_preceding(CICUBreakIterator *iterator, int32_t offset);

/// The rule status of the boundary most recently returned (for word
/// iterators: which of the CICUWord* ranges the segment ending there is in).
/// -1 on error.
int32_t cicu_break_rule_status(CICUBreakIterator *iterator);

/// Converts UTF-8 to UTF-16 with ICU (much faster than copying a Swift
/// String's utf16 view element by element). Returns the number of UTF-16
/// units written, or -1 if the input is invalid or `capacity` is too small.
int32_t cicu_utf8_to_utf16(const char *utf8, int32_t length, uint16_t *utf16, int32_t capacity);

#ifdef __cplusplus
}
#endif

#endif
