// The C API (include/cardface/cardface.h) over the C++ API: handles own C++ objects, every
// call catches what the C++ side throws and turns it into a status and this thread's message.
#include <cstring>
#include <memory>
#include <new>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cardface/card.h"
#include "cardface/cardface.h"
#include "cardface/data_dir.h"
#include "cardface/error.h"
#include "cardface/image.h"
#include "cardface/mrz.h"
#include "cardface/print.h"
#include "cardface/render.h"
#include "cardface/renderer.h"
#include "cardface/seal.h"
#include "cardface/template.h"

struct cardface_renderer {
  cardface::Renderer renderer;
};
struct cardface_card {
  cardface::Card card;
};
struct cardface_seal_key {
  std::shared_ptr<const cardface::SealKey> key;
};
struct cardface_bitmap {
  cardface::Bitmap bitmap;
  cardface_pixel_format format = CARDFACE_ARGB32_PREMULTIPLIED;
};
struct cardface_bytes {
  std::vector<std::uint8_t> bytes;
};

namespace {

struct LastError {
  std::string message;
  std::string field;
};

LastError& last_error() {
  thread_local LastError error;
  return error;
}

cardface_status fail(cardface_status status, std::string field, std::string message) {
  LastError& e = last_error();
  e.field = std::move(field);
  e.message = e.field.empty() ? std::move(message) : e.field + ": " + message;
  return status;
}

cardface_status status_of(cardface::ErrorKind kind) {
  switch (kind) {
    case cardface::ErrorKind::data:
      return CARDFACE_ERROR_DATA;
    case cardface::ErrorKind::tmpl:
      return CARDFACE_ERROR_TEMPLATE;
    case cardface::ErrorKind::file:
      return CARDFACE_ERROR_FILE;
    case cardface::ErrorKind::internal:
      break;
  }
  return CARDFACE_ERROR_INTERNAL;
}

// Runs `body` with this thread's error cleared; nothing thrown leaves it.
template <class Body>
cardface_status guarded(Body&& body) noexcept {
  LastError& e = last_error();
  e.message.clear();
  e.field.clear();
  try {
    body();
    return CARDFACE_OK;
  } catch (const cardface::Error& error) {
    std::string message;
    for (const cardface::Problem& p : error.problems()) {
      if (!message.empty()) message += "\n";
      message += p.where.empty() ? p.message : p.where + ": " + p.message;
    }
    e.message = message;
    e.field = error.problems().empty() ? "" : error.problems().front().where;
    return status_of(error.kind());
  } catch (const std::bad_alloc&) {
    return fail(CARDFACE_ERROR_MEMORY, "", "out of memory");
  } catch (const std::exception& error) {
    return fail(CARDFACE_ERROR_INTERNAL, "", error.what());
  } catch (...) {
    return fail(CARDFACE_ERROR_INTERNAL, "", "unknown failure");
  }
}

cardface_status null_argument(const char* name) {
  last_error() = {};
  return fail(CARDFACE_ERROR_ARGUMENT, name, "is NULL");
}

static_assert(static_cast<int>(cardface::SealStatus::malformed) == CARDFACE_SEAL_MALFORMED &&
              static_cast<int>(cardface::SealStatus::unreadable) == CARDFACE_SEAL_UNREADABLE &&
              static_cast<int>(cardface::SealStatus::genuine) == CARDFACE_SEAL_GENUINE);

// A C caller may pass any int where the header says an enum; C++ may not load an enum object
// holding a value outside its enumerators' range, so arguments are checked as the ints they are.
template <class Enum>
int as_int(const Enum& value) {
  static_assert(sizeof(Enum) == sizeof(int));
  int raw;
  std::memcpy(&raw, &value, sizeof raw);
  return raw;
}

bool known_side(const cardface_side& side) {
  const int raw = as_int(side);
  return raw == CARDFACE_FRONT || raw == CARDFACE_BACK;
}

cardface::Side side_of(cardface_side side) {
  return side == CARDFACE_BACK ? cardface::Side::back : cardface::Side::front;
}

// The options with their defaults filled in, checked.
struct Options {
  int dpi = 600;
  cardface::SealOptions seal;
  int png_compression = 1;
  cardface::PdfOptions pdf;
};

Options options_of(const cardface_render_options* o) {
  Options out;
  if (!o) return out;
  if (o->dpi != 0) out.dpi = o->dpi;
  if (out.dpi < 50 || out.dpi > 4800)
    throw cardface::Error(cardface::ErrorKind::data, "dpi", "must be 50-4800");
  if (o->seal_key) out.seal.key = o->seal_key->key;
  if (o->seal_date) {
    out.seal.signature_date = cardface::Date::parse_iso(o->seal_date);
    if (!out.seal.signature_date)
      throw cardface::Error(cardface::ErrorKind::data, "seal_date", "is not a date YYYY-MM-DD");
  }
  if (o->png_compression != 0) out.png_compression = o->png_compression;
  if (out.png_compression < 0 || out.png_compression > 9)
    throw cardface::Error(cardface::ErrorKind::data, "png_compression", "must be 0-9");
  if (o->pdf_bleed_mm >= 0) out.pdf.bleed_mm = o->pdf_bleed_mm;
  out.pdf.crop_marks = o->pdf_crop_marks != 0;
  return out;
}

cardface::Scene compose_sides(const cardface_renderer* r, const cardface_card* c,
                              const Options& options, std::vector<cardface::Side> sides) {
  cardface::ComposeOptions compose;
  compose.sides = std::move(sides);
  compose.seal = options.seal;
  return r->renderer.compose(c->card, compose);
}

// What `cardface render` does for one face: compose that side, rasterize through the cache.
cardface::Bitmap face_bitmap(const cardface_renderer* r, const cardface_card* c, cardface_side side,
                             const Options& options) {
  const cardface::Scene scene = compose_sides(r, c, options, {side_of(side)});
  return r->renderer.rasterize(scene.faces.at(0), cardface::RasterOptions{options.dpi});
}

// Premultiplied native ARGB32 words → straight R, G, B, A bytes, in place.
void to_rgba8(cardface::Bitmap& b) {
  for (int y = 0; y < b.height; ++y) {
    std::uint8_t* row = b.data.data() + static_cast<std::size_t>(y) * b.stride;
    for (int x = 0; x < b.width; ++x) {
      std::uint32_t word;
      std::memcpy(&word, row + 4 * x, 4);
      const std::uint32_t a = word >> 24;
      std::uint32_t rgb[3] = {(word >> 16) & 255, (word >> 8) & 255, word & 255};
      if (a != 0 && a != 255)
        for (std::uint32_t& v : rgb) v = (v * 255 + a / 2) / a;
      row[4 * x] = static_cast<std::uint8_t>(rgb[0]);
      row[4 * x + 1] = static_cast<std::uint8_t>(rgb[1]);
      row[4 * x + 2] = static_cast<std::uint8_t>(rgb[2]);
      row[4 * x + 3] = static_cast<std::uint8_t>(a);
    }
  }
}

// The checks every rendering call starts with (side: none for both faces).
template <class Object>
cardface_status check_render(Object** out, const cardface_renderer* renderer,
                             const cardface_card* card, const cardface_side* side) {
  if (out) *out = nullptr;
  if (!renderer) return null_argument("renderer");
  if (!card) return null_argument("card");
  if (side && !known_side(*side))
    return fail(CARDFACE_ERROR_ARGUMENT, "side", "is not a cardface_side");
  return CARDFACE_OK;
}

template <class Object, class Make>
cardface_status create(Object** out, Make&& make) {
  if (!out) return null_argument("out");
  *out = nullptr;
  return guarded([&] { *out = new Object{make()}; });
}

}  // namespace

