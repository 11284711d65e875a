#include "modules/gateway/static_files.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace mg::gateway {
namespace {

std::string content_type(const std::filesystem::path& p) {
  static const std::unordered_map<std::string, std::string> types = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json; charset=utf-8"},
      {".webmanifest", "application/manifest+json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".txt", "text/plain; charset=utf-8"},
      {".map", "application/json; charset=utf-8"}};
  auto it = types.find(p.extension().string());
  return it == types.end() ? "application/octet-stream" : it->second;
}

constexpr const char* kNotBuilt =
    "<!doctype html><html lang=\"pt-BR\"><head><meta charset=\"utf-8\"><title>MotoGestor</title>"
    "</head><body><h1>MotoGestor</h1><p>A interface web ainda não foi compilada. Rode <code>make "
    "run</code> na raiz do projeto.</p></body></html>";

}  // namespace

StaticFiles::StaticFiles(const std::string& dist_path, std::vector<std::string> unindexed)
    : unindexed_(std::move(unindexed)) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!dist_path.empty() && fs::is_directory(dist_path, ec))
    for (const auto& entry : fs::recursive_directory_iterator(dist_path, ec)) {
      if (!entry.is_regular_file()) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::ostringstream body;
      body << in.rdbuf();
      std::string rel = "/" + fs::relative(entry.path(), dist_path).generic_string();
      files_[rel] = File{content_type(entry.path()), body.str()};
    }
  if (auto it = files_.find("/index.html"); it != files_.end()) index_ = it->second;
  // The page of an unindexed path (Module::unindexed_pages): the same, with the robots tag.
  unindexed_index_ = index_ ? index_->body : kNotBuilt;
  if (auto head = unindexed_index_.find("<head>"); head != std::string::npos)
    unindexed_index_.insert(head + 6, "<meta name=\"robots\" content=\"noindex\">");
}

http::Response StaticFiles::serve(std::string_view path) const {
  http::Response r;
  if (auto it = files_.find(std::string(path)); it != files_.end() && path != "/index.html") {
    r.content_type = it->second.content_type;
    r.body = it->second.body;
    r.header("Cache-Control",
             path.starts_with("/assets/") ? "public, max-age=31536000, immutable" : "no-cache");
    return r;
  }
  r.content_type = "text/html; charset=utf-8";
  const bool unindexed = std::any_of(unindexed_.begin(), unindexed_.end(),
                                     [&](const std::string& p) { return path.starts_with(p); });
  r.body = unindexed ? unindexed_index_ : index_ ? index_->body : kNotBuilt;
  if (unindexed) r.header("X-Robots-Tag", "noindex");
  r.header("Cache-Control", "no-cache");
  // The app's own scripts, styles and API only; never framed.
  r.header("Content-Security-Policy",
           "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
           "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
           "form-action 'self'; frame-ancestors 'none'");
  r.header("X-Frame-Options", "DENY");
  r.header("Referrer-Policy", "no-referrer");
  return r;
}

}  // namespace mg::gateway
