// Renders a card's front face at 600 dpi to a PNG with libcardface's C++ API.
#include <cardface/card.h>
#include <cardface/error.h>
#include <cardface/renderer.h>
#include <cardface/template.h>

#include <fstream>
#include <iostream>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: render_specimen DATA.json OUT.png\n";
    return 2;
  }
  try {
    const cardface::Card card = cardface::load_card(argv[1]);
    const cardface::Renderer renderer(cardface::default_template(card.type));  // one per template
    const std::vector<cardface::Bitmap> faces =
        renderer.render(card, {.dpi = 600}, {cardface::Side::front});
    const std::vector<std::uint8_t> png = cardface::encode_png(faces.at(0));
    std::ofstream(argv[2], std::ios::binary)
        .write(reinterpret_cast<const char*>(png.data()), static_cast<std::streamsize>(png.size()));
  } catch (const cardface::Error& e) {
    for (const cardface::Problem& p : e.problems())
      std::cerr << "render_specimen: " << p.where << ": " << p.message << "\n";
    return 1;
  }
  return 0;
}
