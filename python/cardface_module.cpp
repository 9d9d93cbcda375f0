// The Python module's native part, _cardface: classes over the C API (include/cardface/cardface.h).
// Rendering releases the GIL; failures raise cardface.Error subclasses carrying the field.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "cardface/cardface.h"

namespace py = pybind11;

namespace {

[[noreturn]] void raise(cardface_status status) {
  const py::object errors = py::module_::import("cardface._errors");
  const std::string code = cardface_status_name(status);
  const py::object error = errors.attr("error_class")(code)(code, cardface_last_error_field(),
                                                            cardface_last_error_message());
  PyErr_SetObject(error.get_type().ptr(), error.ptr());
  throw py::error_already_set();
}

void check(cardface_status status) {
  if (status != CARDFACE_OK) raise(status);
}

template <class T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* p) const { Free(p); }
};
template <class T, void (*Free)(T*)>
using Owned = std::unique_ptr<T, Deleter<T, Free>>;

class Card {
 public:
  static std::shared_ptr<Card> from_json(const std::string& json, const py::object& base_dir) {
    const std::string dir = base_dir.is_none() ? "." : py::str(base_dir).cast<std::string>();
    cardface_card* card = nullptr;
    check(cardface_card_from_json(json.data(), json.size(), dir.c_str(), &card));
    return std::make_shared<Card>(card);
  }
  static std::shared_ptr<Card> from_file(const py::object& path) {
    const std::string file = py::str(path);
    cardface_card* card = nullptr;
    check(cardface_card_from_file(file.c_str(), &card));
    return std::make_shared<Card>(card);
  }
  explicit Card(cardface_card* card) : card_(card) {}
  const cardface_card* get() const { return card_.get(); }

 private:
  Owned<cardface_card, cardface_card_free> card_;
};

// A record as Python gives it: a Card, a dict (as in samples/*.json), or JSON text.
std::shared_ptr<Card> card_of(const py::object& record, const py::object& base_dir) {
  if (py::isinstance<Card>(record)) return record.cast<std::shared_ptr<Card>>();
  if (py::isinstance<py::str>(record)) return Card::from_json(record.cast<std::string>(), base_dir);
  if (py::isinstance<py::dict>(record))
    return Card::from_json(py::module_::import("json").attr("dumps")(record).cast<std::string>(),
                           base_dir);
  throw py::type_error("record must be a dict, JSON text or a cardface.Card");
}

cardface_side side_of(const std::string& side) {
  if (side == "front") return CARDFACE_FRONT;
  if (side == "back") return CARDFACE_BACK;
  throw py::value_error("side must be \"front\" or \"back\"");
}

py::bytes bytes_of(cardface_bytes* raw) {
  const Owned<cardface_bytes, cardface_bytes_free> bytes(raw);
  return py::bytes(reinterpret_cast<const char*>(cardface_bytes_data(raw)),
                   cardface_bytes_size(raw));
}

class Bitmap {
 public:
  explicit Bitmap(cardface_bitmap* bitmap) : bitmap_(bitmap) {}
  int width() const { return cardface_bitmap_width(bitmap_.get()); }
  int height() const { return cardface_bitmap_height(bitmap_.get()); }
  int stride() const { return cardface_bitmap_stride(bitmap_.get()); }
  int dpi() const { return cardface_bitmap_dpi(bitmap_.get()); }
  std::string format() const {
    return cardface_bitmap_format(bitmap_.get()) == CARDFACE_RGBA8 ? "rgba" : "argb32";
  }
  // rows × columns × 4 bytes over the C bitmap's own memory (read-only, nothing copied)
  py::buffer_info buffer() const {
    return py::buffer_info(const_cast<std::uint8_t*>(cardface_bitmap_data(bitmap_.get())), 1,
                           py::format_descriptor<std::uint8_t>::format(), 3,
                           {py::ssize_t(height()), py::ssize_t(width()), py::ssize_t(4)},
                           {py::ssize_t(stride()), py::ssize_t(4), py::ssize_t(1)}, true);
  }

 private:
  Owned<cardface_bitmap, cardface_bitmap_free> bitmap_;
};

