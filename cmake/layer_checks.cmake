# Tests that the layers of CMakeLists.txt hold: a file of a layer can include the headers of the
# layers it links and cannot include those above it. Each probe compiles tests/layers/
# include_probe.cpp with one layer's include path and one header; a forbidden header must fail
# with "No such file" (the check builds the probe as its test, so ctest reports it), an allowed
# one must compile, so the forbidden probes cannot pass for another reason.
function(tawsiya_layer_probe layer header expect)
  string(REGEX REPLACE "[^a-z]+" "_" name "layer_probe_${layer}_${header}")
  add_library(${name} OBJECT EXCLUDE_FROM_ALL "${PROJECT_SOURCE_DIR}/tests/layers/include_probe.cpp")
  target_link_libraries(${name} PRIVATE tawsiya_${layer})
  target_compile_definitions(${name} PRIVATE TAWSIYA_PROBE_HEADER="${header}")
  if(expect STREQUAL "allowed")
    set(test_name "layers: ${layer} can include ${header}")
  else()
    set(test_name "layers: ${layer} cannot include ${header}")
  endif()
  add_test(NAME "${test_name}"
           COMMAND "${CMAKE_COMMAND}" --build "${CMAKE_BINARY_DIR}" --target ${name})
  # Probes build in the one build tree: one at a time.
  set_tests_properties("${test_name}" PROPERTIES RESOURCE_LOCK tawsiya_build_tree)
  if(NOT expect STREQUAL "allowed")
    set_tests_properties("${test_name}" PROPERTIES
      PASS_REGULAR_EXPRESSION "${header}: No such file or directory")
  endif()
endfunction()

tawsiya_layer_probe(indexer "engine/features.hpp" forbidden)
tawsiya_layer_probe(engine "engine/features.hpp" allowed)
tawsiya_layer_probe(engine "http/server.hpp" forbidden)
tawsiya_layer_probe(engine "cli/commands.hpp" forbidden)
tawsiya_layer_probe(http "engine/features.hpp" allowed)
tawsiya_layer_probe(http "http/url_codec.hpp" allowed)
tawsiya_layer_probe(http "cli/commands.hpp" forbidden)
tawsiya_layer_probe(cli "cli/commands.hpp" allowed)
