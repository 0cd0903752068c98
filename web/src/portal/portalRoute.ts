// Which supplier the portal shows: the signed-in supplier's own, or the one named in ?supplier= (a shared link).
// Naming another supplier gets the API's answer for it, which for a supplier user is "not found".

export function portalSupplierId(search: string, ownSupplierId: string | null): string | null {
  const named = new URLSearchParams(search).get("supplier");
  return named !== null && named.trim() !== "" ? named : ownSupplierId;
}
