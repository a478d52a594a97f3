#!/usr/bin/env node
'use strict';
/*
 * Independent JSON-LD checks of RoleGraph's exports with jsonld.js, offline.
 *
 *   node check.js expand FILE.jsonld REFERENCE.nt
 *     Expands FILE.jsonld and converts it to RDF, canonizes that and the
 *     N-Triples reference (URDNA2015) and compares the canonical N-Quads.
 *     Every remote document is refused: the context must be embedded.
 *
 *   node check.js schema-org FILE.json
 *     Expands a schema.org projection ("@context": "https://schema.org") with
 *     a local stub of schema.org's context, then checks that every property
 *     and @type IRI is a real schema.org term (the vocabulary shipped by the
 *     schema-dts package), that each property is one schema.org defines for
 *     the node's type, and that schema.org IRIs used as values are real terms.
 *
 * Exit status: 0 when the check passes, 1 when it finds a difference or a
 * problem, 2 on a usage or input error. Nothing is ever fetched over the
 * network: a document loader that is asked for a URL it does not have throws.
 */

const fs = require('fs');
const path = require('path');

let jsonld;
try {
  jsonld = require('jsonld');
} catch(e) {
  process.stderr.write(
    'check.js: jsonld.js is not installed (' + e.message.split('\n')[0] + ').\n' +
    'Run tools/setup (or: npm ci in tools/jsonld-check).\n');
  process.exit(3);
}

const SCHEMA = 'http://schema.org/';
const SHOW = 8;

class CheckFailure extends Error {}
class InputError extends Error {}

/** A document loader that never touches the network. */
function offlineLoader(known) {
  return async url => {
    if(Object.prototype.hasOwnProperty.call(known, url)) {
      return {contextUrl: null, documentUrl: url, document: known[url]};
    }
    throw new Error(
      `refusing to load remote document <${url}>: this check runs offline ` +
      '(embed the context instead of referring to it)');
  };
}
// Belt and braces: even a call that forgot its option cannot reach the network.
jsonld.documentLoader = offlineLoader({});

/** The message of an error and of every error that caused it. */
function explain(e) {
  const parts = [];
  for(let err = e, depth = 0; err && depth < 6; err = err.details && err.details.cause || err.cause, depth++) {
    let line = (err.name && err.name !== 'Error' ? err.name + ': ' : '') + err.message;
    const d = err.details || {};
    const extra = [];
    if(d.code) extra.push('code ' + d.code);
    if(d.url) extra.push('url ' + d.url);
    if(d.event && d.event.message) extra.push(d.event.message);
    if(d.event && d.event.details) extra.push(JSON.stringify(d.event.details).slice(0, 300));
    if(extra.length) line += ' (' + extra.join('; ') + ')';
    parts.push(line);
  }
  return parts.join('\n  caused by: ');
}

function readJson(file) {
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch(e) {
    throw new InputError(`cannot read ${file}: ${e.message}`);
  }
  try {
    return JSON.parse(text);
  } catch(e) {
    throw new InputError(`${file} is not JSON: ${e.message}`);
  }
}

function canonize(nquads, what) {
  return jsonld.canonize(nquads, {
    algorithm: 'URDNA2015',
    inputFormat: 'application/n-quads',
    format: 'application/n-quads'
  }).catch(e => {
    throw new CheckFailure(`cannot canonize ${what}: ${explain(e)}`);
  });
}

function lines(text) {
  return text.split('\n').filter(l => l.length > 0);
}

