// Inline glyph icons for the supply network (popover titles, legend toggles).
import { FACTORY_COLOUR, FACTORY_SHAPE, glyphIcon, SITE_SHAPE } from "../map/networkGlyphs";
import { statusColour } from "../suppliers/siteStatus";

export function drawGlyphFor(kind: "site" | "factory", status: string, size = 12): SVGSVGElement {
  return kind === "site" ? glyphIcon(SITE_SHAPE, statusColour(status), size) : glyphIcon(FACTORY_SHAPE, FACTORY_COLOUR, size);
}
