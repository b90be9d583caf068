#!/usr/bin/env node
// HCL oracle: compares faultline's Terraform parser with HashiCorp's own (hcl/v2 through
// @cdktf/hcl2json) on every `.tf` and `.tfvars` file of the real-world corpus.
//
//   node hcl_oracle.js --dump <hcl_dump binary> --corpus <dir> --node-modules <dir> [--verbose]
//
// hcl_dump prints faultline's parse of each file in hcl2json's JSON shape (blocks keyed by type
// and labels, each an array of bodies; literal values as JSON values; other expressions as
// "${source}" strings; templates rendered part by part). The two outputs must be equal: the same
// blocks, labels, attribute names, literal values, and the same rendering of every expression.
// A file both parsers reject counts as agreement; the files listed in EXPECTED_INVALID must be
// rejected by both.
//
// Operator structure: source text alone does not show how operators group, so for every
// expression string that holds an operator, HCL's own syntax tree (hcl2json's getExpressionAst)
// and faultline's must have the same operator skeleton (grouping, precedence, associativity).
//
// Second pass (JSON syntax): hcl2json's output for each accepted file is itself Terraform JSON
// syntax. It is written out as `.tf.json` / `.tfvars.json` (after the rewrites Terraform's JSON
// rules need, see toTerraformJson) and parsed by faultline's JSON parser, whose rendering must
// again equal hcl2json's output. Exits 1 and lists every difference otherwise.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');

// Files that are invalid on purpose: both parsers must reject them.
const EXPECTED_INVALID = [
  // infracost's "project with a broken module" fixtures: `bad file:\n\nafdas`.
  /infracost__infracost\/.*\/mod_with_error\.tf$/,
  // Declares `var_1` twice; HCL reports "Attribute redefined" (so does faultline).
  /infracost__infracost\/.*\/shows_correct_duplicate_variable_warning\/terraform\.tfvars$/,
];
const EXPECTED_INVALID_COUNT = 7;  // 6 mod_with_error.tf + 1 terraform.tfvars

// Files left out of the comparison, each with the reason. (None at present.)
const EXCLUDED = [];

// Files left out of the second (JSON syntax) pass only, each with the reason.
const JSON_PASS_EXCLUDED = [
  {
    pattern: /^state\/snyk__driftctl\/pkg\/cmd\/testdata\/backend\/s3\/invalid\.tf$/,
    reason: 'top-level block type "invalid" is unknown, so its JSON form has no defined label ' +
            'count; faultline\'s JSON parser reports it as unsupported (as Terraform does)',
  },
];

// Attributes whose JSON strings Terraform reads as expressions rather than templates, per block
// type (hcl2json renders them as "${expr}"; in Terraform JSON they are the bare expression).
const EXPRESSION_ATTRIBUTES = {
  resource: ['depends_on', 'provider'],
  data: ['depends_on', 'provider'],
  module: ['depends_on', 'providers'],
  output: ['depends_on'],
  variable: ['type'],
  moved: ['from', 'to'],
  import: ['to', 'provider'],
  removed: ['from'],
};
// Attributes Terraform reads as literal values (no template escapes).
const LITERAL_ATTRIBUTES = { variable: ['default', 'description'], output: ['description'] };
const LABELS = { resource: 2, data: 2, ephemeral: 2, module: 1, output: 1, variable: 1,
                 provider: 1, check: 1 };

// "${expr}" -> "expr"; a literal string becomes a quoted HCL string expression.
const unwrap = (v) => {
  if (typeof v === 'string') {
    const m = /^\$\{([\s\S]*)\}$/.exec(v);
    return m ? m[1] : JSON.stringify(v);
  }
  if (Array.isArray(v)) return v.map(unwrap);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unwrap(x)]));
  }
  return v;
};
const unescapeTemplate = (v) => {
  if (typeof v === 'string') return v.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
  if (Array.isArray(v)) return v.map(unescapeTemplate);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [unescapeTemplate(k), unescapeTemplate(x)]));
  }
  return v;
};

// Rewrites one block body's special attributes (expression and literal arguments, lifecycle).
function rewriteBody(type, body) {
  const out = { ...body };
  for (const name of EXPRESSION_ATTRIBUTES[type] || []) if (name in out) out[name] = unwrap(out[name]);
  for (const name of LITERAL_ATTRIBUTES[type] || []) if (name in out) out[name] = unescapeTemplate(out[name]);
  if ((type === 'resource' || type === 'data') && Array.isArray(out.lifecycle)) {
    out.lifecycle = out.lifecycle.map((l) => {
      const copy = { ...l };
      for (const name of ['ignore_changes', 'replace_triggered_by']) if (name in copy) copy[name] = unwrap(copy[name]);
      return copy;
    });
  }
  return out;
}