struct Options {
  cardface_render_options c = CARDFACE_RENDER_OPTIONS_INIT;
  std::string seal_date;
  Owned<cardface_seal_key, cardface_seal_key_free> key;

  Options(int dpi, const py::object& seal_key, const py::object& date) {
    c.dpi = dpi;
    if (!seal_key.is_none()) {
      cardface_seal_key* k = nullptr;
      check(cardface_seal_key_load(py::str(seal_key).cast<std::string>().c_str(), &k));
      key.reset(k);
      c.seal_key = k;
    }
    if (!date.is_none()) {
      seal_date = py::str(date);
      c.seal_date = seal_date.c_str();
    }
  }
};

class Renderer {
 public:
  Renderer(const py::object& name_or_dir, const py::object& cache_dir) {
    const std::string name = py::str(name_or_dir);
    std::string folder;
    cardface_renderer_options options = CARDFACE_RENDERER_OPTIONS_INIT;
    if (!cache_dir.is_none()) {
      folder = py::str(cache_dir);
      options.cache_dir = folder.c_str();
    }
    cardface_renderer* r = nullptr;
    cardface_status status;
    {
      py::gil_scoped_release release;
      status = cardface_renderer_new_with_options(name.c_str(), &options, &r);
    }
    check(status);
    renderer_.reset(r);
  }

  py::bytes render_png(const py::object& record, const std::string& side, int dpi,
                       const py::object& seal_key, const py::object& seal_date,
                       const py::object& base_dir) const {
    const auto card = card_of(record, base_dir);
    const Options options(dpi, seal_key, seal_date);
    cardface_bytes* out = nullptr;
    cardface_status status;
    {
      py::gil_scoped_release release;
      status = cardface_render_png(renderer_.get(), card->get(), side_of(side), &options.c, &out);
    }
    check(status);
    return bytes_of(out);
  }

  Bitmap render_bitmap(const py::object& record, const std::string& side, int dpi,
                       const std::string& format, const py::object& seal_key,
                       const py::object& seal_date, const py::object& base_dir) const {
    if (format != "rgba" && format != "argb32")
      throw py::value_error("format must be \"rgba\" or \"argb32\"");
    const auto card = card_of(record, base_dir);
    const Options options(dpi, seal_key, seal_date);
    const cardface_side s = side_of(side);
    cardface_bitmap* out = nullptr;
    cardface_status status;
    {
      py::gil_scoped_release release;
      status = cardface_render_bitmap(
          renderer_.get(), card->get(), s, &options.c,
          format == "rgba" ? CARDFACE_RGBA8 : CARDFACE_ARGB32_PREMULTIPLIED, &out);
    }
    check(status);
    return Bitmap(out);
  }

  py::bytes render_pdf(const py::object& record, double bleed_mm, bool crop_marks,
                       const py::object& seal_key, const py::object& seal_date,
                       const py::object& base_dir) const {
    const auto card = card_of(record, base_dir);
    Options options(0, seal_key, seal_date);
    options.c.pdf_bleed_mm = bleed_mm;
    options.c.pdf_crop_marks = crop_marks;
    cardface_bytes* out = nullptr;
    cardface_status status;
    {
      py::gil_scoped_release release;
      status = cardface_render_pdf(renderer_.get(), card->get(), &options.c, &out);
    }
    check(status);
    return bytes_of(out);
  }

  py::bytes render_svg(const py::object& record, const std::string& side,
                       const py::object& seal_key, const py::object& seal_date,
                       const py::object& base_dir) const {
    const auto card = card_of(record, base_dir);
    const Options options(0, seal_key, seal_date);
    const cardface_side s = side_of(side);
    cardface_bytes* out = nullptr;
    cardface_status status;
    {
      py::gil_scoped_release release;
      status = cardface_render_svg(renderer_.get(), card->get(), s, &options.c, &out);
    }
    check(status);
    return bytes_of(out);
  }

  std::vector<std::string> mrz(const py::object& record, const py::object& base_dir) const {
    const auto card = card_of(record, base_dir);
    char text[CARDFACE_MRZ_SIZE];
    check(cardface_mrz(renderer_.get(), card->get(), text, sizeof text));
    std::vector<std::string> lines;
    std::string all = text;
    for (std::size_t start = 0, end; (end = all.find('\n', start)) != std::string::npos;
         start = end + 1)
      lines.push_back(all.substr(start, end - start));
    return lines;
  }

