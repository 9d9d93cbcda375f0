// The fonts a template may name: families from fonts/fonts.json, each mapping scripts to faces.
//
// Thread-safety: a FontBook is immutable once constructed, and shaping uses only HarfBuzz's
// own OpenType functions on immutable hb_font_t objects, which HarfBuzz allows from many
// threads at once. FreeType is used only inside the constructor (to validate each file and
// read its metrics); no FT_Face outlives it. So one const FontBook can serve every worker.
//
// fonts.json:
//   {"families": {"sans": {"latin": "NotoSans-Regular.ttf", "han": "NotoSansSC-Regular.otf"},
//                 "ocrb": {"latin": {"file": "OCRB.ttf", "index": 0}}}}
// A face is a file name relative to the fonts directory, or {"file", "index"} for a face of
// a collection. Scripts: "latin" (everything that is not CJK) and "han" (Han, Bopomofo,
// kana, CJK punctuation, fullwidth forms). A family needs at least one of them.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cardface/scene.h"

struct hb_font_t;
struct hb_blob_t;

namespace cardface::text {

// One face of one font file, ready for shaping. Immutable.
class Face {
 public:
  Face(const std::filesystem::path& file, int index);  // Error(ErrorKind::file) naming the file
  ~Face();
  Face(const Face&) = delete;
  Face& operator=(const Face&) = delete;

  const FontRef& ref() const { return ref_; }
  hb_font_t* hb_font() const { return font_; }
  int units_per_em() const { return units_per_em_; }
  // hhea ascender and descender (as FreeType and Cairo report them) in ems; descender > 0.
  double ascender_em() const { return ascender_em_; }
  double descender_em() const { return descender_em_; }
  // OS/2 capital height in ems (the ascender when the font does not say).
  double cap_height_em() const { return cap_height_em_; }
  // Whether the cmap maps the code point to a glyph (never .notdef).
  bool has(char32_t cp) const;

 private:
  FontRef ref_;
  hb_blob_t* blob_ = nullptr;
  hb_font_t* font_ = nullptr;
  int units_per_em_ = 0;
  double ascender_em_ = 0;
  double descender_em_ = 0;
  double cap_height_em_ = 0;
};

enum class ScriptClass { latin, han };

struct Family {
  std::string name;
  const Face* latin = nullptr;
  const Face* han = nullptr;

  // The face for a script class, or nullptr when the family has none.
  const Face* face(ScriptClass script) const { return script == ScriptClass::han ? han : latin; }
  // Every face, in fallback order: latin, then han.
  std::vector<const Face*> faces() const;
  // The face whose ascender and descender a text block uses: latin, else han.
  const Face& metrics_face() const { return latin ? *latin : *han; }
};

class FontBook {
 public:
  // Reads fonts_dir/fonts.json and opens every face it names.
  // Throws Error(ErrorKind::file) naming the file that is missing or invalid.
  explicit FontBook(const std::filesystem::path& fonts_dir);
  ~FontBook();
  FontBook(const FontBook&) = delete;
  FontBook& operator=(const FontBook&) = delete;

  const std::filesystem::path& dir() const { return dir_; }
  bool has_family(std::string_view name) const;
  std::vector<std::string> family_names() const;  // sorted
  // Throws Error(ErrorKind::tmpl, where, "unknown font family \"x\"").
  const Family& family(std::string_view name, std::string_view where) const;
  // The open face a glyph run names, or nullptr.
  const Face* face(const FontRef& ref) const;

 private:
  std::filesystem::path dir_;
  std::vector<std::unique_ptr<Face>> faces_;
  std::map<std::string, Family, std::less<>> families_;
};

}  // namespace cardface::text
