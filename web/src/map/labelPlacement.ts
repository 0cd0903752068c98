// Greedy label placement for a few hundred point labels: each label goes right of its point, or
// left if that collides with a label already placed or another point's glyph, or is left out.
// Callers pass points in priority order (the worst news first), so that one keeps its label.

export type LabelSide = "right" | "left" | "none";

export interface LabelCandidate {
  x: number;
  y: number;
  /** Label width in px. */
  width: number;
}

interface Box { x0: number; y0: number; x1: number; y1: number }

/**
 * `gap` is the distance from the point to the label's near edge, `height` the label's height,
 * `glyph` the half-size of every point's own symbol (labels may not cover other symbols).
 */
export function placeLabels(points: readonly LabelCandidate[], gap: number, height: number, glyph: number): LabelSide[] {
  const placed: Box[] = [];
  const glyphs: Box[] = points.map((p) => ({ x0: p.x - glyph, y0: p.y - glyph, x1: p.x + glyph, y1: p.y + glyph }));
  return points.map((p, i) => {
    const y0 = p.y - height / 2;
    const y1 = p.y + height / 2;
    const right = { x0: p.x + gap, y0, x1: p.x + gap + p.width, y1 };
    const left = { x0: p.x - gap - p.width, y0, x1: p.x - gap, y1 };
    for (const [side, box] of [["right", right], ["left", left]] as const) {
      if (placed.some((b) => overlaps(b, box))) continue;
      if (glyphs.some((g, j) => j !== i && overlaps(g, box))) continue;
      placed.push(box);
      return side;
    }
    return "none";
  });
}

function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}
