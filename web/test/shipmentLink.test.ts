import { describe, expect, it } from "vitest";
import { searchWithShipment, shipmentFromSearch } from "../src/shipmentLink";

describe("map deep link", () => {
  it("reads the shipment id", () => {
    expect(shipmentFromSearch("?shipment=SIM-000294")).toBe("SIM-000294");
    expect(shipmentFromSearch("?shipment=A%2FB%20C")).toBe("A/B C");
    expect(shipmentFromSearch("?shipment=")).toBeNull();
    expect(shipmentFromSearch("")).toBeNull();
  });

  it("sets and clears the id, keeping other parameters", () => {
    expect(searchWithShipment("", "S-1")).toBe("?shipment=S-1");
    expect(searchWithShipment("?x=1&shipment=S-1", "S 2")).toBe("?x=1&shipment=S+2");
    expect(searchWithShipment("?x=1&shipment=S-1", null)).toBe("?x=1");
    expect(searchWithShipment("?shipment=S-1", null)).toBe("");
    expect(shipmentFromSearch(searchWithShipment("", "A/B&C"))).toBe("A/B&C");
  });
});
