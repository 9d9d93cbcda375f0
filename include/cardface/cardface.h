/* cardface's C API: identity-card faces from a holder's record and a template, for applications
   written in C or in any language with a C foreign-function interface (C#, Java, Go, Python).
   C99; usable from C++. No C++ exception crosses it.

   Errors. Every function that can fail returns a cardface_status: CARDFACE_OK (0) or an error
   code. The details of the last failure on the calling thread are kept until that thread's next
   cardface call: cardface_last_error_message() (every problem, one "where: what" line each) and
   cardface_last_error_field() (where the first problem is: a data field such as "id_number", a
   template JSON path such as "/front/elements/3", or a file). Messages never contain the
   holder's values. A NULL handle, output pointer or buffer is CARDFACE_ERROR_ARGUMENT, never a
   crash.

   Ownership. Every object the library returns through an output pointer belongs to the caller
   and is released by its matching free function: cardface_renderer_free, cardface_card_free,
   cardface_bitmap_free, cardface_bytes_free, cardface_seal_key_free. The free functions accept
   NULL. On failure the output pointer is set to NULL and nothing needs freeing. Strings the
   library returns as const char* are owned by it (lifetimes below). Input strings are UTF-8
   and are not kept after the call returns.

   Threads. A renderer is immutable once created: any number of threads may render with one
   renderer at the same time (it holds the template, the fonts and a cache of what every card
   of the template shares, with its own locking). Cards, seal keys, bitmaps and byte buffers are
   immutable too and may be read from several threads. Freeing an object while another thread
   uses it is the caller's error. Output is the same bytes whatever the number of threads. */
#ifndef CARDFACE_CARDFACE_H
#define CARDFACE_CARDFACE_H

#include <stddef.h>
#include <stdint.h>

#include "cardface/export.h"

