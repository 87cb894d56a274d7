// The JSON objects Playmaker prints and serves: the same shapes from `playmaker … --json`
// and from `playmaker serve`'s API, built in one place.
#pragma once

#include <Poco/JSON/Object.h>

#include <string>
#include <vector>

#include "playmaker/corpus.hpp"
#include "playmaker/index.hpp"
#include "playmaker/municipality.hpp"

namespace playmaker::json {

// {"query", "total", "results": [{"id","kind","title","score","snippet","path"}],
//  "facets": {"kind": {"case": 3, …}, …}} — keys in this order.
Poco::JSON::Object search_results(const std::string& query, const SearchResults& res);

// {"query", "total", "municipalities": [{"code","name","full_name","country",
//  "county_number","county", and for Norway "population","population_year","centrality"}],
//  "source"}.
Poco::JSON::Object municipalities(const std::string& query, const std::vector<const Municipality*>& found);

// One item: every front-matter field, the Markdown body and its safe HTML.
Poco::JSON::Object item(const Item& item);
// One literature reference: its CSL fields and its APA entry (text and HTML) in `lang`.
Poco::JSON::Object reference(const Reference& ref, const std::string& lang);

// The object as text (no spaces).
std::string to_string(const Poco::JSON::Object& o);

}  // namespace playmaker::json
