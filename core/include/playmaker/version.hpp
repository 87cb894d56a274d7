#pragma once

namespace playmaker {

// The program's version, from the CMake project.
const char* version();

}  // namespace playmaker