#ifdef __cplusplus
extern "C" {
#endif

#define CARDFACE_VERSION_MAJOR 0
#define CARDFACE_VERSION_MINOR 2
#define CARDFACE_VERSION_PATCH 0

typedef enum cardface_status {
  CARDFACE_OK = 0,
  CARDFACE_ERROR_ARGUMENT = 1, /* a NULL handle or pointer, a value out of range */
  CARDFACE_ERROR_DATA = 2,     /* the holder's record is invalid (the field is named) */
  CARDFACE_ERROR_TEMPLATE = 3, /* the template is unknown or invalid, or cannot serve the card */
  CARDFACE_ERROR_FILE = 4,     /* a file is missing, unreadable or not what it should be */
  CARDFACE_ERROR_INTERNAL = 5, /* a library failure (e.g. Cairo could not allocate) */
  CARDFACE_ERROR_MEMORY = 6    /* out of memory */
} cardface_status;

typedef enum cardface_side { CARDFACE_FRONT = 0, CARDFACE_BACK = 1 } cardface_side;

typedef enum cardface_pixel_format {
  /* native-endian 32-bit 0xAARRGGBB words, premultiplied alpha (Cairo's ARGB32): what printer
     SDKs and Windows DIBs take; on little-endian machines the bytes are B, G, R, A */
  CARDFACE_ARGB32_PREMULTIPLIED = 0,
  /* R, G, B, A bytes, straight alpha: what numpy, Pillow ("RGBA") and most image code take */
  CARDFACE_RGBA8 = 1
} cardface_pixel_format;

typedef enum cardface_seal_status {
  CARDFACE_SEAL_GENUINE = 0,           /* signature valid for the key (and agrees with the card) */
  CARDFACE_SEAL_UNSIGNED_SPECIMEN = 1, /* no signature: rendered without a key */
  CARDFACE_SEAL_NO_KEY = 2,            /* signed, but no key was given to check it */
  CARDFACE_SEAL_WRONG_KEY = 3,         /* signed by another key */
  CARDFACE_SEAL_BAD_SIGNATURE = 4,     /* the signature does not match the content */
  CARDFACE_SEAL_DATA_DISAGREES = 5,    /* valid, but its fields disagree with the card given */
  CARDFACE_SEAL_UNREADABLE = 6,        /* no seal found in the image */
  CARDFACE_SEAL_MALFORMED = 7          /* a code was found but is not a seal of this profile */
} cardface_seal_status;

typedef struct cardface_renderer cardface_renderer; /* one template, its fonts and cache */
typedef struct cardface_card cardface_card;         /* one validated holder record */
typedef struct cardface_seal_key cardface_seal_key; /* an ECDSA P-256 private key */
typedef struct cardface_bitmap cardface_bitmap;     /* one rendered face's pixels */
typedef struct cardface_bytes cardface_bytes;       /* an encoded file: PNG, PDF, SVG, JSON */

/* How to render. Zero-initialise (or use CARDFACE_RENDER_OPTIONS_INIT), then set fields. */
typedef struct cardface_render_options {
  int dpi;                           /* 50-4800; 0 means 600 */
  const cardface_seal_key* seal_key; /* signs the card's seal; NULL: an unsigned specimen */
  const char* seal_date;             /* "YYYY-MM-DD" signature date; NULL: the card's valid_from */
  int png_compression;               /* zlib level 0-9 for PNG; 0 here means the default, 1 */
  double pdf_bleed_mm;               /* PDF only: 0-20; negative means the default, 2 mm */
  int pdf_crop_marks;                /* PDF only: non-zero adds crop marks */
} cardface_render_options;
#define CARDFACE_RENDER_OPTIONS_INIT \
  { 600, NULL, NULL, 1, 2.0, 0 }

/* The MRZ: three lines of 30 characters, each followed by '\n', then '\0'. */
#define CARDFACE_MRZ_SIZE 94

/* "0.2.0": the library's version (compare with CARDFACE_VERSION_* from the header). Static. */
CARDFACE_API const char* cardface_version(void);

/* The last failure on this thread (see Errors above): owned by the library, valid until this
   thread's next cardface call. Empty strings after a success. */
CARDFACE_API const char* cardface_last_error_message(void);
CARDFACE_API const char* cardface_last_error_field(void);
/* A short name for a status ("ok", "data", ...). Static. */
CARDFACE_API const char* cardface_status_name(cardface_status status);

/* Where bundled templates, card types, fonts and tables are read from (default: beside the
   installed library, or $CARDFACE_DATA_DIR). NULL or "" restores the default. Call it before
   creating renderers: one already created keeps its files. */
CARDFACE_API cardface_status cardface_set_data_dir(const char* dir);

/* A renderer for a bundled template's name ("fprc-2023") or a template directory, its cache
   in memory only. */
CARDFACE_API cardface_status cardface_renderer_new(const char* template_name_or_dir,
                                                   cardface_renderer** out);

/* A renderer's cache. Zero-initialise (or use CARDFACE_RENDERER_OPTIONS_INIT), then set fields. */
typedef struct cardface_renderer_options {
  /* A folder where the layers every card of the template shares are kept for later processes
     (created if missing; several processes may share it: docs/batch.md, "The layer cache on
     disk"). A cold process with a warm folder renders its first card about 5 x sooner.
     NULL or "": memory only. */
  const char* cache_dir;
  size_t cache_bytes;     /* memory the cached layers may take; 0: the default, 192 MB */
  size_t cache_dir_bytes; /* what the folder's files may take; 0: the default, 1 GB */
} cardface_renderer_options;
#define CARDFACE_RENDERER_OPTIONS_INIT \
  { NULL, 0, 0 }

/* cardface_renderer_new with cache options (NULL: as cardface_renderer_new). */
CARDFACE_API cardface_status cardface_renderer_new_with_options(
    const char* template_name_or_dir, const cardface_renderer_options* options,
    cardface_renderer** out);
CARDFACE_API void cardface_renderer_free(cardface_renderer* renderer);

/* A holder record from JSON text (`size` bytes; the text need not end with '\0'). Relative
   photo paths resolve against `base_dir` (NULL: the working directory). */
CARDFACE_API cardface_status cardface_card_from_json(const char* json, size_t size,
                                                     const char* base_dir, cardface_card** out);
/* A holder record from a JSON file; photos resolve against the file's directory. */
CARDFACE_API cardface_status cardface_card_from_file(const char* path, cardface_card** out);
CARDFACE_API void cardface_card_free(cardface_card* card);

/* An issuer's seal key from an unencrypted PEM file (never shown in messages). */
CARDFACE_API cardface_status cardface_seal_key_load(const char* pem_file, cardface_seal_key** out);
CARDFACE_API void cardface_seal_key_free(cardface_seal_key* key);

/* One face's pixels: the card's trim size at the dpi (2022 x 1275 at 600 dpi), transparent
   outside the rounded corners. `options` may be NULL (600 dpi, unsigned seal). */
CARDFACE_API cardface_status cardface_render_bitmap(const cardface_renderer* renderer,
                                                    const cardface_card* card, cardface_side side,
                                                    const cardface_render_options* options,
                                                    cardface_pixel_format format,
                                                    cardface_bitmap** out);
CARDFACE_API void cardface_bitmap_free(cardface_bitmap* bitmap);
/* The bitmap's pixels, `stride` bytes a row, `height` rows; owned by the bitmap. 0 / NULL for a
   NULL bitmap. */
CARDFACE_API const uint8_t* cardface_bitmap_data(const cardface_bitmap* bitmap);
CARDFACE_API int cardface_bitmap_width(const cardface_bitmap* bitmap);
CARDFACE_API int cardface_bitmap_height(const cardface_bitmap* bitmap);
CARDFACE_API int cardface_bitmap_stride(const cardface_bitmap* bitmap);
CARDFACE_API int cardface_bitmap_dpi(const cardface_bitmap* bitmap);
CARDFACE_API cardface_pixel_format cardface_bitmap_format(const cardface_bitmap* bitmap);

/* One face as PNG bytes: the same bytes `cardface render` writes (pHYs = the dpi, sRGB). */
CARDFACE_API cardface_status cardface_render_png(const cardface_renderer* renderer,
                                                 const cardface_card* card, cardface_side side,
                                                 const cardface_render_options* options,
                                                 cardface_bytes** out);
/* Both faces as a PDF, one page each (TrimBox/BleedBox; bleed and crop marks from options). */
CARDFACE_API cardface_status cardface_render_pdf(const cardface_renderer* renderer,
                                                 const cardface_card* card,
                                                 const cardface_render_options* options,
                                                 cardface_bytes** out);
/* One face as SVG 1.1 (glyphs as paths). */
CARDFACE_API cardface_status cardface_render_svg(const cardface_renderer* renderer,
                                                 const cardface_card* card, cardface_side side,
                                                 const cardface_render_options* options,
                                                 cardface_bytes** out);
CARDFACE_API void cardface_bytes_free(cardface_bytes* bytes);
/* The bytes, owned by the object. NULL / 0 for a NULL object. */
CARDFACE_API const uint8_t* cardface_bytes_data(const cardface_bytes* bytes);
CARDFACE_API size_t cardface_bytes_size(const cardface_bytes* bytes);

/* The card's ICAO TD1 machine-readable zone as the renderer's template prints it, into the
   caller's buffer of at least CARDFACE_MRZ_SIZE bytes. */
CARDFACE_API cardface_status cardface_mrz(const cardface_renderer* renderer,
                                          const cardface_card* card, char* out, size_t out_size);

/* Reads the seal from a PNG or JPEG image in memory and checks it: against the signer's public
   key (a PEM certificate, public or private key file; NULL: no key) and the card's record
   (NULL: none). CARDFACE_OK means the check ran; *status says what it found. `fields_json`,
   when not NULL, receives the seal's decoded fields as a JSON object (NULL when no seal was
   read); free it with cardface_bytes_free. A failed check is not an error; an undecodable image
   or an unreadable key file is. */
CARDFACE_API cardface_status cardface_verify_seal(const uint8_t* image, size_t size,
                                                  const char* public_key_pem_file,
                                                  const cardface_card* card,
                                                  cardface_seal_status* status,
                                                  cardface_bytes** fields_json);
/* A short name for a seal status ("genuine", "wrong key", ...: the words `cardface verify` prints).
 * Static. */
CARDFACE_API const char* cardface_seal_status_name(cardface_seal_status status);

#ifdef __cplusplus
}
#endif

#endif /* CARDFACE_CARDFACE_H */
