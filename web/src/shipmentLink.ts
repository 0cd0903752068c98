// The map's deep link: `/?shipment=<id>` opens that shipment, and the URL follows the open shipment, so a link
// from the buffer board (or a colleague) lands on the same view. Pure string work, unit-tested.

const PARAM = "shipment";

export function shipmentFromSearch(search: string): string | null {
  const id = new URLSearchParams(search).get(PARAM)?.trim();
  return id ? id : null;
}

/** `search` with the shipment parameter set to `id` (removed for null); other parameters are kept. */
export function searchWithShipment(search: string, id: string | null): string {
  const p = new URLSearchParams(search);
  if (id) p.set(PARAM, id);
  else p.delete(PARAM);
  const text = p.toString();
  return text ? `?${text}` : "";
}
