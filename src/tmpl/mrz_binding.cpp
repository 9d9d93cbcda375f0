#include "tmpl/mrz_binding.h"

#include "cardface/error.h"
#include "mrz/td1.h"
#include "tmpl/placeholder.h"

namespace cardface::tmpl {
namespace {

Date date_field(const Card& card, const std::string& name, const std::string& where) {
  if (!card.knows(name))
    throw Error(ErrorKind::tmpl, where,
                "unknown field \"" + name + "\" for card type " + card.type);
  const auto value = card.lookup(name);
  const Date* date = value ? std::get_if<Date>(&*value) : nullptr;
  if (!date) throw Error(ErrorKind::data, name, "is required for the machine-readable zone");
  return *date;
}

std::array<std::string, 3> lines(const Card& card, const MrzElement& m, const std::string& where) {
  auto text = [&](const std::string& source, const std::string& key) {
    return join(expand(source, card, where + "/" + key));
  };
  mrz::Td1Input in;
  in.document_code = text(m.document_code, "document_code");
  in.issuing_state = text(m.issuing_state, "issuing_state");
  in.document_number = text(m.document_number, "document_number");
  in.optional_data_1 = text(m.optional_data_1, "optional_data_1");
  in.optional_data_2 = text(m.optional_data_2, "optional_data_2");
  in.nationality = text(m.nationality, "nationality");
  const std::string sex = text(m.sex, "sex");
  in.sex = sex == "M" || sex == "F" ? sex[0] : '<';
  in.primary_identifier = text(m.surname, "surname");
  in.secondary_identifier = text(m.given_names, "given_names");
  in.date_of_birth = date_field(card, m.date_of_birth, where + "/date_of_birth");
  in.date_of_expiry = date_field(card, m.date_of_expiry, where + "/date_of_expiry");
  return mrz::td1_lines(in);
}

}  // namespace

std::array<std::string, 3> mrz_lines(const Card& card, const MrzElement& m,
                                     const std::string& where) {
  // A value the template writes literally (no placeholder) is the template's fault when the
  // MRZ refuses it: name the setting's JSON path, not a record field.
  const std::pair<const char*, const std::string*> settings[] = {
      {"document_code", &m.document_code},
      {"issuing_state", &m.issuing_state},
      {"document_number", &m.document_number},
      {"optional_data_1", &m.optional_data_1},
      {"optional_data_2", &m.optional_data_2},
      {"nationality", &m.nationality},
      {"sex", &m.sex},
      {"surname", &m.surname},
      {"given_names", &m.given_names}};
  try {
    return lines(card, m, where);
  } catch (const Error& e) {
    std::vector<Problem> problems = e.problems();
    bool literal = false;
    for (Problem& p : problems)
      for (const auto& [key, source] : settings)
        if (p.where == key && source->find('{') == std::string::npos) {
          p.where = where + "/" + key;
          literal = true;
        }
    throw Error(literal ? ErrorKind::tmpl : e.kind(), std::move(problems));
  }
}

}  // namespace cardface::tmpl
