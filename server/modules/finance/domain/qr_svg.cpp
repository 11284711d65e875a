#include "modules/finance/domain/qr_svg.hpp"

#include <qrencode.h>

#include <memory>
#include <stdexcept>

namespace mg::finance {

std::string qr_svg(std::string_view text) {
  const std::string data(text);
  std::unique_ptr<QRcode, decltype(&QRcode_free)> qr(
      QRcode_encodeString8bit(data.c_str(), 0, QR_ECLEVEL_M), &QRcode_free);
  if (!qr) throw std::runtime_error("qrencode could not encode the text");
  const int n = qr->width;
  constexpr int kQuiet = 4;
  const int size = n + 2 * kQuiet;
  std::string path;
  path.reserve(static_cast<std::size_t>(n) * n * 4);
  for (int y = 0; y < n; ++y) {
    for (int x = 0; x < n;) {
      if (!(qr->data[y * n + x] & 1)) {
        ++x;
        continue;
      }
      int run = 1;  // a horizontal run of dark modules is one rectangle
      while (x + run < n && (qr->data[y * n + x + run] & 1)) ++run;
      path.append("M").append(std::to_string(x + kQuiet)).append(" ");
      path.append(std::to_string(y + kQuiet)).append("h").append(std::to_string(run));
      path.append("v1h-").append(std::to_string(run)).append("z");
      x += run;
    }
  }
  const std::string dim = std::to_string(size);
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + dim + " " + dim +
         "\" width=\"" + std::to_string(size * 4) + "\" height=\"" + std::to_string(size * 4) +
         "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"QR Code PIX\">"
         "<rect width=\"" +
         dim + "\" height=\"" + dim + "\" fill=\"#ffffff\"/><path fill=\"#000000\" d=\"" + path +
         "\"/></svg>";
}

}  // namespace mg::finance
