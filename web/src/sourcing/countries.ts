// The countries the what-if knows (the host's GatewayPorts table: a country there has a gateway port and so a sea
// lead time), their names, and one stable colour per country so the same country looks the same in every chart.

/** ISO 3166 alpha-2 → English short name; the keys mirror src/Visibility.Domain/Sourcing/GatewayPorts.cs. */
export const COUNTRY_NAMES: Readonly<Record<string, string>> = {
  AE: "United Arab Emirates", AU: "Australia", BE: "Belgium", BR: "Brazil", CA: "Canada", CN: "China", DE: "Germany",
  EG: "Egypt", ES: "Spain", FR: "France", GB: "United Kingdom", GR: "Greece", HK: "Hong Kong", ID: "Indonesia",
  IN: "India", IT: "Italy", JP: "Japan", KR: "South Korea", LK: "Sri Lanka", MA: "Morocco", MX: "Mexico",
  MY: "Malaysia", NL: "Netherlands", PA: "Panama", PH: "Philippines", PL: "Poland", SA: "Saudi Arabia", SE: "Sweden",
  SG: "Singapore", TH: "Thailand", TR: "Türkiye", TW: "Taiwan", US: "United States", VN: "Vietnam", ZA: "South Africa",
};

/** Where China+1 volume usually goes: offered first as the destination of a new move. */
export const CHINA_PLUS_ONE: readonly string[] = ["VN", "TH", "MY", "MX", "IN", "ID", "TW", "PH"];

/** Every known country, by name, for the to-country select. */
export const KNOWN_COUNTRIES: readonly string[] = Object.keys(COUNTRY_NAMES).sort((a, b) => countryName(a).localeCompare(countryName(b)));

export function countryName(code: string): string {
  return COUNTRY_NAMES[code] ?? code;
}

// Hand-picked for the countries the demo and the China+1 trade use most; distinct from each other on the dark
// background and away from the red/yellow/green of buffer zones where they sit side by side.
const FIXED: Readonly<Record<string, string>> = {
  CN: "#e0565b", VN: "#4fb3e8", TH: "#b57bff", MY: "#f29d4b", MX: "#56c596", IN: "#e6c84f", ID: "#ff8fb1",
  TW: "#7f8cff", KR: "#4fd1c5", JP: "#c9d1d9", US: "#9fb86b", PH: "#d68a5c",
};

/** A stable colour per country: fixed for the common ones, a hue from the code for the rest. */
export function countryColour(code: string): string {
  const fixed = FIXED[code];
  if (fixed) return fixed;
  let hash = 0;
  for (const ch of code) hash = (hash * 31 + ch.charCodeAt(0)) % 360;
  return `hsl(${hash}, 55%, 62%)`;
}
