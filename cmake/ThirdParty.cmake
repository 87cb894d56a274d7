# Libraries without CMake or pkg-config files on Debian 12: IMPORTED targets of our own.
find_path(STEMMER_INCLUDE_DIR libstemmer.h REQUIRED)
find_library(STEMMER_LIBRARY stemmer REQUIRED)
add_library(Playmaker::stemmer UNKNOWN IMPORTED)
set_target_properties(Playmaker::stemmer PROPERTIES
  IMPORTED_LOCATION ${STEMMER_LIBRARY}
  INTERFACE_INCLUDE_DIRECTORIES ${STEMMER_INCLUDE_DIR})

find_path(MUSTACHE_INCLUDE_DIR kainjow/mustache.hpp REQUIRED)
add_library(Playmaker::mustache INTERFACE IMPORTED)
set_target_properties(Playmaker::mustache PROPERTIES
  INTERFACE_INCLUDE_DIRECTORIES ${MUSTACHE_INCLUDE_DIR})

pkg_check_modules(HUNSPELL REQUIRED IMPORTED_TARGET hunspell)
