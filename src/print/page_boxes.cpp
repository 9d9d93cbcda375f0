#include "print/page_boxes.h"

#include <cstdio>
#include <map>
#include <string>
#include <string_view>

#include "cardface/error.h"

namespace cardface::print {
namespace {

[[noreturn]] void malformed(const std::string& what) {
  throw Error(ErrorKind::internal, "pdf", "cannot add page boxes: " + what);
}

std::size_t find_or_fail(std::string_view text, std::string_view needle, std::size_t from,
                         const char* what) {
  const std::size_t at = text.find(needle, from);
  if (at == std::string_view::npos) malformed(what);
  return at;
}

long parse_number(std::string_view text, std::size_t& pos) {
  while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\r' || text[pos] == '\n')) ++pos;
  const std::size_t start = pos;
  while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
  if (pos == start) malformed("a number expected");
  return std::stol(std::string(text.substr(start, pos - start)));
}

// Object offsets from the classic cross-reference table at `xref_at`.
std::map<long, std::size_t> read_xref(std::string_view text, std::size_t xref_at) {
  if (text.compare(xref_at, 4, "xref") != 0) malformed("no xref table at startxref");
  std::map<long, std::size_t> offsets;
  std::size_t pos = xref_at + 4;
  while (true) {
    std::size_t peek = pos;
    while (peek < text.size() && (text[peek] == '\r' || text[peek] == '\n' || text[peek] == ' '))
      ++peek;
    if (text.compare(peek, 7, "trailer") == 0) break;
    const long first = parse_number(text, pos);
    const long count = parse_number(text, pos);
    for (long i = 0; i < count; ++i) {
      const long offset = parse_number(text, pos);
      parse_number(text, pos);  // generation
      while (pos < text.size() && text[pos] == ' ') ++pos;
      if (pos >= text.size()) malformed("xref table cut short");
      if (text[pos] == 'n') offsets[first + i] = std::size_t(offset);
      ++pos;
    }
  }
  return offsets;
}

std::string box(const char* name, const PdfBox& b) {
  char buffer[128];
  std::snprintf(buffer, sizeof buffer, "   /%s [ %.4f %.4f %.4f %.4f ]\n", name, b.x0, b.y0, b.x1,
                b.y1);
  return buffer;
}

}  // namespace

std::vector<std::uint8_t> add_page_boxes(
    const std::vector<std::uint8_t>& pdf,
    const std::vector<std::pair<int, PdfPageGeometry>>& boxes) {
  if (boxes.empty()) return pdf;
  const std::string_view text(reinterpret_cast<const char*>(pdf.data()), pdf.size());
  const std::size_t startxref = text.rfind("startxref");
  if (startxref == std::string_view::npos) malformed("no startxref");
  std::size_t pos = startxref + 9;
  const auto xref_at = std::size_t(parse_number(text, pos));
  if (xref_at >= text.size()) malformed("startxref past the end");
  const std::map<long, std::size_t> offsets = read_xref(text, xref_at);

  auto object_text = [&](long number) {
    const auto it = offsets.find(number);
    if (it == offsets.end()) malformed("object " + std::to_string(number) + " not in xref");
    const std::size_t begin = find_or_fail(text, "<<", it->second, "object has no dictionary");
    const std::size_t end = find_or_fail(text, "endobj", begin, "object has no end");
    return text.substr(begin, end - begin);
  };

  // The trailer's /Root → the catalog's /Pages → its /Kids: the page objects in page order.
  const std::size_t trailer_at = find_or_fail(text, "trailer", xref_at, "no trailer");
  const std::string_view trailer = text.substr(trailer_at, startxref - trailer_at);
  std::size_t root_pos = find_or_fail(trailer, "/Root", 0, "trailer has no /Root") + 5;
  const std::string_view catalog = object_text(parse_number(trailer, root_pos));
  std::size_t pages_pos = find_or_fail(catalog, "/Pages", 0, "catalog has no /Pages") + 6;
  const std::string_view pages = object_text(parse_number(catalog, pages_pos));
  std::size_t kids_pos = find_or_fail(pages, "/Kids", 0, "page tree has no /Kids");
  kids_pos = find_or_fail(pages, "[", kids_pos, "malformed /Kids") + 1;
  const std::size_t kids_end = find_or_fail(pages, "]", kids_pos, "malformed /Kids");
  std::vector<long> kids;
  while (true) {
    std::size_t peek = kids_pos;
    while (peek < kids_end && (pages[peek] == ' ' || pages[peek] == '\n')) ++peek;
    if (peek >= kids_end) break;
    kids.push_back(parse_number(pages, kids_pos));
    parse_number(pages, kids_pos);  // generation
    kids_pos = find_or_fail(pages, "R", kids_pos, "malformed /Kids") + 1;
  }

  std::string update = "\n";
  std::map<long, std::size_t> rewritten;  // object → its new offset
  for (const auto& [page, geometry] : boxes) {
    if (page < 0 || std::size_t(page) >= kids.size()) malformed("no page " + std::to_string(page));
    const long number = kids[std::size_t(page)];
    std::string dict(object_text(number));
    const std::size_t media = find_or_fail(dict, "/MediaBox", 0, "page has no /MediaBox");
    const std::size_t line_end = find_or_fail(dict, "\n", media, "malformed page") + 1;
    dict.insert(line_end, box("TrimBox", geometry.trim) + box("BleedBox", geometry.bleed));
    rewritten[number] = pdf.size() + update.size();
    update += std::to_string(number) + " 0 obj\n" + dict + "endobj\n";
  }

  const std::size_t new_xref = pdf.size() + update.size();
  update += "xref\n";
  for (const auto& [number, offset] : rewritten) {
    char entry[32];
    std::snprintf(entry, sizeof entry, "%ld 1\n%010zu 00000 n \n", number, offset);
    update += entry;
  }
  // The old trailer's entries (/Size, /Root, /Info) with /Prev pointing at the old xref.
  const std::size_t dict_begin = find_or_fail(trailer, "<<", 0, "malformed trailer");
  const std::size_t dict_end = trailer.rfind(">>");
  if (dict_end == std::string_view::npos || dict_end < dict_begin) malformed("malformed trailer");
  update += "trailer\n";
  update += trailer.substr(dict_begin, dict_end - dict_begin);
  update += "   /Prev " + std::to_string(xref_at) + "\n>>\nstartxref\n" + std::to_string(new_xref) +
            "\n%%EOF\n";

  std::vector<std::uint8_t> out;
  out.reserve(pdf.size() + update.size());
  out.insert(out.end(), pdf.begin(), pdf.end());
  out.insert(out.end(), update.begin(), update.end());
  return out;
}

}  // namespace cardface::print
