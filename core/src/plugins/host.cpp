#include "playmaker/plugin_host.hpp"

#include <Poco/ClassLoader.h>
#include <Poco/Exception.h>
#include <dlfcn.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>

#include "playmaker/resources.hpp"
#include "util/text.hpp"

namespace fs = std::filesystem;

namespace playmaker {

struct PluginHost::Impl {
    // Declared first so it is destroyed last: the loader must outlive every object it made.
    Poco::ClassLoader<Plugin> loader;
    std::vector<std::unique_ptr<Plugin>> objects;
    std::map<std::string, const Plugin*, std::less<>> by_name;
    std::map<std::string, std::size_t, std::less<>> record_of;  // name -> index in records_
};

namespace {

std::string kind_of(const Plugin& p) {
    if (p.as_renderer()) return "renderer";
    if (p.as_importer()) return "importer";
    if (p.as_site_builder()) return "site-builder";
    return "unknown";
}

// Opens the library with every symbol resolved now, so a plugin with a missing symbol is
// refused here instead of crashing when the symbol is first used. Returns "" when it can
// be used, else the reason.
std::string precheck(const std::string& path) {
    void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        std::string err = ::dlerror();
        if (err.find("undefined symbol") != std::string::npos) return "missing symbol: " + err;
        return "cannot load: " + err;
    }
    using ApiFn = int (*)();
    auto api = reinterpret_cast<ApiFn>(::dlsym(handle, "playmaker_plugin_api"));
    std::string reason;
    if (!api) {
        reason = "not a Playmaker plugin (no playmaker_plugin_api)";
    } else if (int v = api(); v != kPluginApiVersion) {
        reason = "built for plugin API " + std::to_string(v) + "; this Playmaker has API " +
                 std::to_string(kPluginApiVersion);
    }
    ::dlclose(handle);
    return reason;
}

}  // namespace

PluginHost::PluginHost() : impl_(std::make_unique<Impl>()) {}

PluginHost::~PluginHost() {
    impl_->objects.clear();  // before the loader unloads the code behind them
}

std::string PluginHost::builtin_folder() {
    fs::path exe(executable_dir());
    fs::path build = exe / ".." / "lib" / "playmaker" / "plugins";
    std::error_code ec;
    if (fs::is_directory(build, ec)) return fs::weakly_canonical(build, ec).string();
    fs::path installed = exe / ".." / PLAYMAKER_PLUGIN_DIR_REL;
    return fs::weakly_canonical(installed, ec).string();
}

PluginHost& PluginHost::shared() {
    static PluginHost host;
    static bool loaded = false;
    if (!loaded) {
        loaded = true;
        host.load_folder(builtin_folder());
        if (const char* env = std::getenv("PLAYMAKER_PLUGIN_PATH"); env && *env) {
            for (std::string_view dir : text::split(env, ':')) {
                if (!dir.empty()) host.load_folder(std::string(dir));
            }
        }
    }
    return host;
}

void PluginHost::load_folder(const std::string& folder) {
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) return;
    std::vector<fs::path> libs;
    for (const auto& e : fs::directory_iterator(folder, ec)) {
        if (e.path().extension() == ".so") libs.push_back(e.path());
    }
    std::sort(libs.begin(), libs.end());
    for (const auto& lib : libs) {
        std::string path = fs::absolute(lib).string();
        PluginRecord refused;
        refused.name = lib.stem().string();
        if (refused.name.rfind("lib", 0) == 0) refused.name = refused.name.substr(3);
        refused.path = path;
        if (std::string why = precheck(path); !why.empty()) {
            refused.refused = why;
            records_.push_back(refused);
            continue;
        }
        try {
            impl_->loader.loadLibrary(path);
        } catch (const Poco::Exception& e) {
            std::string msg = e.displayText();
            refused.refused = msg.find("mismatch") != std::string::npos
                                  ? "its manifest is for another base class than playmaker::Plugin"
                                  : "not a plugin: " + msg;
            records_.push_back(refused);
            continue;
        }
        const auto* manifest = impl_->loader.findManifest(path);
        for (auto it = manifest->begin(); it != manifest->end(); ++it) {
            std::unique_ptr<Plugin> obj;
            try {
                obj.reset(it->create());
            } catch (const std::exception& e) {
                PluginRecord r = refused;
                r.refused = std::string("its class ") + it->name() + " failed to start: " + e.what();
                records_.push_back(r);
                continue;
            }
            PluginInfo info = obj->info();
            PluginRecord rec;
            rec.name = info.name;
            rec.version = info.version;
            rec.description = info.description;
            rec.offers = info.offers;
            rec.kind = kind_of(*obj);
            rec.path = path;
            if (auto prev = impl_->record_of.find(info.name); prev != impl_->record_of.end()) {
                PluginRecord& old = records_[prev->second];
                if (fs::path(old.path).parent_path() == fs::path(path).parent_path()) {
                    rec.refused = "duplicate: a plugin named '" + info.name + "' is already loaded from " + old.path;
                    records_.push_back(rec);
                    continue;
                }
                old.loaded = false;
                old.overridden_by = path;
            }
            rec.loaded = true;
            impl_->by_name[info.name] = obj.get();
            impl_->record_of[info.name] = records_.size();
            records_.push_back(rec);
            impl_->objects.push_back(std::move(obj));
        }
    }
}

const Renderer* PluginHost::renderer(std::string_view format) const {
    for (const auto& [name, p] : impl_->by_name) {
        const Renderer* r = p->as_renderer();
        if (!r) continue;
        for (const auto& f : p->info().offers) {
            if (f == format) return r;
        }
    }
    return nullptr;
}

const Importer* PluginHost::importer_for(std::string_view file_name) const {
    for (const auto& [name, p] : impl_->by_name) {
        const Importer* imp = p->as_importer();
        if (!imp) continue;
        for (const auto& ext : p->info().offers) {
            if (file_name.size() >= ext.size() && file_name.substr(file_name.size() - ext.size()) == ext) return imp;
        }
    }
    return nullptr;
}

const SiteBuilder* PluginHost::site_builder() const {
    for (const auto& [name, p] : impl_->by_name) {
        if (const SiteBuilder* s = p->as_site_builder()) return s;
    }
    return nullptr;
}

std::vector<std::string> PluginHost::formats() const {
    std::vector<std::string> out;
    for (const auto& [name, p] : impl_->by_name) {
        if (!p->as_renderer()) continue;
        for (const auto& f : p->info().offers) out.push_back(f);
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace playmaker
