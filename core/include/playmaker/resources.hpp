// Where Playmaker finds its own files: templates, i18n, site assets, core data.
#pragma once

#include <string>

namespace playmaker {

// The resource root: `<folder of the executable>/../share/playmaker`, which is the same
// shape in a build tree (linked to the sources) and in an installed prefix. The
// environment variable PLAYMAKER_SHARE overrides it. Throws std::runtime_error when no
// resource folder can be found.
const std::string& resource_root();
// resource_root() + "/" + relative.
std::string resource_path(const std::string& relative);
// The folder of the running executable.
std::string executable_dir();

}  // namespace playmaker