// hcl2json's output for a `.tf` file as Terraform JSON syntax: the same object, except that
// expression-valued meta-arguments lose their "${...}" wrapper and literal-valued ones their
// template escapes.
function toTerraformJson(value) {
  const out = {};
  for (const [type, content] of Object.entries(value)) {
    const depth = LABELS[type] || 0;
    const walk = (node, level) => {
      if (level === depth) return Array.isArray(node) ? node.map((b) => rewriteBody(type, b)) : node;
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v, level + 1)]));
    };
    out[type] = type === 'locals' ? content : walk(content, 0);
  }
  return out;
}

// The operator skeleton of an HCL syntax tree (from hcl2json's getExpressionAst): operators and
// conditionals with their operands' skeletons; every other node is transparent. hcl_dump prints
// the same for faultline's tree, so operator grouping and precedence are compared too.
function hclSkeleton(node) {
  const kids = node.children || [];
  if (node.type === 'binaryOp' || node.type === 'unaryOp') {
    return `${node.meta.operator}(${kids.map(hclSkeleton).join('|')})`;
  }
  if (node.type === 'conditional') return `conditional(${kids.map(hclSkeleton).join('|')})`;
  return kids.map(hclSkeleton).filter(Boolean).join(',');
}

// Pairs each expression string of hcl2json's output with faultline's skeleton at the same place.
function collectSkeletons(ref, skeleton, where, out) {
  if (typeof ref === 'string') {
    if (typeof skeleton === 'string' && (ref.includes('${') || ref.includes('%{'))) {
      out.push({ ref, skeleton, where });
    }
  } else if (Array.isArray(ref)) {
    if (Array.isArray(skeleton)) {
      ref.forEach((r, i) => collectSkeletons(r, skeleton[i], `${where}[${i}]`, out));
    }
  } else if (ref && typeof ref === 'object' && skeleton && typeof skeleton === 'object') {
    for (const k of Object.keys(ref)) {
      if (k in skeleton) collectSkeletons(ref[k], skeleton[k], `${where}.${k}`, out);
    }
  }
  return out;
}

// getExpressionAst takes a JSON string whose text (between the outer quotes) it hands to HCL's
// template parser without decoding escapes; its scanner skips over `${...}` sequences, so quotes
// inside interpolations may stay raw. Quotes, backslashes and line breaks in the literal text
// around them are escaped (the skeleton ignores literal text). Returns null for text this small scanner cannot
// follow (heredocs or comments inside an interpolation).
function astInput(template) {
  let out = '"';
  const stack = ['text'];  // text | code | string | brace
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    const two = template.slice(i, i + 2);
    const top = stack[stack.length - 1];
    if (top === 'text' || top === 'string') {
      if ((two === '$$' || two === '%%') && template[i + 2] === '{') {
        out += template.slice(i, i + 3);
        i += 2;
      } else if ((c === '$' || c === '%') && template[i + 1] === '{') {
        stack.push('code');
        out += two;
        i += 1;
      } else if (top === 'string' && c === '\\') {
        out += two;
        i += 1;
      } else if (top === 'string' && c === '"') {
        stack.pop();
        out += c;
      } else if (top === 'text' && (c === '"' || c === '\\')) {
        out += '\\' + c;
      } else if (top === 'text' && (c === '\n' || c === '\r')) {
        out += c === '\n' ? '\\n' : '\\r';
      } else {
        out += c;
      }
      continue;
    }
    if (two === '<<' || c === '#' || two === '//' || two === '/*') return null;
    if (c === '"') stack.push('string');
    else if (c === '{') stack.push('brace');
    else if (c === '}') stack.pop();
    out += c;
  }
  return stack.length === 1 ? out + '"' : null;
}

// Strings whose structure is worth asking HCL about: faultline found an operator, or an operator
// character appears inside an interpolation.
const MAY_HAVE_OPERATORS = /[$%]\{[^}]*[?!<>=&|*\/%+-]/;

function parseArgs(argv) {
  const args = { verbose: false };
  for (let i = 2; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--dump') args.dump = argv[++i];
    else if (a === '--corpus') args.corpus = argv[++i];
    else if (a === '--node-modules') args.nodeModules = argv[++i];
    else if (a === '--verbose') args.verbose = true;
    else throw new Error(`unknown argument ${a}`);
  }
  for (const k of ['dump', 'corpus', 'nodeModules']) {
    if (!args[k]) throw new Error(`missing --${k.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}`);
  }
  return args;
}

function walk(dir, out) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else if (entry.isFile() && /\.(tf|tfvars)$/.test(entry.name)) out.push(p);
  }
  return out;
}

