#include "libs/http/target.hpp"

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

namespace mg::http {

std::optional<Target> parse_target(std::string_view target) {
  auto url = boost::urls::parse_origin_form(target);
  if (!url) return std::nullopt;
  Target t;
  t.path = url->path();  // percent-decoded
  if (url->has_query()) {
    t.query = std::string(url->encoded_query());
    // params(): decoded keys and values; a '+' in a form-encoded query is a space.
    for (auto p : url->encoded_params()) {
      auto decode = [](boost::urls::pct_string_view s) {
        boost::urls::encoding_opts opts;
        opts.space_as_plus = true;
        return s.decode(opts);
      };
      t.params.emplace_back(decode(p.key), p.has_value ? decode(p.value) : std::string());
    }
  }
  return t;
}

}  // namespace mg::http
