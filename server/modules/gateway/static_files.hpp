#pragma once
// The built web app, read into memory at start. Hashed assets are cached
// for a year; index.html is revalidated, and answers every client-side route.
#include <optional>
#include <string>
#include <unordered_map>

#include "libs/http/request.hpp"

namespace mg::gateway {

class StaticFiles {
 public:
  explicit StaticFiles(const std::string& dist_path);
  http::Response serve(std::string_view path) const;
  bool available() const { return index_.has_value(); }

 private:
  struct File {
    std::string content_type;
    std::string body;
  };
  std::unordered_map<std::string, File> files_;
  std::optional<File> index_;
};

}  // namespace mg::gateway
