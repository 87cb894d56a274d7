// Finding and loading plugins.
//
// Plugins come from the built-in folder (<exe>/../lib/playmaker/plugins, in a build tree
// and when installed), then from each folder of PLAYMAKER_PLUGIN_PATH (':'-separated), in
// that order; a later plugin with the same name overrides an earlier one. One broken plugin
// never stops the others: it is recorded as refused, with the reason.
//
// A PluginHost owns the loaded libraries and the plugin objects; pointers it returns are
// valid while it lives. Loading is not thread-safe; the const lookups are.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "playmaker/plugin.hpp"

namespace playmaker {

struct PluginRecord {
    std::string name;     // from PluginInfo; the file stem when refused before that
    std::string version;
    std::string description;
    std::string kind;     // "renderer", "importer", "site-builder"
    std::vector<std::string> offers;
    std::string path;     // the shared library
    bool loaded = false;
    std::string refused;  // why it was refused, when !loaded
    std::string overridden_by;  // path of the plugin that replaced this one
};

class PluginHost {
public:
    PluginHost();
    ~PluginHost();
    PluginHost(const PluginHost&) = delete;
    PluginHost& operator=(const PluginHost&) = delete;

    // The host with the built-in folder and PLAYMAKER_PLUGIN_PATH loaded, made on first use.
    static PluginHost& shared();

    // Loads every shared library (*.so) in `folder`, in name order.
    void load_folder(const std::string& folder);
    // The built-in folder for this executable.
    static std::string builtin_folder();

    const std::vector<PluginRecord>& records() const { return records_; }
    const Renderer* renderer(std::string_view format) const;
    const Importer* importer_for(std::string_view file_name) const;
    const SiteBuilder* site_builder() const;
    // Every format a loaded renderer offers.
    std::vector<std::string> formats() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    std::vector<PluginRecord> records_;
};

}  // namespace playmaker
