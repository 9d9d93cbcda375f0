/* The C API as a C99 program sees it (linked against libcardface.so): every function with bad
   arguments, a bad record's field-named error, the specimen's MRZ, seals, and eight threads
   sharing one renderer. Usage: capi_test SOURCE_DIR */
#define _XOPEN_SOURCE 700 /* mkdtemp, popen */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cardface/cardface.h"

static int failures = 0;
#define CHECK(cond)                                                      \
  do {                                                                   \
    if (!(cond)) {                                                       \
      fprintf(stderr, "%s:%d: failed: %s\n", __FILE__, __LINE__, #cond); \
      ++failures;                                                        \
    }                                                                    \
  } while (0)
/* a call that must fail with `code`, naming `field` */
#define CHECK_FAILS(call, code, field)                                                       \
  do {                                                                                       \
    cardface_status s_ = (call);                                                             \
    if (s_ != (code) || strcmp(cardface_last_error_field(), (field)) != 0) {                 \
      fprintf(stderr, "%s:%d: %s gave %s (%s), expected %s naming %s\n", __FILE__, __LINE__, \
              #call, cardface_status_name(s_), cardface_last_error_message(),                \
              cardface_status_name(code), field);                                            \
      ++failures;                                                                            \
    }                                                                                        \
  } while (0)

static char source_dir[4096];
static char sample[4200];

static char* path_in_source(const char* relative) {
  static char paths[8][4200];
  static int next = 0;
  char* p = paths[next++ % 8];
  snprintf(p, sizeof paths[0], "%s/%s", source_dir, relative);
  return p;
}

static void bad_arguments(const cardface_renderer* r, const cardface_card* c) {
  cardface_renderer* rr = (cardface_renderer*)1;
  cardface_card* cc = (cardface_card*)1;
  cardface_seal_key* key = (cardface_seal_key*)1;
  cardface_bitmap* bm = (cardface_bitmap*)1;
  cardface_bytes* by = (cardface_bytes*)1;
  cardface_seal_status seal;
  char mrz[CARDFACE_MRZ_SIZE];
  cardface_render_options bad_dpi = CARDFACE_RENDER_OPTIONS_INIT;
  cardface_render_options bad_date = CARDFACE_RENDER_OPTIONS_INIT;
  const uint8_t garbage[] = {1, 2, 3, 4, 5, 6, 7, 8};
  bad_dpi.dpi = 10;
  bad_date.seal_date = "2023-02-30";

  CHECK_FAILS(cardface_renderer_new(NULL, &rr), CARDFACE_ERROR_ARGUMENT, "template_name_or_dir");
  CHECK(rr == NULL);
  CHECK_FAILS(cardface_renderer_new("fprc-2023", NULL), CARDFACE_ERROR_ARGUMENT, "out");
  rr = (cardface_renderer*)1;
  CHECK_FAILS(cardface_renderer_new("no-such-template", &rr), CARDFACE_ERROR_TEMPLATE, "template");
  CHECK(strstr(cardface_last_error_message(), "no-such-template") != NULL);
  CHECK(rr == NULL);
  rr = (cardface_renderer*)1;
  CHECK_FAILS(cardface_renderer_new_with_options(NULL, NULL, &rr), CARDFACE_ERROR_ARGUMENT,
              "template_name_or_dir");
  CHECK(rr == NULL);
  CHECK_FAILS(cardface_renderer_new_with_options("fprc-2023", NULL, NULL), CARDFACE_ERROR_ARGUMENT,
              "out");
  CHECK_FAILS(cardface_renderer_new_with_options("no-such-template", NULL, &rr),
              CARDFACE_ERROR_TEMPLATE, "template");

  CHECK_FAILS(cardface_card_from_json(NULL, 0, NULL, &cc), CARDFACE_ERROR_ARGUMENT, "json");
  CHECK(cc == NULL);
  CHECK_FAILS(cardface_card_from_json("{}", 2, NULL, NULL), CARDFACE_ERROR_ARGUMENT, "out");
  CHECK_FAILS(cardface_card_from_file(NULL, &cc), CARDFACE_ERROR_ARGUMENT, "path");
  CHECK_FAILS(cardface_card_from_file("/nonexistent/card.json", &cc), CARDFACE_ERROR_FILE,
              "/nonexistent/card.json");
  CHECK_FAILS(cardface_card_from_file(sample, NULL), CARDFACE_ERROR_ARGUMENT, "out");

  CHECK_FAILS(cardface_seal_key_load(NULL, &key), CARDFACE_ERROR_ARGUMENT, "pem_file");
  CHECK(key == NULL);
  CHECK(cardface_seal_key_load(path_in_source("tests/data/seal/ed25519-key.pem"), &key) ==
        CARDFACE_ERROR_FILE);
  CHECK(key == NULL);
  CHECK(strstr(cardface_last_error_message(), "BEGIN") == NULL); /* never the key */
  CHECK_FAILS(cardface_seal_key_load("k.pem", NULL), CARDFACE_ERROR_ARGUMENT, "out");

  CHECK_FAILS(cardface_render_bitmap(NULL, c, CARDFACE_FRONT, NULL, CARDFACE_RGBA8, &bm),
              CARDFACE_ERROR_ARGUMENT, "renderer");
  CHECK(bm == NULL);
  CHECK_FAILS(cardface_render_bitmap(r, NULL, CARDFACE_FRONT, NULL, CARDFACE_RGBA8, &bm),
              CARDFACE_ERROR_ARGUMENT, "card");
  CHECK_FAILS(cardface_render_bitmap(r, c, (cardface_side)7, NULL, CARDFACE_RGBA8, &bm),
              CARDFACE_ERROR_ARGUMENT, "side");
  CHECK_FAILS(cardface_render_bitmap(r, c, CARDFACE_FRONT, NULL, (cardface_pixel_format)9, &bm),
              CARDFACE_ERROR_ARGUMENT, "format");
  CHECK_FAILS(cardface_render_bitmap(r, c, CARDFACE_FRONT, NULL, CARDFACE_RGBA8, NULL),
              CARDFACE_ERROR_ARGUMENT, "out");
  CHECK_FAILS(cardface_render_bitmap(r, c, CARDFACE_FRONT, &bad_dpi, CARDFACE_RGBA8, &bm),
              CARDFACE_ERROR_DATA, "dpi");
  CHECK(bm == NULL);
  CHECK_FAILS(cardface_render_png(NULL, c, CARDFACE_FRONT, NULL, &by), CARDFACE_ERROR_ARGUMENT,
              "renderer");
  CHECK(by == NULL);
  CHECK_FAILS(cardface_render_png(r, NULL, CARDFACE_FRONT, NULL, &by), CARDFACE_ERROR_ARGUMENT,
              "card");
  CHECK_FAILS(cardface_render_png(r, c, (cardface_side)-1, NULL, &by), CARDFACE_ERROR_ARGUMENT,
              "side");
  CHECK_FAILS(cardface_render_png(r, c, CARDFACE_FRONT, NULL, NULL), CARDFACE_ERROR_ARGUMENT,
              "out");
  CHECK_FAILS(cardface_render_png(r, c, CARDFACE_BACK, &bad_date, &by), CARDFACE_ERROR_DATA,
              "seal_date");
  CHECK_FAILS(cardface_render_pdf(NULL, c, NULL, &by), CARDFACE_ERROR_ARGUMENT, "renderer");
  CHECK_FAILS(cardface_render_pdf(r, NULL, NULL, &by), CARDFACE_ERROR_ARGUMENT, "card");
  CHECK_FAILS(cardface_render_pdf(r, c, NULL, NULL), CARDFACE_ERROR_ARGUMENT, "out");
  CHECK_FAILS(cardface_render_svg(NULL, c, CARDFACE_FRONT, NULL, &by), CARDFACE_ERROR_ARGUMENT,
              "renderer");
  CHECK_FAILS(cardface_render_svg(r, NULL, CARDFACE_FRONT, NULL, &by), CARDFACE_ERROR_ARGUMENT,
              "card");
  CHECK_FAILS(cardface_render_svg(r, c, (cardface_side)2, NULL, &by), CARDFACE_ERROR_ARGUMENT,
              "side");
  CHECK_FAILS(cardface_render_svg(r, c, CARDFACE_FRONT, NULL, NULL), CARDFACE_ERROR_ARGUMENT,
              "out");

  CHECK_FAILS(cardface_mrz(NULL, c, mrz, sizeof mrz), CARDFACE_ERROR_ARGUMENT, "renderer");
  CHECK_FAILS(cardface_mrz(r, NULL, mrz, sizeof mrz), CARDFACE_ERROR_ARGUMENT, "card");
  CHECK_FAILS(cardface_mrz(r, c, NULL, sizeof mrz), CARDFACE_ERROR_ARGUMENT, "out");
  CHECK_FAILS(cardface_mrz(r, c, mrz, 40), CARDFACE_ERROR_ARGUMENT, "out_size");

  CHECK_FAILS(cardface_verify_seal(NULL, 10, NULL, NULL, &seal, NULL), CARDFACE_ERROR_ARGUMENT,
              "image");
  CHECK_FAILS(cardface_verify_seal(garbage, sizeof garbage, NULL, NULL, NULL, NULL),
              CARDFACE_ERROR_ARGUMENT, "status");
  by = (cardface_bytes*)1;
  CHECK_FAILS(cardface_verify_seal(garbage, sizeof garbage, NULL, NULL, &seal, &by),
              CARDFACE_ERROR_FILE, "image");
  CHECK(by == NULL);
  CHECK(cardface_verify_seal(garbage, sizeof garbage, "/nonexistent/key.pem", NULL, &seal, NULL) ==
        CARDFACE_ERROR_FILE);

  /* accessors and free functions take NULL */
  CHECK(cardface_bitmap_data(NULL) == NULL && cardface_bitmap_width(NULL) == 0 &&
        cardface_bitmap_height(NULL) == 0 && cardface_bitmap_stride(NULL) == 0 &&
        cardface_bitmap_dpi(NULL) == 0 &&
        cardface_bitmap_format(NULL) == CARDFACE_ARGB32_PREMULTIPLIED);
  CHECK(cardface_bytes_data(NULL) == NULL && cardface_bytes_size(NULL) == 0);
  cardface_renderer_free(NULL);
  cardface_card_free(NULL);
  cardface_seal_key_free(NULL);
  cardface_bitmap_free(NULL);
  cardface_bytes_free(NULL);
  CHECK(strcmp(cardface_status_name((cardface_status)99), "unknown") == 0);
  CHECK(strcmp(cardface_seal_status_name((cardface_seal_status)99), "unknown") == 0);
  CHECK(strcmp(cardface_status_name(CARDFACE_ERROR_DATA), "data") == 0);

  /* a data directory without fonts or templates: no renderer, the missing file named */
  CHECK(cardface_set_data_dir("/nonexistent") == CARDFACE_OK);
  CHECK(cardface_renderer_new("fprc-2023", &rr) != CARDFACE_OK);
  CHECK(rr == NULL && strstr(cardface_last_error_message(), "/nonexistent/") != NULL);
  CHECK(cardface_set_data_dir(NULL) == CARDFACE_OK);
}

/* A record with a wrong check character: the field named, the holder's values never shown. */
static void bad_record(void) {
  const char* json =
      "{\"type\": \"fprc-2023\", \"surname\": \"QUIXOTEVALUE\", \"given_names\": \"YANGBEN\","
      " \"sex\": \"F\", \"date_of_birth\": \"1980-01-01\", \"nationality\": \"PAK\","
      " \"id_number\": \"931586198001010027\", \"valid_from\": \"2023-08-08\","
      " \"valid_until\": \"2033-08-07\", \"photo\": \"photos/s00.png\"}";
  cardface_card* card = (cardface_card*)1;
  CHECK_FAILS(cardface_card_from_json(json, strlen(json), path_in_source("samples"), &card),
              CARDFACE_ERROR_DATA, "id_number");
  CHECK(card == NULL);
  CHECK(strstr(cardface_last_error_message(), "id_number: check character") != NULL);
  CHECK(strstr(cardface_last_error_message(), "931586198001010027") == NULL);
  CHECK(strstr(cardface_last_error_message(), "QUIXOTEVALUE") == NULL);
  /* not JSON: the error says where, and no record comes out */
  CHECK(cardface_card_from_json("{\"type\":", 8, NULL, &card) == CARDFACE_ERROR_DATA);
  CHECK(card == NULL && cardface_last_error_message()[0] != '\0');
  /* a length shorter than the text: only those bytes are read */
  CHECK(cardface_card_from_json(json, 10, NULL, &card) == CARDFACE_ERROR_DATA);
}

struct job {
  const cardface_renderer* renderer;
  const cardface_card* card;
  cardface_bytes* png;
  cardface_status status;
};

static void* render_front(void* arg) {
  struct job* j = (struct job*)arg;
  cardface_render_options options = CARDFACE_RENDER_OPTIONS_INIT;
  options.dpi = 300;
  j->status = cardface_render_png(j->renderer, j->card, CARDFACE_FRONT, &options, &j->png);
  return NULL;
}

/* Whether `needle` stands in the bytes (which are not NUL-terminated). */
static int bytes_contain(const cardface_bytes* b, const char* needle) {
  const size_t n = strlen(needle), size = cardface_bytes_size(b);
  const uint8_t* data = cardface_bytes_data(b);
  for (size_t i = 0; i + n <= size; ++i)
    if (memcmp(data + i, needle, n) == 0) return 1;
  return 0;
}

static int same_bytes(const cardface_bytes* a, const cardface_bytes* b) {
  return cardface_bytes_size(a) == cardface_bytes_size(b) && cardface_bytes_size(a) > 0 &&
         memcmp(cardface_bytes_data(a), cardface_bytes_data(b), cardface_bytes_size(a)) == 0;
}

/* How many files named *.layer the folder holds. */
static int layer_files(const char* dir) {
  char command[4400];
  int n = -1;
  FILE* ls;
  snprintf(command, sizeof command, "ls '%s' 2>/dev/null | grep -c '[.]layer$'", dir);
  ls = popen(command, "r");
  if (!ls) return -1;
  if (fscanf(ls, "%d", &n) != 1) n = -1;
  pclose(ls);
  return n;
}

/* A renderer with a cache folder writes the shared layers there; a second renderer (as a later
   process would) reads them; both give the bytes of a renderer without one. */
static void cache_folder(const cardface_card* card) {
  char dir[] = "/tmp/cardface-capi-cache-XXXXXX";
  char cache[sizeof dir + 16];
  char command[sizeof cache + 16];
  cardface_renderer_options options = CARDFACE_RENDERER_OPTIONS_INIT;
  cardface_renderer *plain = NULL, *first = NULL, *second = NULL;
  struct job a = {NULL, NULL, NULL, CARDFACE_OK}, b = a, c = a;
  if (!mkdtemp(dir)) {
    CHECK(!"mkdtemp");
    return;
  }
  snprintf(cache, sizeof cache, "%s/layers", dir); /* created by the renderer */
  options.cache_dir = cache;
  CHECK(cardface_renderer_new("fprc-2023", &plain) == CARDFACE_OK);
  CHECK(cardface_renderer_new_with_options("fprc-2023", &options, &first) == CARDFACE_OK);
  a.renderer = plain;
  b.renderer = first;
  a.card = b.card = c.card = card;
  render_front(&a);
  CHECK(layer_files(cache) <= 0);
  render_front(&b);
  CHECK(a.status == CARDFACE_OK && b.status == CARDFACE_OK && same_bytes(a.png, b.png));
  CHECK(layer_files(cache) >= 1);
  cardface_renderer_free(first);
  CHECK(cardface_renderer_new_with_options("fprc-2023", &options, &second) == CARDFACE_OK);
  c.renderer = second;
  render_front(&c);
  CHECK(c.status == CARDFACE_OK && same_bytes(a.png, c.png));
  cardface_bytes_free(a.png);
  cardface_bytes_free(b.png);
  cardface_bytes_free(c.png);
  cardface_renderer_free(plain);
  cardface_renderer_free(second);
  snprintf(command, sizeof command, "rm -rf '%s'", dir);
  CHECK(system(command) == 0);
}

/* Eight threads sharing one renderer (its cache cold) give one thread's bytes. */
static void threads(const cardface_card* card) {
  enum { kThreads = 8 };
  cardface_renderer* shared = NULL;
  cardface_renderer* alone = NULL;
  struct job reference = {NULL, NULL, NULL, CARDFACE_OK};
  struct job jobs[kThreads];
  pthread_t ids[kThreads];
  int i;
  CHECK(cardface_renderer_new("fprc-2023", &alone) == CARDFACE_OK);
  CHECK(cardface_renderer_new("fprc-2023", &shared) == CARDFACE_OK);
  reference.renderer = alone;
  reference.card = card;
  render_front(&reference);
  CHECK(reference.status == CARDFACE_OK);
  for (i = 0; i < kThreads; ++i) {
    jobs[i].renderer = shared;
    jobs[i].card = card;
    jobs[i].png = NULL;
    CHECK(pthread_create(&ids[i], NULL, render_front, &jobs[i]) == 0);
  }
  for (i = 0; i < kThreads; ++i) {
    CHECK(pthread_join(ids[i], NULL) == 0);
    CHECK(jobs[i].status == CARDFACE_OK);
    CHECK(same_bytes(jobs[i].png, reference.png));
    cardface_bytes_free(jobs[i].png);
  }
  cardface_bytes_free(reference.png);
  cardface_renderer_free(shared);
  cardface_renderer_free(alone);
}

static void faces(const cardface_renderer* r, const cardface_card* c) {
  cardface_bitmap* argb = NULL;
  cardface_bitmap* rgba = NULL;
  cardface_bytes* bytes = NULL;
  cardface_render_options options = CARDFACE_RENDER_OPTIONS_INIT;
  options.dpi = 300;
  /* ID-1 at 300 dpi: 1011 x 638 (FACTS.md) */
  CHECK(cardface_render_bitmap(r, c, CARDFACE_FRONT, &options, CARDFACE_ARGB32_PREMULTIPLIED,
                               &argb) == CARDFACE_OK);
  CHECK(cardface_render_bitmap(r, c, CARDFACE_FRONT, &options, CARDFACE_RGBA8, &rgba) ==
        CARDFACE_OK);
  CHECK(cardface_bitmap_width(rgba) == 1011 && cardface_bitmap_height(rgba) == 638);
  CHECK(cardface_bitmap_stride(rgba) >= 1011 * 4 && cardface_bitmap_dpi(rgba) == 300);
  CHECK(cardface_bitmap_format(rgba) == CARDFACE_RGBA8);
  CHECK(cardface_bitmap_format(argb) == CARDFACE_ARGB32_PREMULTIPLIED);
  if (cardface_bitmap_data(argb) && cardface_bitmap_data(rgba)) {
    /* the top-left corner is outside the rounded corner: transparent; the centre is opaque,
       and the two formats hold the same colour there */
    const int stride = cardface_bitmap_stride(rgba);
    const uint8_t* p = cardface_bitmap_data(rgba) + 319 * stride + 505 * 4;
    uint32_t word;
    memcpy(&word, cardface_bitmap_data(argb) + 319 * stride + 505 * 4, 4);
    CHECK(cardface_bitmap_data(rgba)[3] == 0);
    CHECK(p[3] == 255 && word >> 24 == 255);
    CHECK(p[0] == ((word >> 16) & 255) && p[1] == ((word >> 8) & 255) && p[2] == (word & 255));
  }
  cardface_bitmap_free(argb);
  cardface_bitmap_free(rgba);

  CHECK(cardface_render_pdf(r, c, &options, &bytes) == CARDFACE_OK);
  CHECK(cardface_bytes_size(bytes) > 1000 && memcmp(cardface_bytes_data(bytes), "%PDF-", 5) == 0);
  cardface_bytes_free(bytes);
  CHECK(cardface_render_svg(r, c, CARDFACE_BACK, &options, &bytes) == CARDFACE_OK);
  CHECK(cardface_bytes_size(bytes) > 1000 && bytes_contain(bytes, "<svg"));
  cardface_bytes_free(bytes);
}

/* The specimen's TD1 lines (FACTS.md): number of 18 characters split 9 + '<' + the rest, check
   digits 8 (number), 4 (800101), 3 (330807). */
static void mrz(const cardface_renderer* r, const cardface_card* c) {
  char text[CARDFACE_MRZ_SIZE];
  CHECK(cardface_mrz(r, c, text, sizeof text) == CARDFACE_OK);
  CHECK(strncmp(text, "IRCHN931586198<0010100288<<<<<\n", 31) == 0);
  CHECK(strncmp(text + 31, "8001014F3308073PAK<<<<<<<<<<<", 29) == 0);
  CHECK(strcmp(text + 62, "ZHENGJIAN<<YANGBEN<<<<<<<<<<<<\n") == 0);
}

static void seals(const cardface_renderer* r, const cardface_card* c) {
  cardface_seal_key* key = NULL;
  cardface_bytes* png = NULL;
  cardface_bytes* fields = NULL;
  cardface_seal_status status = CARDFACE_SEAL_MALFORMED;
  cardface_render_options options = CARDFACE_RENDER_OPTIONS_INIT;
  const char* public_key = path_in_source("tests/data/seal/rfc6979-p256-public.pem");
  const char* other_key = path_in_source("tests/data/seal/other-p256-public.pem");
  CHECK(cardface_seal_key_load(path_in_source("tests/data/seal/rfc6979-p256-key.pem"), &key) ==
        CARDFACE_OK);
  options.seal_key = key;
  CHECK(cardface_render_png(r, c, CARDFACE_BACK, &options, &png) == CARDFACE_OK);
  CHECK(cardface_verify_seal(cardface_bytes_data(png), cardface_bytes_size(png), public_key, c,
                             &status, &fields) == CARDFACE_OK);
  CHECK(status == CARDFACE_SEAL_GENUINE);
  CHECK(fields && bytes_contain(fields, "\"id_number\":\"931586198001010028\""));
  cardface_bytes_free(fields);
  CHECK(cardface_verify_seal(cardface_bytes_data(png), cardface_bytes_size(png), other_key, NULL,
                             &status, NULL) == CARDFACE_OK);
  CHECK(status == CARDFACE_SEAL_WRONG_KEY);
  CHECK(strcmp(cardface_seal_status_name(status), "wrong key") == 0);
  CHECK(cardface_verify_seal(cardface_bytes_data(png), cardface_bytes_size(png), NULL, NULL,
                             &status, NULL) == CARDFACE_OK);
  CHECK(status == CARDFACE_SEAL_NO_KEY);
  cardface_bytes_free(png);
  cardface_seal_key_free(key);
}

int main(int argc, char** argv) {
  cardface_renderer* renderer = NULL;
  cardface_card* card = NULL;
  if (argc != 2) {
    fprintf(stderr, "usage: capi_test SOURCE_DIR\n");
    return 2;
  }
  snprintf(source_dir, sizeof source_dir, "%s", argv[1]);
  snprintf(sample, sizeof sample, "%s/samples/zhengjian-yangben.json", source_dir);

  CHECK(strcmp(cardface_version(), "0.2.0") == 0);
  CHECK(cardface_renderer_new("fprc-2023", &renderer) == CARDFACE_OK);
  CHECK(cardface_last_error_message()[0] == '\0' && cardface_last_error_field()[0] == '\0');
  CHECK(cardface_card_from_file(sample, &card) == CARDFACE_OK);
  if (!renderer || !card) return 1;

  bad_arguments(renderer, card);
  bad_record();
  faces(renderer, card);
  mrz(renderer, card);
  seals(renderer, card);
  threads(card);
  cache_folder(card);

  cardface_card_free(card);
  cardface_renderer_free(renderer);
  if (failures) fprintf(stderr, "%d checks failed\n", failures);
  return failures ? 1 : 0;
}