async function checkExpand(file, reference) {
  const documentLoader = offlineLoader({});
  const doc = readJson(file);
  let referenceText;
  try {
    referenceText = fs.readFileSync(reference, 'utf8');
  } catch(e) {
    throw new InputError(`cannot read ${reference}: ${e.message}`);
  }

  // safe mode: anything jsonld.js would silently drop (an undefined term, a
  // relative IRI, a value it cannot convert) is an error instead.
  // base '' keeps relative IRIs relative unless the embedded @base resolves them.
  let expanded, nquads;
  try {
    expanded = await jsonld.expand(doc, {documentLoader, safe: true, base: ''});
  } catch(e) {
    throw new CheckFailure(`cannot expand ${file}: ${explain(e)}`);
  }
  try {
    nquads = await jsonld.toRDF(expanded, {
      format: 'application/n-quads', documentLoader, safe: true, base: ''
    });
  } catch(e) {
    throw new CheckFailure(`cannot convert ${file} to RDF: ${explain(e)}`);
  }
  const produced = lines(nquads).length;
  const referenceCount = lines(referenceText).filter(l => !l.startsWith('#')).length;
  console.log(`jsonld.js ${jsonldVersion()}: ${file} expands to ${expanded.length} top-level nodes, ` +
    `${produced} quads; reference ${reference}: ${referenceCount} triples`);

  const got = await canonize(nquads, file + ' (as RDF)');
  const want = await canonize(referenceText, reference);
  if(got === want) {
    console.log(`OK: ${file} is the same RDF as ${reference} ` +
      `(URDNA2015 canonical N-Quads equal, ${lines(got).length} statements)`);
    return;
  }
  const gotLines = lines(got), wantLines = lines(want);
  const gotSet = new Set(gotLines), wantSet = new Set(wantLines);
  const onlyGot = [...new Set(gotLines.filter(l => !wantSet.has(l)))];
  const onlyWant = [...new Set(wantLines.filter(l => !gotSet.has(l)))];
  const out = [`${file} is not the same RDF as ${reference}: ` +
    `${gotLines.length} canonical statements from the JSON-LD, ${wantLines.length} in the reference; ` +
    `${onlyGot.length} only in the JSON-LD, ${onlyWant.length} only in the reference`];
  if(!onlyGot.length && !onlyWant.length) {
    out.push('  (the same statements, but different duplicates)');
  }
  for(const [label, list] of [['only in the JSON-LD', onlyGot], ['only in the reference', onlyWant]]) {
    if(!list.length) continue;
    out.push(`  ${label}:`);
    for(const l of list.slice(0, SHOW)) out.push('    ' + l);
    if(list.length > SHOW) out.push(`    ... and ${list.length - SHOW} more`);
  }
  // the first line where the two canonical texts part
  for(let i = 0; i < Math.max(gotLines.length, wantLines.length); i++) {
    if(gotLines[i] !== wantLines[i]) {
      out.push(`  first differing canonical line (${i + 1}):`);
      out.push('    JSON-LD:   ' + (gotLines[i] === undefined ? '(none)' : gotLines[i]));
      out.push('    reference: ' + (wantLines[i] === undefined ? '(none)' : wantLines[i]));
      break;
    }
  }
  throw new CheckFailure(out.join('\n'));
}

function jsonldVersion() {
  try {
    return require('jsonld/package.json').version;
  } catch(e) {
    return '?';
  }
}

/*
 * schema.org's vocabulary as schema-dts declares it: one interface XBase per
 * type that has properties of its own (extending its supertypes' bases), one
 * XLeaf per type naming it in "@type", enumeration members as
 * "https://schema.org/Member" string literals.
 */
