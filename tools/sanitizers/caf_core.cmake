# libcaf_core built from its source with the sanitizer, for TSan builds
# (PARLEY_CAF_SOURCE, fetched by tools/sanitizers/caf-source.sh).
#
# Why: Debian's libcaf_core is not instrumented. A message goes from the
# sender's thread to the actor's through atomics inside that library, which
# TSan cannot see, so every message read by its actor was reported as a race
# with its construction (733 reports in actors_tests, none of them Parley's).
# Built from the same release as the installed headers (the script checks),
# with those headers' build_config.hpp, so it is the library Debian ships
# plus instrumentation.
file(GLOB_RECURSE PARLEY_CAF_CORE_SOURCES ${PARLEY_CAF_SOURCE}/libcaf_core/src/*.cpp)
if(NOT PARLEY_CAF_CORE_SOURCES)
  message(FATAL_ERROR "PARLEY_CAF_SOURCE=${PARLEY_CAF_SOURCE} holds no libcaf_core/src")
endif()
add_library(caf_core_instrumented SHARED ${PARLEY_CAF_CORE_SOURCES})
# Its own headers first; build_config.hpp exists only in the installed tree.
target_include_directories(caf_core_instrumented PRIVATE ${PARLEY_CAF_SOURCE}/libcaf_core
                                                         ${CAF_INCLUDE_DIR})
target_compile_options(caf_core_instrumented PRIVATE -w)  # third-party warnings
target_link_libraries(caf_core_instrumented PRIVATE Threads::Threads)
set_target_properties(caf_core_instrumented PROPERTIES OUTPUT_NAME caf_core_instrumented)
