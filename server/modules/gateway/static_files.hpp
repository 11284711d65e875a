#pragma once
// The built web app, read into memory at start. Hashed assets are cached
// for a year; index.html is revalidated, and answers every client-side route.
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "libs/http/request.hpp"

namespace mg::gateway {

class StaticFiles {
 public:
  // `unindexed`: path prefixes whose pages carry X-Robots-Tag and a robots meta tag.
  explicit StaticFiles(const std::string& dist_path, std::vector<std::string> unindexed = {});
  http::Response serve(std::string_view path) const;
  bool available() const { return index_.has_value(); }

 private:
  struct File {
    std::string content_type;
    std::string body;
  };
  std::unordered_map<std::string, File> files_;
  std::optional<File> index_;
  std::string unindexed_index_;  // index.html with <meta name="robots" content="noindex">
  std::vector<std::string> unindexed_;
};

}  // namespace mg::gateway
