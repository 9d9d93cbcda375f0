#include "text/font_book.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H
#include <hb-ot.h>
#include <hb.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cardface/error.h"
#include "core/json_text.h"

namespace cardface::text {
namespace {

// FreeType only checks the file and reads metrics at load; see font_book.h on threads.
class FreeTypeFace {
 public:
  FreeTypeFace(const std::filesystem::path& file, hb_blob_t* blob, int index) {
    if (FT_Init_FreeType(&library_) != 0) {
      throw Error(ErrorKind::internal, file.string(), "FreeType could not start");
    }
    unsigned int size = 0;
    const char* data = hb_blob_get_data(blob, &size);
    const FT_Error status = FT_New_Memory_Face(library_, reinterpret_cast<const FT_Byte*>(data),
                                               static_cast<FT_Long>(size), index, &face_);
    if (status != 0) {
      FT_Done_FreeType(library_);
      throw Error(ErrorKind::file, file.string(),
                  index == 0 ? "not a font FreeType can read (error " + std::to_string(status) + ")"
                             : "has no readable face " + std::to_string(index) + " (error " +
                                   std::to_string(status) + ")");
    }
  }
  ~FreeTypeFace() {
    FT_Done_Face(face_);
    FT_Done_FreeType(library_);
  }
  FreeTypeFace(const FreeTypeFace&) = delete;
  FreeTypeFace& operator=(const FreeTypeFace&) = delete;
  FT_Face operator->() const { return face_; }

 private:
  FT_Library library_ = nullptr;
  FT_Face face_ = nullptr;
};

struct FaceSpec {
  std::string file;
  int index = 0;
};

FaceSpec face_spec(const nlohmann::json& value, const std::string& where) {
  if (value.is_string()) return {value.get<std::string>(), 0};
  if (value.is_object() && value.contains("file") && value["file"].is_string()) {
    FaceSpec spec{value["file"].get<std::string>(), 0};
    if (value.contains("index")) {
      if (!value["index"].is_number_integer() || value["index"].get<int>() < 0) {
        throw Error(ErrorKind::file, where, "\"index\" must be a face index (0, 1, ...)");
      }
      spec.index = value["index"].get<int>();
    }
    return spec;
  }
  throw Error(ErrorKind::file, where, "a face is a file name or {\"file\": ..., \"index\": n}");
}

}  // namespace

Face::Face(const std::filesystem::path& file, int index) : ref_{file, index} {
  blob_ = hb_blob_create_from_file_or_fail(file.c_str());
  if (!blob_) throw Error(ErrorKind::file, file.string(), "cannot read the font file");
  try {
    const FreeTypeFace ft(file, blob_, index);
    if (!FT_IS_SCALABLE(ft.operator->()) || ft->units_per_EM == 0) {
      throw Error(ErrorKind::file, file.string(), "is not a scalable (outline) font");
    }
    units_per_em_ = ft->units_per_EM;
    ascender_em_ = static_cast<double>(ft->ascender) / units_per_em_;
    descender_em_ = -static_cast<double>(ft->descender) / units_per_em_;
    // Cap height from OS/2 when the font has it, else the ascender (a safe over-estimate).
    const auto* os2 = static_cast<const TT_OS2*>(FT_Get_Sfnt_Table(ft.operator->(), FT_SFNT_OS2));
    cap_height_em_ = os2 && os2->version >= 2 && os2->sCapHeight > 0
                         ? static_cast<double>(os2->sCapHeight) / units_per_em_
                         : ascender_em_;
  } catch (...) {
    hb_blob_destroy(blob_);
    throw;
  }
  hb_face_t* face = hb_face_create(blob_, static_cast<unsigned>(index));
  font_ = hb_font_create(face);
  hb_face_destroy(face);  // the font holds its own reference
  // Unhinted, at the design resolution: positions are exact font units, the same at any size.
  hb_ot_font_set_funcs(font_);
  hb_font_set_scale(font_, units_per_em_, units_per_em_);
  hb_font_make_immutable(font_);
}

Face::~Face() {
  hb_font_destroy(font_);
  hb_blob_destroy(blob_);
}

bool Face::has(char32_t cp) const {
  hb_codepoint_t glyph = 0;
  return hb_font_get_nominal_glyph(font_, cp, &glyph) && glyph != 0;
}

std::vector<const Face*> Family::faces() const {
  std::vector<const Face*> out;
  if (latin) out.push_back(latin);
  if (han && han != latin) out.push_back(han);
  return out;
}

FontBook::FontBook(const std::filesystem::path& fonts_dir) : dir_(fonts_dir) {
  const std::filesystem::path config_path = fonts_dir / "fonts.json";
  const std::string config_name = config_path.string();
  std::ifstream in(config_path, std::ios::binary);
  if (!in) throw Error(ErrorKind::file, config_name, "cannot open the font configuration");
  std::ostringstream text;
  text << in.rdbuf();
  nlohmann::json config =
      json_text::parse<nlohmann::json>(text.str(), ErrorKind::file, config_name);
  if (!config.is_object() || !config.contains("families") || !config["families"].is_object() ||
      config["families"].empty()) {
    throw Error(ErrorKind::file, config_name, "needs a non-empty \"families\" object");
  }

  std::map<std::pair<std::filesystem::path, int>, const Face*> opened;
  const auto open = [&](const FaceSpec& spec) {
    const std::filesystem::path file =
        std::filesystem::absolute(dir_ / spec.file).lexically_normal();
    auto [it, inserted] = opened.try_emplace({file, spec.index}, nullptr);
    if (inserted) {
      faces_.push_back(std::make_unique<Face>(file, spec.index));
      it->second = faces_.back().get();
    }
    return it->second;
  };

  for (const auto& [name, scripts] : config["families"].items()) {
    const std::string where = config_name + ": families/" + name;
    if (!scripts.is_object() || scripts.empty()) {
      throw Error(ErrorKind::file, where, "a family maps \"latin\" and/or \"han\" to a face");
    }
    Family family{name};
    for (const auto& [script, value] : scripts.items()) {
      const FaceSpec spec = face_spec(value, where + "/" + script);
      if (script == "latin") {
        family.latin = open(spec);
      } else if (script == "han") {
        family.han = open(spec);
      } else {
        throw Error(ErrorKind::file, where,
                    "unknown script \"" + script + "\" (expected \"latin\" or \"han\")");
      }
    }
    families_.emplace(name, std::move(family));
  }
}

FontBook::~FontBook() = default;

bool FontBook::has_family(std::string_view name) const {
  return families_.contains(name);
}

std::vector<std::string> FontBook::family_names() const {
  std::vector<std::string> names;
  for (const auto& [name, family] : families_) names.push_back(name);
  return names;
}

const Family& FontBook::family(std::string_view name, std::string_view where) const {
  const auto it = families_.find(name);
  if (it == families_.end()) {
    std::string known;
    for (const auto& [n, f] : families_) known += (known.empty() ? "" : ", ") + n;
    throw Error(ErrorKind::tmpl, std::string(where),
                "unknown font family \"" + std::string(name) + "\" (fonts.json has " + known + ")");
  }
  return it->second;
}

const Face* FontBook::face(const FontRef& ref) const {
  for (const auto& f : faces_)
    if (f->ref() == ref) return f.get();
  return nullptr;
}

}  // namespace cardface::text
