/* What libcardface exports. The library is built with hidden visibility: only what is declared
   under CARDFACE_API (the C API) or between CARDFACE_CXX_API_BEGIN and CARDFACE_CXX_API_END (the
   public C++ headers) is visible to applications. C99 and C++. */
#ifndef CARDFACE_EXPORT_H
#define CARDFACE_EXPORT_H

#if defined(__GNUC__) || defined(__clang__)
#define CARDFACE_API __attribute__((visibility("default")))
#define CARDFACE_CXX_API_BEGIN _Pragma("GCC visibility push(default)")
#define CARDFACE_CXX_API_END _Pragma("GCC visibility pop")
#else
#define CARDFACE_API
#define CARDFACE_CXX_API_BEGIN
#define CARDFACE_CXX_API_END
#endif

#endif /* CARDFACE_EXPORT_H */
