import type { BufferRow } from "../src/api/types";

/** A red-zone buffer: TOR 1,000 / TOY 3,000 / TOG 4,000, net flow 500 (12.5 %). Override what a test is about. */
export function bufferRow(overrides: Partial<BufferRow> = {}): BufferRow {
  return {
    factoryId: "F-MTY", factoryName: "Monterrey EMS plant", partNumber: "IC-MCU-32F4", hsCode: "8542.31",
    adu: 100, aduSource: "parameter",
    red: 1_000, yellow: 2_000, green: 1_000, topOfRed: 1_000, topOfYellow: 3_000, topOfGreen: 4_000,
    onHand: 300, onOrder: 200, qualifiedDemand: 0, netFlow: 500, planningPriorityPct: 12.5, zone: "red",
    suggestedOrderQty: 3_500, executionZone: "red", daysOfCover: 3, projectedStockout: "2026-03-04",
    inbound: [], supplyCountries: ["CN"], updatedAt: "2026-03-01T08:00:00Z", demo: true,
    ...overrides,
  };
}
