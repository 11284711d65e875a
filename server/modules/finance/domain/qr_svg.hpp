#pragma once
// A QR code as an SVG image. The symbol is libqrencode's (the encoding, the
// version and the masking are the library's); this only draws its modules.
#include <string>
#include <string_view>

namespace mg::finance {

// Error correction M, the smallest version that fits, 8-bit mode; a 4-module
// quiet zone; one <path> of dark modules on a white background, scaled by the
// viewBox (crisp at any size). Throws std::runtime_error when the text does not fit.
std::string qr_svg(std::string_view text);

}  // namespace mg::finance