extern "C" {

const char* cardface_version(void) {
  return CARDFACE_LIB_VERSION;
}

const char* cardface_last_error_message(void) {
  return last_error().message.c_str();
}

const char* cardface_last_error_field(void) {
  return last_error().field.c_str();
}

const char* cardface_status_name(cardface_status status) {
  switch (status) {
    case CARDFACE_OK:
      return "ok";
    case CARDFACE_ERROR_ARGUMENT:
      return "argument";
    case CARDFACE_ERROR_DATA:
      return "data";
    case CARDFACE_ERROR_TEMPLATE:
      return "template";
    case CARDFACE_ERROR_FILE:
      return "file";
    case CARDFACE_ERROR_INTERNAL:
      return "internal";
    case CARDFACE_ERROR_MEMORY:
      return "memory";
  }
  return "unknown";
}

cardface_status cardface_set_data_dir(const char* dir) {
  return guarded([&] { cardface::set_data_dir(dir ? dir : ""); });
}

cardface_status cardface_renderer_new(const char* template_name_or_dir, cardface_renderer** out) {
  return cardface_renderer_new_with_options(template_name_or_dir, nullptr, out);
}

cardface_status cardface_renderer_new_with_options(const char* template_name_or_dir,
                                                   const cardface_renderer_options* options,
                                                   cardface_renderer** out) {
  if (out) *out = nullptr;
  if (!template_name_or_dir) return null_argument("template_name_or_dir");
  cardface::RendererOptions o;
  if (options) {
    if (options->cache_dir) o.cache_dir = options->cache_dir;
    if (options->cache_bytes) o.cache_bytes = options->cache_bytes;
    if (options->cache_dir_bytes) o.cache_dir_bytes = options->cache_dir_bytes;
  }
  return create(out, [&] {
    return cardface::Renderer(cardface::find_template(template_name_or_dir),
                              cardface::Fonts::bundled(), o);
  });
}

void cardface_renderer_free(cardface_renderer* renderer) {
  delete renderer;
}

cardface_status cardface_card_from_json(const char* json, size_t size, const char* base_dir,
                                        cardface_card** out) {
  if (out) *out = nullptr;
  if (!json) return null_argument("json");
  return create(out, [&] {
    return cardface::parse_card(std::string_view(json, size), base_dir ? base_dir : ".");
  });
}

cardface_status cardface_card_from_file(const char* path, cardface_card** out) {
  if (out) *out = nullptr;
  if (!path) return null_argument("path");
  return create(out, [&] { return cardface::load_card(path); });
}

void cardface_card_free(cardface_card* card) {
  delete card;
}

cardface_status cardface_seal_key_load(const char* pem_file, cardface_seal_key** out) {
  if (out) *out = nullptr;
  if (!pem_file) return null_argument("pem_file");
  return create(out, [&] {
    return std::make_shared<const cardface::SealKey>(cardface::SealKey::load_pem(pem_file));
  });
}

void cardface_seal_key_free(cardface_seal_key* key) {
  delete key;
}

cardface_status cardface_render_bitmap(const cardface_renderer* renderer, const cardface_card* card,
                                       cardface_side side, const cardface_render_options* options,
                                       cardface_pixel_format format, cardface_bitmap** out) {
  if (const cardface_status s = check_render(out, renderer, card, &side); s != CARDFACE_OK)
    return s;
  if (const int raw = as_int(format); raw != CARDFACE_ARGB32_PREMULTIPLIED && raw != CARDFACE_RGBA8)
    return fail(CARDFACE_ERROR_ARGUMENT, "format", "is not a cardface_pixel_format");
  return create(out, [&] {
    cardface::Bitmap bitmap = face_bitmap(renderer, card, side, options_of(options));
    if (format == CARDFACE_RGBA8) to_rgba8(bitmap);
    return cardface_bitmap{std::move(bitmap), format};
  });
}

void cardface_bitmap_free(cardface_bitmap* bitmap) {
  delete bitmap;
}

const uint8_t* cardface_bitmap_data(const cardface_bitmap* bitmap) {
  return bitmap ? bitmap->bitmap.data.data() : nullptr;
}
int cardface_bitmap_width(const cardface_bitmap* bitmap) {
  return bitmap ? bitmap->bitmap.width : 0;
}
int cardface_bitmap_height(const cardface_bitmap* bitmap) {
  return bitmap ? bitmap->bitmap.height : 0;
}
int cardface_bitmap_stride(const cardface_bitmap* bitmap) {
  return bitmap ? bitmap->bitmap.stride : 0;
}
int cardface_bitmap_dpi(const cardface_bitmap* bitmap) {
  return bitmap ? bitmap->bitmap.dpi : 0;
}
cardface_pixel_format cardface_bitmap_format(const cardface_bitmap* bitmap) {
  return bitmap ? bitmap->format : CARDFACE_ARGB32_PREMULTIPLIED;
}

cardface_status cardface_render_png(const cardface_renderer* renderer, const cardface_card* card,
                                    cardface_side side, const cardface_render_options* options,
                                    cardface_bytes** out) {
  if (const cardface_status s = check_render(out, renderer, card, &side); s != CARDFACE_OK)
    return s;
  return create(out, [&] {
    const Options o = options_of(options);
    return cardface_bytes{
        cardface::encode_png(face_bitmap(renderer, card, side, o), o.png_compression)};
  });
}

cardface_status cardface_render_pdf(const cardface_renderer* renderer, const cardface_card* card,
                                    const cardface_render_options* options, cardface_bytes** out) {
  if (const cardface_status s = check_render(out, renderer, card, nullptr); s != CARDFACE_OK)
    return s;
  return create(out, [&] {
    const Options o = options_of(options);
    const cardface::Scene scene =
        compose_sides(renderer, card, o, {cardface::Side::front, cardface::Side::back});
    return cardface_bytes{cardface::render_pdf(scene, o.pdf)};
  });
}

cardface_status cardface_render_svg(const cardface_renderer* renderer, const cardface_card* card,
                                    cardface_side side, const cardface_render_options* options,
                                    cardface_bytes** out) {
  if (const cardface_status s = check_render(out, renderer, card, &side); s != CARDFACE_OK)
    return s;
  return create(out, [&] {
    const cardface::Scene scene =
        compose_sides(renderer, card, options_of(options), {side_of(side)});
    return cardface_bytes{cardface::render_svg(scene.faces.at(0))};
  });
}

void cardface_bytes_free(cardface_bytes* bytes) {
  delete bytes;
}
const uint8_t* cardface_bytes_data(const cardface_bytes* bytes) {
  return bytes ? bytes->bytes.data() : nullptr;
}
size_t cardface_bytes_size(const cardface_bytes* bytes) {
  return bytes ? bytes->bytes.size() : 0;
}

cardface_status cardface_mrz(const cardface_renderer* renderer, const cardface_card* card,
                             char* out, size_t out_size) {
  if (!renderer) return null_argument("renderer");
  if (!card) return null_argument("card");
  if (!out) return null_argument("out");
  if (out_size < CARDFACE_MRZ_SIZE)
    return fail(CARDFACE_ERROR_ARGUMENT, "out_size", "is less than CARDFACE_MRZ_SIZE");
  out[0] = '\0';
  return guarded([&] {
    std::string text;
    for (const std::string& line :
         cardface::machine_readable_zone(card->card, renderer->renderer.tmpl()))
      text += line + "\n";
    if (text.size() + 1 > out_size)
      throw cardface::Error(cardface::ErrorKind::internal, "mrz", "longer than 3 x 30 characters");
    std::memcpy(out, text.c_str(), text.size() + 1);
  });
}

cardface_status cardface_verify_seal(const uint8_t* image, size_t size,
                                     const char* public_key_pem_file, const cardface_card* card,
                                     cardface_seal_status* status, cardface_bytes** fields_json) {
  if (fields_json) *fields_json = nullptr;
  if (!image) return null_argument("image");
  if (!status) return null_argument("status");
  return guarded([&] {
    std::optional<cardface::SealPublicKey> key;
    if (public_key_pem_file) key = cardface::SealPublicKey::load_pem(public_key_pem_file);
    const cardface::Raster raster = cardface::decode_image({image, size}, "image");
    const cardface::SealCheck check =
        cardface::check_seal(raster, key ? &*key : nullptr, card ? &card->card : nullptr);
    *status = static_cast<cardface_seal_status>(check.status);
    if (fields_json && check.seal) {
      nlohmann::ordered_json fields = nlohmann::ordered_json::object();
      try {
        for (const cardface::SealField& f : cardface::seal_fields(*check.seal))
          fields[f.name] = f.value;
      } catch (const cardface::Error&) {
        // malformed features: the status says so
      }
      const std::string text = fields.dump();
      *fields_json = new cardface_bytes{{text.begin(), text.end()}};
    }
  });
}

const char* cardface_seal_status_name(cardface_seal_status status) {
  if (static_cast<int>(status) < CARDFACE_SEAL_GENUINE ||
      static_cast<int>(status) > CARDFACE_SEAL_MALFORMED)
    return "unknown";
  return cardface::to_string(static_cast<cardface::SealStatus>(status));
}

}  // extern "C"
