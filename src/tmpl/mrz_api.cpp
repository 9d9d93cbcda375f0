#include "cardface/error.h"
#include "cardface/mrz.h"
#include "mrz/td1.h"
#include "tmpl/model.h"
#include "tmpl/mrz_binding.h"

namespace cardface {
namespace {

const tmpl::Element* find_mrz(const std::vector<tmpl::Element>& elements) {
  for (const tmpl::Element& e : elements) {
    if (std::holds_alternative<tmpl::MrzElement>(e.content)) return &e;
    const std::vector<tmpl::Element>* children = nullptr;
    if (auto* g = std::get_if<tmpl::GroupElement>(&e.content)) children = &g->children;
    if (auto* s = std::get_if<tmpl::StackElement>(&e.content)) children = &s->children;
    if (children)
      if (const tmpl::Element* found = find_mrz(*children)) return found;
  }
  return nullptr;
}

}  // namespace

std::array<std::string, 3> machine_readable_zone(const Card& card, const Template& tmpl) {
  for (const tmpl::SideModel& side : tmpl.model().sides)
    if (const tmpl::Element* e = find_mrz(side.elements))
      return tmpl::mrz_lines(card, std::get<tmpl::MrzElement>(e->content), e->path);
  throw Error(ErrorKind::tmpl, "template",
              "template \"" + tmpl.name() + "\" prints no machine-readable zone");
}

std::vector<std::string> check_machine_readable_zone(std::string_view line1, std::string_view line2,
                                                     std::string_view line3) {
  std::vector<std::string> out;
  for (const mrz::Fault& f : mrz::check_td1(line1, line2, line3)) out.push_back(mrz::to_string(f));
  return out;
}

}  // namespace cardface
