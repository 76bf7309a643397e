// The one translation unit that defines Catch2's main(); every other tests/*.cpp only includes
// <catch2/catch.hpp>.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