 private:
  Owned<cardface_renderer, cardface_renderer_free> renderer_;
};

py::tuple verify_seal(const py::bytes& image, const py::object& key, const py::object& record,
                      const py::object& base_dir) {
  const std::string data = image;
  const std::string key_file = key.is_none() ? "" : py::str(key).cast<std::string>();
  const auto card = record.is_none() ? nullptr : card_of(record, base_dir);
  cardface_seal_status seal = CARDFACE_SEAL_UNREADABLE;
  cardface_bytes* fields = nullptr;
  check(cardface_verify_seal(reinterpret_cast<const std::uint8_t*>(data.data()), data.size(),
                             key.is_none() ? nullptr : key_file.c_str(),
                             card ? card->get() : nullptr, &seal, &fields));
  py::object decoded = py::none();
  if (fields) decoded = py::module_::import("json").attr("loads")(bytes_of(fields));
  return py::make_tuple(cardface_seal_status_name(seal), decoded);
}

}  // namespace

PYBIND11_MODULE(_cardface, m) {
  m.doc() = "cardface's native part over the C API (see the cardface package)";
  m.def("version", &cardface_version, "The library's version, e.g. \"0.2.0\".");
  m.def(
      "set_data_dir",
      [](const py::object& dir) {
        check(cardface_set_data_dir(dir.is_none() ? nullptr
                                                  : py::str(dir).cast<std::string>().c_str()));
      },
      py::arg("dir"), "Where bundled templates and fonts are read from (None: the default).");

  py::class_<Card, std::shared_ptr<Card>>(m, "Card", "A validated holder record.")
      .def_static("from_json", &Card::from_json, py::arg("json"), py::arg("base_dir") = py::none())
      .def_static("from_file", &Card::from_file, py::arg("path"));

  py::class_<Bitmap>(m, "Bitmap", py::buffer_protocol(),
                     "One face's pixels: height x width x 4 bytes, `stride` bytes a row.")
      .def_buffer(&Bitmap::buffer)
      .def_property_readonly("width", &Bitmap::width)
      .def_property_readonly("height", &Bitmap::height)
      .def_property_readonly("stride", &Bitmap::stride)
      .def_property_readonly("dpi", &Bitmap::dpi)
      .def_property_readonly("format", &Bitmap::format);

  const auto none = py::none();
  py::class_<Renderer>(m, "Renderer",
                       "One template (a bundled name or a directory), its fonts and cache; "
                       "safe to share between threads. cache_dir: a folder (str or path) where "
                       "the layers its cards share are kept for later processes; None: memory "
                       "only.")
      .def(py::init<const py::object&, const py::object&>(), py::arg("template"),
           py::arg("cache_dir") = none)
      .def("render_png", &Renderer::render_png, py::arg("record"), py::arg("side") = "front",
           py::arg("dpi") = 600, py::arg("seal_key") = none, py::arg("seal_date") = none,
           py::arg("base_dir") = none)
      .def("render_bitmap", &Renderer::render_bitmap, py::arg("record"), py::arg("side") = "front",
           py::arg("dpi") = 600, py::arg("format") = "rgba", py::arg("seal_key") = none,
           py::arg("seal_date") = none, py::arg("base_dir") = none)
      .def("render_pdf", &Renderer::render_pdf, py::arg("record"), py::arg("bleed_mm") = 2.0,
           py::arg("crop_marks") = false, py::arg("seal_key") = none, py::arg("seal_date") = none,
           py::arg("base_dir") = none)
      .def("render_svg", &Renderer::render_svg, py::arg("record"), py::arg("side") = "front",
           py::arg("seal_key") = none, py::arg("seal_date") = none, py::arg("base_dir") = none)
      .def("mrz", &Renderer::mrz, py::arg("record"), py::arg("base_dir") = none);

  m.def("verify_seal", &verify_seal, py::arg("image"), py::arg("key") = none,
        py::arg("record") = none, py::arg("base_dir") = none,
        "Reads and checks the seal in PNG/JPEG bytes: (status, fields dict or None).");
}
