# `cpack -G DEB` in the build directory: cardface_<version>_amd64.deb installing under /usr, its
# Depends: found by dpkg-shlibdeps. tests/package checks it installs, renders and removes cleanly.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME cardface)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "cardface maintainers <cardface@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "identity-card faces from a holder record and a template")
set(CPACK_PACKAGE_DESCRIPTION
    "cardface renders the faces of ID-1 identity cards (PNG, PDF, SVG, card-printer panels) from a\n\
holder's record and a template. The package holds the cardface command, libcardface with its C\n\
and C++ headers, CMake and pkg-config files, the Python module, and specimen templates and fonts.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION graphics)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
# the Python module links libcardface.so from this very package
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS ${PROJECT_BINARY_DIR})
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS python3)
include(CPack)
