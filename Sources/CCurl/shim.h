// libcurl for Swift: curl_easy_setopt, curl_multi_setopt and curl_easy_getinfo are
// variadic, which Swift cannot call, so each argument type gets a typed inline wrapper.
#ifndef BRIEF_CCURL_SHIM_H
#define BRIEF_CCURL_SHIM_H

// The type-checking macros of typecheck-gcc.h would wrap the variadic calls below again.
#define CURL_DISABLE_TYPECHECK 1
#include <curl/curl.h>

typedef size_t (*brief_curl_write_callback)(char *data, size_t size, size_t count, void *user);

static const long brief_CURL_GLOBAL_DEFAULT = CURL_GLOBAL_DEFAULT;
static const int brief_CURL_ERROR_SIZE = CURL_ERROR_SIZE;

static inline CURLcode brief_easy_setopt_long(CURL *easy, CURLoption option, long value) {
    return curl_easy_setopt(easy, option, value);
}
static inline CURLcode brief_easy_setopt_string(CURL *easy, CURLoption option, const char *value) {
    return curl_easy_setopt(easy, option, value);
}
static inline CURLcode brief_easy_setopt_pointer(CURL *easy, CURLoption option, void *value) {
    return curl_easy_setopt(easy, option, value);
}
static inline CURLcode brief_easy_setopt_off_t(CURL *easy, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(easy, option, value);
}
// CURLOPT_WRITEFUNCTION and CURLOPT_HEADERFUNCTION (the same signature).
static inline CURLcode brief_easy_setopt_write(CURL *easy, CURLoption option, brief_curl_write_callback value) {
    return curl_easy_setopt(easy, option, value);
}
static inline CURLcode brief_easy_setopt_slist(CURL *easy, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(easy, option, value);
}

static inline CURLMcode brief_multi_setopt_long(CURLM *multi, CURLMoption option, long value) {
    return curl_multi_setopt(multi, option, value);
}

static inline CURLcode brief_easy_getinfo_long(CURL *easy, CURLINFO info, long *value) {
    return curl_easy_getinfo(easy, info, value);
}
static inline CURLcode brief_easy_getinfo_string(CURL *easy, CURLINFO info, const char **value) {
    // libcurl writes a char *; it stays owned by the handle.
    return curl_easy_getinfo(easy, info, (char **)value);
}
static inline CURLcode brief_easy_getinfo_off_t(CURL *easy, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(easy, info, value);
}

// The next finished transfer of `multi` (CURLMsg's result sits in a union): 1 and the
// handle and result, or 0 when none is left.
static inline int brief_multi_next_done(CURLM *multi, CURL **easy, CURLcode *result) {
    int left = 0;
    CURLMsg *message;
    while ((message = curl_multi_info_read(multi, &left)) != NULL) {
        if (message->msg == CURLMSG_DONE) {
            *easy = message->easy_handle;
            *result = message->data.result;
            return 1;
        }
    }
    return 0;
}

#endif
