# The Debian package (`cpack -G DEB` in the build folder, or scripts/package-test.sh):
# tawsiya_VERSION_ARCH.deb with /usr/bin/tawsiya (web page and lexicon embedded), docs/ in
# /usr/share/doc/tawsiya, a man page per command generated from the --help texts with help2man,
# /etc/tawsiya/tawsiya.conf (a conffile) and the systemd unit tawsiya.service. Included from
# CMakeLists.txt after the targets.

# The version `tawsiya --version` prints is the project's.
target_compile_definitions(tawsiya PRIVATE TAWSIYA_VERSION="${PROJECT_VERSION}")

set(TAWSIYA_PACKAGING_DIR "${PROJECT_SOURCE_DIR}/packaging")
set(TAWSIYA_MAN_DIR "${CMAKE_BINARY_DIR}/man")

install(TARGETS tawsiya RUNTIME DESTINATION bin)
install(DIRECTORY "${PROJECT_SOURCE_DIR}/docs/" DESTINATION share/doc/tawsiya)
install(FILES "${PROJECT_SOURCE_DIR}/README.md" "${TAWSIYA_PACKAGING_DIR}/copyright"
        DESTINATION share/doc/tawsiya)
configure_file("${TAWSIYA_PACKAGING_DIR}/changelog.in" "${CMAKE_BINARY_DIR}/packaging/changelog"
               @ONLY)
# Debian wants the changelog of a native package as changelog.gz, compressed without a timestamp.
install(CODE "execute_process(COMMAND gzip -9n -c \"${CMAKE_BINARY_DIR}/packaging/changelog\"
                              OUTPUT_FILE \"${CMAKE_BINARY_DIR}/packaging/changelog.gz\")")
install(FILES "${CMAKE_BINARY_DIR}/packaging/changelog.gz" DESTINATION share/doc/tawsiya)
install(FILES "${TAWSIYA_PACKAGING_DIR}/tawsiya.conf" DESTINATION /etc/tawsiya)
install(FILES "${TAWSIYA_PACKAGING_DIR}/tawsiya.service" DESTINATION /lib/systemd/system)

# The man pages are written when the package is made (install time), from the binary just built,
# so that they always say what its --help says. help2man is needed only then.
find_program(HELP2MAN help2man)
if(NOT HELP2MAN)
  install(CODE "message(FATAL_ERROR \"the man pages need help2man: apt-get install help2man\")")
endif()
install(CODE "
  execute_process(COMMAND bash \"${TAWSIYA_PACKAGING_DIR}/man-pages.sh\" \"$<TARGET_FILE:tawsiya>\"
                          \"${TAWSIYA_MAN_DIR}\" \"${PROJECT_VERSION}\" COMMAND_ERROR_IS_FATAL ANY)")
install(DIRECTORY "${TAWSIYA_MAN_DIR}/" DESTINATION share/man/man1 FILES_MATCHING PATTERN "*.1.gz")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME tawsiya)
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_CONTACT "tawsiya maintainers <maintainers@tawsiya.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "search and recommendation matching for UN human-rights recommendations")
# The extended description: CPack puts the summary before it and indents each line by one space.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "tawsiya indexes UN human-rights recommendations (UPR, treaty bodies, special
procedures) in Arabic, French and English with Xapian, serves a search API and
a web page for staff, and matches new recommendations to the prior ones behind
them. The package holds the tawsiya command, its man pages, a configuration
file and a systemd unit for the server.")
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/tawsiya/tawsiya")
# The shared libraries the binary links (Xapian, ICU, Boost, liblinear) become Depends.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA "${TAWSIYA_PACKAGING_DIR}/conffiles")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
execute_process(COMMAND dpkg --print-architecture OUTPUT_VARIABLE TAWSIYA_DEB_ARCH
                OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
if(NOT TAWSIYA_DEB_ARCH)
  set(TAWSIYA_DEB_ARCH amd64)
endif()
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE "${TAWSIYA_DEB_ARCH}")
set(CPACK_DEBIAN_FILE_NAME "tawsiya_${PROJECT_VERSION}_${TAWSIYA_DEB_ARCH}.deb")
include(CPack)
