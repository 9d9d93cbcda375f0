# What `cmake --install` and the Debian package put where: the command, libcardface.so (and
# libcardface.a with CARDFACE_INSTALL_STATIC), the headers, the CMake package
# (find_package(cardface) → cardface::cardface), cardface.pc, the Python module and the bundled
# data under share/cardface, which the library finds from its own location (src/core/paths.cpp).
include(CMakePackageConfigHelpers)

option(CARDFACE_INSTALL_STATIC "Also install libcardface.a (cardface::cardface_static)" OFF)
set(CARDFACE_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/cardface)

install(TARGETS cardface_shared EXPORT cardface-targets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} NAMELINK_COMPONENT Unspecified)
install(EXPORT cardface-targets NAMESPACE cardface:: DESTINATION ${CARDFACE_CMAKE_DIR})
if(CARDFACE_INSTALL_STATIC)
  set_target_properties(cardface PROPERTIES EXPORT_NAME cardface_static)
  install(TARGETS cardface EXPORT cardface-static-targets ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
  install(EXPORT cardface-static-targets NAMESPACE cardface:: DESTINATION ${CARDFACE_CMAKE_DIR})
endif()
install(DIRECTORY include/cardface DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

configure_package_config_file(cmake/cardface-config.cmake.in
  ${PROJECT_BINARY_DIR}/cardface-config.cmake INSTALL_DESTINATION ${CARDFACE_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/cardface-config-version.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/cardface-config.cmake
              ${PROJECT_BINARY_DIR}/cardface-config-version.cmake
        DESTINATION ${CARDFACE_CMAKE_DIR})

file(RELATIVE_PATH CARDFACE_PC_TO_PREFIX ${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig ${CMAKE_INSTALL_PREFIX})
configure_file(cmake/cardface.pc.in ${PROJECT_BINARY_DIR}/cardface.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/cardface.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

# samples: the fictional specimen holders, for trying the command and the workbench's list
foreach(data_dir templates card-types fonts data samples)
  if(EXISTS ${PROJECT_SOURCE_DIR}/${data_dir})
    install(DIRECTORY ${data_dir} DESTINATION ${CMAKE_INSTALL_DATADIR}/cardface)
  endif()
endforeach()

add_subdirectory(python)
include(cmake/package.cmake)
