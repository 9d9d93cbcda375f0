// A card template: a directory holding template.json and its assets. Templates are data;
// a new card needs no recompiling. The format is documented in docs/template-format.md.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "cardface/export.h"
#include "cardface/scene.h"

CARDFACE_CXX_API_BEGIN
namespace cardface {

namespace tmpl {
struct Model;  // the parsed template (src/tmpl/model.h)
}

class Template {
 public:
  // Loads DIR/template.json. Throws Error(ErrorKind::tmpl) naming the JSON path of the fault,
  // or Error(ErrorKind::file) when the file cannot be read.
  static Template load_dir(const std::filesystem::path& dir);
  // The same from template.json's text already in memory (an edited template); assets still
  // come from inside `dir`. `label` stands for the file in errors ("LABEL:/json/path").
  static Template parse_json(const std::string& json_text, const std::filesystem::path& dir,
                             const std::string& label);

  const std::string& name() const;
  const std::filesystem::path& dir() const;
  // Card types whose records this template can render (e.g. {"fprc-2023"}).
  const std::vector<std::string>& card_types() const;
  // The sides it has, in the order template.json gives them.
  std::vector<Side> sides() const;

  const tmpl::Model& model() const { return *model_; }

 private:
  std::shared_ptr<const tmpl::Model> model_;
};

// Resolves NAME (a bundled template, or one on CARDFACE_TEMPLATE_PATH) or a directory path.
// Throws Error(ErrorKind::tmpl, name_or_dir, "unknown template ...") listing what exists.
Template find_template(const std::string& name_or_dir);

// The template for a card type when the user names none: the template named like the type,
// else the first bundled template (by name) that renders that type.
Template default_template(const std::string& card_type);

// The names of the bundled templates.
std::vector<std::string> bundled_templates();

}  // namespace cardface
CARDFACE_CXX_API_END