function runDump(dump, files) {
  return new Promise((resolve, reject) => {
    const child = spawn(dump, ['--files-from', '-'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const chunks = [];
    child.stdout.on('data', (d) => chunks.push(d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`hcl_dump exited with ${code}`));
      const results = new Map();
      for (const line of Buffer.concat(chunks).toString('utf8').split('\n')) {
        if (!line) continue;
        const record = JSON.parse(line);
        results.set(record.path, record);
      }
      resolve(results);
    });
    child.stdin.end(files.join('\n') + '\n');
  });
}

// Lists the differences between two JSON values (at most `limit`).
function diff(a, b, where, out, limit = 20) {
  if (out.length >= limit) return out;
  const kind = (v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
  if (kind(a) !== kind(b)) {
    out.push(`${where}: faultline ${JSON.stringify(a)} vs hcl2json ${JSON.stringify(b)}`);
  } else if (kind(a) === 'array') {
    if (a.length !== b.length) {
      out.push(`${where}: faultline has ${a.length} elements, hcl2json ${b.length}`);
    }
    for (let i = 0; i < Math.min(a.length, b.length); i++) diff(a[i], b[i], `${where}[${i}]`, out, limit);
  } else if (kind(a) === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of [...keys].sort()) {
      if (!(k in a)) out.push(`${where}.${k}: missing in faultline`);
      else if (!(k in b)) out.push(`${where}.${k}: only in faultline`);
      else diff(a[k], b[k], `${where}.${k}`, out, limit);
      if (out.length >= limit) break;
    }
  } else if (a !== b) {
    out.push(`${where}: faultline ${JSON.stringify(a)} vs hcl2json ${JSON.stringify(b)}`);
  }
  return out;
}

// Counts what a file's hcl2json output holds (for the summary).
function tally(value, counts) {
  if (Array.isArray(value)) value.forEach((v) => tally(v, counts));
  else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) {
      counts.keys++;
      tally(v, counts);
    }
  } else if (typeof value === 'string' && value.includes('${')) counts.expressions++;
  else counts.literals++;
}

