/* Renders a card's front face at 600 dpi to a PNG with libcardface's C API. */
#include <cardface/cardface.h>
#include <stdio.h>

static int fail(const char* what) {
  fprintf(stderr, "render_specimen: %s: %s\n", what, cardface_last_error_message());
  return 1;
}

int main(int argc, char** argv) {
  cardface_card* card = NULL;
  cardface_renderer* renderer = NULL;
  cardface_bytes* png = NULL;
  cardface_render_options options = CARDFACE_RENDER_OPTIONS_INIT;
  FILE* out;
  int status = 1;

  if (argc != 3) {
    fprintf(stderr, "usage: render_specimen DATA.json OUT.png\n");
    return 2;
  }
  if (cardface_card_from_file(argv[1], &card) != CARDFACE_OK) return fail(argv[1]);
  if (cardface_renderer_new("fprc-2023", &renderer) != CARDFACE_OK) {
    status = fail("fprc-2023");
  } else if (cardface_render_png(renderer, card, CARDFACE_FRONT, &options, &png) != CARDFACE_OK) {
    status = fail("render");
  } else if ((out = fopen(argv[2], "wb")) != NULL) {
    status = fwrite(cardface_bytes_data(png), 1, cardface_bytes_size(png), out) ==
                     cardface_bytes_size(png)
                 ? 0
                 : 1;
    status |= fclose(out) != 0;
  }
  cardface_bytes_free(png);
  cardface_renderer_free(renderer);
  cardface_card_free(card);
  return status;
}
