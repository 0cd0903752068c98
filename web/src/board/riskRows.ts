// The board's TTS-versus-TTR view: buffers that an active disruption reaches, one line per factory × part with its most
// costly disruption (time to survive, time to recover, units at risk), most units at risk first. Pure: unit-tested.
import type { BufferRow } from "../api/types";

export interface RiskLine {
  /** "factoryId/partNumber" */
  key: string;
  factoryId: string;
  factoryName: string;
  partNumber: string;
  /** Days the part lasts on hand plus unaffected inbound; null = it outlasts the disruption whatever its length. */
  ttsDays: number | null;
  /** Days until the disruption is expected to end; null = no expected end. */
  ttrDays: number | null;
  /** ADU × max(0, TTR − TTS), summed over the disruptions reaching the part. */
  impactUnits: number;
  atRisk: boolean;
  /** The most costly disruption's title, and how many reach the part. */
  title: string;
  disruptions: number;
}

export function riskLines(rows: Iterable<BufferRow>, atRiskOnly: boolean): RiskLine[] {
  const lines: RiskLine[] = [];
  for (const row of rows) {
    const risks = row.risks ?? [];
    if (risks.length === 0) continue;
    // The host ranks a row's risks by impact; do not rely on it.
    const top = [...risks].sort((a, b) => b.impactUnits - a.impactUnits || (a.ttsDays ?? Infinity) - (b.ttsDays ?? Infinity))[0]!;
    const atRisk = risks.some((r) => r.atRisk);
    if (atRiskOnly && !atRisk) continue;
    lines.push({
      key: `${row.factoryId}/${row.partNumber}`,
      factoryId: row.factoryId,
      factoryName: row.factoryName,
      partNumber: row.partNumber,
      ttsDays: top.ttsDays,
      ttrDays: top.ttrDays,
      impactUnits: risks.reduce((sum, r) => sum + Math.max(0, r.impactUnits), 0),
      atRisk,
      title: top.title,
      disruptions: risks.length,
    });
  }
  return lines.sort((a, b) =>
    b.impactUnits - a.impactUnits
    || (a.ttsDays ?? Infinity) - (b.ttsDays ?? Infinity)
    || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The common day scale of the bars: the longest finite TTS or TTR, rounded up to a week, within 7…180 days. */
export function dayScale(lines: readonly RiskLine[]): number {
  let max = 0;
  for (const l of lines) for (const d of [l.ttsDays, l.ttrDays]) if (d !== null && Number.isFinite(d)) max = Math.max(max, d);
  return Math.min(180, Math.max(7, Math.ceil(max / 7) * 7));
}

/** A bar's width as a share of the scale (0…1); an unknown/infinite value fills it (it runs off the scale). */
export function barShare(days: number | null, scale: number): number {
  if (days === null || !Number.isFinite(days)) return 1;
  return Math.max(0, Math.min(1, days / scale));
}
