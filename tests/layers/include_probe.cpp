// Compiled by the layer checks (cmake/layer_checks.cmake), never linked: includes the header
// TAWSIYA_PROBE_HEADER with exactly the include path a file of one layer has.
#include TAWSIYA_PROBE_HEADER