async function main() {
  const args = parseArgs(process.argv);
  const hcl2json = require(path.resolve(args.nodeModules, '@cdktf', 'hcl2json'));
  const started = Date.now();
  args.corpus = path.resolve(args.corpus);
  if (!fs.existsSync(args.corpus)) {
    console.log(`hcl_oracle: SKIPPED: corpus ${args.corpus} not found`);
    process.exit(77);
  }
  args.dump = path.resolve(args.dump);
  const all = walk(args.corpus, []).sort();
  const excluded = new Map();
  const files = all.filter((f) => {
    const rel = path.relative(args.corpus, f);
    const hit = EXCLUDED.find((e) => e.pattern.test(rel));
    if (hit) excluded.set(rel, hit.reason);
    return !hit;
  });
  if (files.length < 2000) throw new Error(`only ${files.length} files found under ${args.corpus}`);

  const dumpPromise = runDump(args.dump, files);
  const reference = new Map();
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8');
    try {
      reference.set(f, { ok: true, value: await hcl2json.parse(f, text) });
    } catch (e) {
      reference.set(f, { ok: false, error: String(e.message).split('\n')[0].slice(0, 300) });
    }
  }
  const ours = await dumpPromise;

  const problems = [];
  const structureChecks = [];
  const rejectedByBoth = [];
  const counts = { keys: 0, literals: 0, expressions: 0 };
  for (const f of files) {
    const rel = path.relative(args.corpus, f);
    const ref = reference.get(f);
    const mine = ours.get(f);
    const expectInvalid = EXPECTED_INVALID.some((re) => re.test(rel));
    if (!mine) {
      problems.push(`${rel}: no output from hcl_dump`);
      continue;
    }
    if (!ref.ok || !mine.ok) {
      if (!ref.ok && !mine.ok) {
        rejectedByBoth.push(rel);
        if (!expectInvalid) {
          problems.push(`${rel}: rejected by both parsers but not listed as invalid\n` +
                        `    hcl2json: ${ref.error}\n    faultline: ${mine.errors.join('; ')}`);
        }
      } else if (!ref.ok) {
        problems.push(`${rel}: hcl2json rejects it, faultline accepts it\n    hcl2json: ${ref.error}`);
      } else {
        problems.push(`${rel}: faultline rejects it, hcl2json accepts it\n` +
                      `    faultline: ${mine.errors.join('; ')}`);
      }
      continue;
    }
    if (expectInvalid) problems.push(`${rel}: listed as invalid but both parsers accept it`);
    tally(ref.value, counts);
    const differences = diff(mine.value, ref.value, '$', []);
    if (differences.length > 0) {
      problems.push(`${rel}:\n    ${differences.join('\n    ')}`);
      continue;
    }
    for (const item of collectSkeletons(ref.value, mine.skeleton, '$', [])) {
      if (item.skeleton !== '' || MAY_HAVE_OPERATORS.test(item.ref)) {
        structureChecks.push({ rel, ...item });
      }
    }
  }

  // Operator structure: HCL's syntax tree of each expression string against faultline's.
  const hclSkeletons = new Map();
  let unchecked = 0;
  for (const check of structureChecks) {
    if (!hclSkeletons.has(check.ref)) {
      const input = astInput(check.ref);
      if (input === null) {
        hclSkeletons.set(check.ref, null);
      } else {
        try {
          const ast = await hcl2json.getExpressionAst('expression.tf', input);
          hclSkeletons.set(check.ref, ast ? hclSkeleton(ast) : '');
        } catch (e) {
          hclSkeletons.set(check.ref, `<HCL error: ${String(e.message).split('\n')[0]}>`);
        }
      }
    }
    const expected = hclSkeletons.get(check.ref);
    if (expected === null) {
      unchecked++;
      continue;
    }
    if (expected !== check.skeleton) {
      problems.push(`${check.rel}: ${check.where}: operator structure differs for ` +
                    `${JSON.stringify(check.ref).slice(0, 200)}\n` +
                    `    faultline ${check.skeleton}\n    hcl       ${expected}`);
    }
  }
  counts.structures = structureChecks.length - unchecked;
  counts.unchecked = unchecked;
  if (rejectedByBoth.length !== EXPECTED_INVALID_COUNT) {
    problems.push(`expected ${EXPECTED_INVALID_COUNT} files rejected by both parsers, ` +
                  `got ${rejectedByBoth.length}`);
  }


  // Second pass: the same content through the JSON-syntax parser.
  const jsonDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hcl_oracle_'));
  const jsonFiles = [];
  const jsonSource = new Map();
  try {
    files.forEach((f, i) => {
      const ref = reference.get(f);
      if (!ref.ok) return;
      const rel = path.relative(args.corpus, f);
      if (JSON_PASS_EXCLUDED.some((e) => e.pattern.test(rel))) return;
      const tfvars = f.endsWith('.tfvars');
      const out = path.join(jsonDir, `${i}${tfvars ? '.tfvars.json' : '.tf.json'}`);
      const value = tfvars ? unescapeTemplate(ref.value) : toTerraformJson(ref.value);
      fs.writeFileSync(out, JSON.stringify(value, null, 1));
      jsonFiles.push(out);
      jsonSource.set(out, f);
    });
    const jsonOurs = await runDump(args.dump, jsonFiles);
    for (const out of jsonFiles) {
      const f = jsonSource.get(out);
      const rel = path.relative(args.corpus, f);
      const mine = jsonOurs.get(out);
      if (!mine || !mine.ok) {
        problems.push(`${rel} (as JSON): faultline rejects it: ${mine ? mine.errors.join('; ') : 'no output'}`);
        continue;
      }
      const differences = diff(mine.value, reference.get(f).value, '$', []);
      if (differences.length > 0) problems.push(`${rel} (as JSON):\n    ${differences.join('\n    ')}`);
    }
  } finally {
    fs.rmSync(jsonDir, { recursive: true, force: true });
  }
  counts.jsonFiles = jsonFiles.length;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`hcl_oracle: ${files.length} files compared (${all.length} found, ` +
              `${excluded.size} excluded), ${rejectedByBoth.length} rejected by both, ` +
              `${counts.keys} keys, ${counts.literals} literal values, ` +
              `${counts.expressions} expression strings (operator structure checked for ` +
              `${counts.structures}, skipped for ${counts.unchecked} with heredocs or comments ` +
              `inside); ${counts.jsonFiles} compared again as ` +
              `JSON syntax; ${seconds}s`);
  for (const [rel, reason] of excluded) console.log(`  excluded ${rel}: ${reason}`);
  for (const e of JSON_PASS_EXCLUDED) console.log(`  excluded from the JSON pass ${e.pattern}: ${e.reason}`);
  if (args.verbose) for (const rel of rejectedByBoth) console.log(`  rejected by both: ${rel}`);
  if (problems.length > 0) {
    console.log(`\n${problems.length} disagreement(s):`);
    for (const p of problems) console.log(`- ${p}`);
    process.exit(1);
  }
  console.log('hcl_oracle: 100% agreement');
  process.exit(0);
}

main().catch((e) => {
  console.error(e.stack || String(e));
  process.exit(2);
});
