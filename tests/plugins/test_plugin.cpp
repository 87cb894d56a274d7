// Plugins for the plugin-loading tests, one shared library per compile-time variant.
#include <playmaker/plugin.hpp>

#include <string>

#ifdef MISSING_SYMBOL
extern "C" int playmaker_test_symbol_that_does_not_exist();
#endif

namespace {

class TestImporter : public playmaker::Importer {
public:
    playmaker::PluginInfo info() const override {
#ifdef PLUGIN_NAME_OVERRIDE
        return {"dupa", PLUGIN_VERSION, "a second plugin claiming the name dupa", {PLUGIN_OFFERS}};
#endif
        return {PLUGIN_NAME, PLUGIN_VERSION, "a plugin for the loading tests", {PLUGIN_OFFERS}};
    }
    void import(std::string_view, const std::string&, std::vector<playmaker::Reference>&,
                playmaker::Diagnostics&) const override {
#ifdef MISSING_SYMBOL
        playmaker_test_symbol_that_does_not_exist();
#endif
    }
};

}  // namespace

#if defined(NOT_A_PLUGIN)
extern "C" __attribute__((visibility("default"))) int some_function() { return 1; }
#elif defined(NO_MANIFEST)
extern "C" __attribute__((visibility("default"))) int playmaker_plugin_api() { return playmaker::kPluginApiVersion; }
#elif defined(WRONG_API)
extern "C" __attribute__((visibility("default"))) int playmaker_plugin_api() { return 999; }
POCO_BEGIN_MANIFEST(playmaker::Plugin)
POCO_EXPORT_CLASS(TestImporter)
POCO_END_MANIFEST
#else
PLAYMAKER_PLUGIN_BEGIN
POCO_EXPORT_CLASS(TestImporter)
PLAYMAKER_PLUGIN_END
#endif
