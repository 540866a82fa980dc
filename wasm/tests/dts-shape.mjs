// A small reader of the result types in index.d.ts, to check JSON values against them:
// every field declared (in order, none extra) and every value of a declared type. It
// knows only what the result types use: interfaces of `name: type;` fields, unions of
// `null`, `number`, `string`, `boolean`, string literals, `T[]` and named types.

/** Declarations of `src`: `{ interfaces: Map<name, [field, type][]>, aliases: Map<name, type> }`. */
export function readDeclarations(src) {
  const code = src.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
  const interfaces = new Map();
  for (const m of code.matchAll(/^export interface (\w+) \{\n([\s\S]*?)^\}/gm)) {
    const fields = [];
    for (const f of m[2].matchAll(/^ {2}(\w+)(\??): ([^;]+);/gm)) {
      fields.push([f[1], f[3].trim(), f[2] === "?"]);
    }
    interfaces.set(m[1], fields);
  }
  const aliases = new Map();
  for (const m of code.matchAll(/^export type (\w+) =([\s\S]*?);\n/gm)) {
    aliases.set(m[1], m[2].replace(/\s+/g, " ").trim().replace(/^\| /, ""));
  }
  return { interfaces, aliases };
}

/** The problems of `value` as a `type` (empty when it conforms). */
export function conform(decls, value, type, where = "value") {
  const alternatives = splitUnion(type);
  const problems = [];
  for (const alt of alternatives) {
    const p = conformOne(decls, value, alt, where);
    if (p.length === 0) return [];
    problems.push(...p);
  }
  return alternatives.length === 1 ? problems : [`${where}: ${JSON.stringify(value)} is not ${type} (${problems.join("; ")})`];
}

function splitUnion(type) {
  // Unions of the result types never nest parentheses or generics.
  return type.split("|").map((t) => t.trim()).filter(Boolean);
}

function conformOne(decls, value, type, where) {
  if (type === "null") return value === null ? [] : [`${where} is not null`];
  if (type === "number") return typeof value === "number" ? [] : [`${where} is not a number`];
  if (type === "string") return typeof value === "string" ? [] : [`${where} is not a string`];
  if (type === "boolean") return typeof value === "boolean" ? [] : [`${where} is not a boolean`];
  if (/^".*"$/.test(type)) return value === JSON.parse(type) ? [] : [`${where} is not ${type}`];
  if (type.endsWith("[]")) {
    if (!Array.isArray(value)) return [`${where} is not an array`];
    return value.flatMap((v, i) => conform(decls, v, type.slice(0, -2), `${where}[${i}]`));
  }
  if (decls.aliases.has(type)) return conform(decls, value, decls.aliases.get(type), where);
  const fields = decls.interfaces.get(type);
  if (!fields) return [`${where}: index.d.ts declares no type ${type}`];
  if (value === null || typeof value !== "object" || Array.isArray(value)) return [`${where} is not an object (${type})`];
  const declared = fields.map(([name]) => name);
  const keys = Object.keys(value);
  if (JSON.stringify(keys) !== JSON.stringify(declared)) {
    return [`${where}: fields ${JSON.stringify(keys)} are not ${type}'s ${JSON.stringify(declared)}`];
  }
  return fields.flatMap(([name, t]) => conform(decls, value[name], t, `${where}.${name}`));
}