function loadSchemaOrg() {
  let dtsPath, version;
  try {
    dtsPath = require.resolve('schema-dts/dist/schema.d.ts');
    version = require('schema-dts/package.json').version;
  } catch(e) {
    throw new InputError('schema-dts is not installed; run tools/setup (or: npm ci in tools/jsonld-check)');
  }
  const text = fs.readFileSync(dtsPath, 'utf8');
  const bases = new Map(); // XBase -> {parents: [...], props: Set}
  const typeBase = new Map(); // type name -> base interface its leaf extends
  const properties = new Set();
  const members = new Set();
  let block = null; // {kind: 'base'|'leaf', name, base}
  for(const line of text.split('\n')) {
    let m;
    if((m = /^interface (\w+Base) extends (.+) \{$/.exec(line))) {
      const parents = m[2].split(',').map(s => s.trim()).filter(s => /^\w+Base$/.test(s));
      bases.set(m[1], {parents, props: new Set()});
      block = {kind: 'base', name: m[1]};
    } else if((m = /^export interface (\w+)Leaf extends (\w+Base) \{$/.exec(line))) {
      block = {kind: 'leaf', base: m[2]};
    } else if((m = /^export type (\w+)Leaf<[^=]*> = Omit<(\w+Base), \w+> & \{$/.exec(line))) {
      block = {kind: 'leaf', base: m[2]};
    } else if(/^}/.test(line)) {
      block = null;
    } else if(block && block.kind === 'base' && (m = /^ {4}"([^"@][^"]*)"\??:/.exec(line))) {
      bases.get(block.name).props.add(m[1]);
      properties.add(m[1]);
    } else if(block && block.kind === 'leaf' && (m = /^ {4}"@type": "(\w+)";$/.exec(line))) {
      typeBase.set(m[1], block.base);
    }
    if(/^export type \w+ = .*"https:\/\/schema\.org\//.test(line)) {
      for(const mm of line.matchAll(/"https:\/\/schema\.org\/(\w+)"/g)) members.add(mm[1]);
    }
  }
  // Data types are declared as plain TypeScript types, not leaves.
  const dataTypes = new Set();
  for(const name of ['Boolean', 'Date', 'DateTime', 'Number', 'Text', 'Time', 'DataType', 'Float',
    'Integer', 'URL', 'CssSelectorType', 'XPathType', 'PronounceableText', 'Quantity']) {
    if(new RegExp(`^export type ${name}\\b`, 'm').test(text)) dataTypes.add(name);
  }
  const types = new Set([...typeBase.keys(), ...dataTypes]);
  if(types.size < 500 || properties.size < 1000 || !typeBase.has('Thing') || !properties.has('name')) {
    throw new InputError(`could not read schema.org's terms from ${dtsPath} ` +
      `(found ${types.size} types, ${properties.size} properties): has schema-dts changed its layout?`);
  }
  const cache = new Map();
  function propsOfBase(base, seen = new Set()) {
    if(cache.has(base)) return cache.get(base);
    const result = new Set();
    const b = bases.get(base);
    if(b && !seen.has(base)) {
      seen.add(base);
      for(const p of b.props) result.add(p);
      for(const parent of b.parents) for(const p of propsOfBase(parent, seen)) result.add(p);
    }
    cache.set(base, result);
    return result;
  }
  return {
    version, dtsPath, types, properties, members,
    propertiesOf: type => typeBase.has(type) ? propsOfBase(typeBase.get(type)) : null
  };
}

const SCHEMA_CONTEXT = {'@context': {'@vocab': SCHEMA}};
const SCHEMA_CONTEXT_URLS = [];
for(const scheme of ['https', 'http']) {
  for(const p of ['', '/', '/docs/jsonldcontext.jsonld', '/docs/jsonldcontext.json']) {
    SCHEMA_CONTEXT_URLS.push(`${scheme}://schema.org${p}`);
  }
}

async function checkSchemaOrg(file) {
  const vocab = loadSchemaOrg();
  const known = {};
  for(const url of SCHEMA_CONTEXT_URLS) known[url] = SCHEMA_CONTEXT;
  const documentLoader = offlineLoader(known);
  const doc = readJson(file);
  let expanded;
  try {
    expanded = await jsonld.expand(doc, {documentLoader, safe: true, base: ''});
  } catch(e) {
    throw new CheckFailure(`${file} is not valid JSON-LD for schema.org: ${explain(e)}`);
  }
  if(!expanded.length) throw new CheckFailure(`${file} expands to nothing`);

  const problems = [];
  const seenTypes = new Map(), seenProps = new Map(), seenValues = new Set();
  let nodes = 0;
  const local = iri => iri.startsWith(SCHEMA) ? iri.slice(SCHEMA.length) : null;
  const where = trail => trail.length ? trail.join(' > ') : '(top)';

  function checkIriValue(iri, trail) {
    const name = local(iri);
    if(name === null) {
      if(/^https?:\/\/schema\.org\//.test(iri)) problems.push(`${where(trail)}: <${iri}> is not in the ${SCHEMA} namespace`);
      return;
    }
    seenValues.add(iri);
    if(!vocab.types.has(name) && !vocab.members.has(name) && !vocab.properties.has(name)) {
      problems.push(`${where(trail)}: <${iri}> is not a schema.org term`);
    }
  }

  function visit(item, trail) {
    if(Array.isArray(item)) {
      item.forEach(i => visit(i, trail));
      return;
    }
    if(item === null || typeof item !== 'object') return;
    if('@value' in item) {
      if(item['@type'] && local(item['@type']) !== null && !vocab.types.has(local(item['@type']))) {
        problems.push(`${where(trail)}: datatype <${item['@type']}> is not a schema.org type`);
      }
      return;
    }
    if('@list' in item) return visit(item['@list'], trail);
    if('@set' in item) return visit(item['@set'], trail);
    nodes++;
    const types = [].concat(item['@type'] || []);
    const schemaTypes = [];
    for(const t of types) {
      const name = local(t);
      seenTypes.set(t, (seenTypes.get(t) || 0) + 1);
      if(name === null) {
        problems.push(`${where(trail)}: @type <${t}> is not in the ${SCHEMA} namespace`);
      } else if(!vocab.types.has(name)) {
        problems.push(`${where(trail)}: @type <${t}> is not a schema.org type`);
      } else {
        schemaTypes.push(name);
      }
    }
    const label = schemaTypes.length ? schemaTypes.join('+') : '(untyped node)';
    // the properties schema.org defines for the node's types (null: cannot tell)
    let allowed = null;
    if(schemaTypes.length && schemaTypes.length === types.length) {
      allowed = new Set();
      for(const t of schemaTypes) for(const p of vocab.propertiesOf(t) || []) allowed.add(p);
    }
    for(const [key, value] of Object.entries(item)) {
      if(key === '@id') {
        checkIriValue(value, trail);
        continue;
      }
      if(key === '@type' || key === '@index') continue;
      if(key === '@reverse' || key === '@graph' || key === '@included') {
        problems.push(`${where(trail)}: ${key} is not expected in a schema.org projection`);
        visit(value, trail.concat(key));
        continue;
      }
      if(key.startsWith('@')) continue;
      const name = local(key);
      seenProps.set(key, (seenProps.get(key) || 0) + 1);
      const here = trail.concat(`${label}.${name === null ? '<' + key + '>' : name}`);
      if(name === null) {
        problems.push(`${where(here)}: property <${key}> is not in the ${SCHEMA} namespace`);
      } else if(!vocab.properties.has(name)) {
        problems.push(`${where(here)}: <${key}> is not a schema.org property`);
      } else if(allowed && !allowed.has(name)) {
        problems.push(`${where(here)}: schema.org does not define ${name} for ${label}`);
      }
      for(const v of [].concat(value)) {
        if(v && typeof v === 'object' && !('@value' in v) && !('@list' in v) && !('@set' in v) &&
            Object.keys(v).length === 1 && '@id' in v) {
          checkIriValue(v['@id'], here);
        } else {
          visit(v, here);
        }
      }
    }
  }
  visit(expanded, []);

  const list = m => [...m.entries()].map(([k, n]) => `${local(k) || k}${n > 1 ? ' x' + n : ''}`).join(', ');
  console.log(`jsonld.js ${jsonldVersion()}, schema.org terms from schema-dts ${vocab.version} ` +
    `(${vocab.types.size} types, ${vocab.properties.size} properties, ${vocab.members.size} enumeration members)`);
  console.log(`${file}: @context ${JSON.stringify(doc['@context'])} (local stub, @vocab ${SCHEMA}); ` +
    `${nodes} nodes`);
  console.log(`  types (${seenTypes.size}): ${list(seenTypes)}`);
  console.log(`  properties (${seenProps.size}): ${list(seenProps)}`);
  if(seenValues.size) console.log(`  schema.org IRIs as values: ${[...seenValues].join(', ')}`);
  if(problems.length) {
    const shown = problems.slice(0, 20).map(p => '  ' + p);
    if(problems.length > 20) shown.push(`  ... and ${problems.length - 20} more`);
    throw new CheckFailure(`${file}: ${problems.length} problem(s):\n${shown.join('\n')}`);
  }
  console.log(`OK: ${file}: every @type and property is a schema.org term in the ${SCHEMA} namespace, ` +
    'and every property is one schema.org defines for its node\'s type');
}

const USAGE = 'usage: node check.js expand FILE.jsonld REFERENCE.nt\n' +
  '       node check.js schema-org FILE.json\n';

async function main(argv) {
  const [mode, ...args] = argv;
  if(mode === 'expand' && args.length === 2) return checkExpand(args[0], args[1]);
  if(mode === 'schema-org' && args.length === 1) return checkSchemaOrg(args[0]);
  throw new InputError(USAGE.trimEnd());
}

main(process.argv.slice(2)).then(() => {
  process.exitCode = 0;
}, e => {
  if(e instanceof CheckFailure) {
    process.stderr.write('FAIL: ' + e.message + '\n');
    process.exitCode = 1;
  } else if(e instanceof InputError) {
    process.stderr.write('check.js: ' + e.message + '\n');
    process.exitCode = 2;
  } else {
    process.stderr.write('check.js: ' + explain(e) + '\n' + (e && e.stack || '') + '\n');
    process.exitCode = 2;
  }
});
