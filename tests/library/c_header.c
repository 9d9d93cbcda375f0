/* cardface.h compiles on its own, as C99 and as C++ (tests/library/CMakeLists.txt), with every
   warning an error. */
#include "cardface/cardface.h"

int cardface_header_check(void);
int cardface_header_check(void) {
  cardface_render_options options = CARDFACE_RENDER_OPTIONS_INIT;
  cardface_status status = CARDFACE_OK;
  cardface_seal_status seal = CARDFACE_SEAL_GENUINE;
  cardface_side side = CARDFACE_BACK;
  cardface_pixel_format format = CARDFACE_RGBA8;
  char mrz[CARDFACE_MRZ_SIZE] = {0};
  return options.dpi + (int)status + (int)seal + (int)side + (int)format + mrz[0] +
         CARDFACE_VERSION_MAJOR;
}
