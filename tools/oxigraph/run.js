#!/usr/bin/env node
// Oxigraph (npm, in memory) as a peer in RoleGraph's benchmarks: loads an N-Quads file, then runs a
// SPARQL query a number of times and prints, as one JSON line, the load time, the p50 and p99 in
// milliseconds and the rows of the first call. QUERY is one query (.rq) or a JSON array of groups of
// queries (.json): a timed call runs one group's queries one after the other, the calls take the groups
// in turn (bench/.../PeerQueries.java runs the same files on Jena). The default graph is the union of
// the named graphs, as in RoleGraph's stores.
//   node run.js DATA.nq QUERY.rq|QUERIES.json [WARMUP] [RUNS]
'use strict';
const fs = require('fs');
const oxigraph = require('oxigraph');

const [data, queryFile, warmupArg, runsArg] = process.argv.slice(2);
if (!data || !queryFile) {
  console.error('usage: node run.js DATA.nq QUERY.rq [WARMUP] [RUNS]');
  process.exit(2);
}
const warmup = Number(warmupArg || 3);
const runs = Number(runsArg || 10);
const text = fs.readFileSync(queryFile, 'utf8');
const groups = queryFile.endsWith('.json') ? JSON.parse(text) : [[text]];
const store = new oxigraph.Store();
let t0 = process.hrtime.bigint();
// In slices of whole lines: a file over V8's largest string (about 512 MiB, 100k generated roles) cannot
// be loaded in one call, and N-Quads is line-based.
const fd = fs.openSync(data, 'r');
const slice = Buffer.alloc(64 << 20);
let rest = Buffer.alloc(0);
for (;;) {
  const read = fs.readSync(fd, slice, 0, slice.length, null);
  const bytes = Buffer.concat([rest, slice.subarray(0, read)]);
  const end = read === 0 ? bytes.length : bytes.lastIndexOf(10) + 1;
  if (end > 0) {
    store.load(bytes.subarray(0, end).toString('utf8'), { format: 'application/n-quads' });
  }
  rest = Buffer.from(bytes.subarray(end));
  if (read === 0) {
    break;
  }
}
fs.closeSync(fd);
const loadSeconds = Number(process.hrtime.bigint() - t0) / 1e9;

let call = 0;
function once() {
  const group = groups[call++ % groups.length];
  const start = process.hrtime.bigint();
  let count = 0;
  for (const query of group) {
    const rows = store.query(query, { use_default_graph_as_union: true });
    count += Array.isArray(rows) ? rows.length : 0;
  }
  return [Number(process.hrtime.bigint() - start) / 1e6, count];
}
for (let i = 0; i < warmup; i++) {
  once();
}
call = 0;
const times = [];
let rows = 0;
for (let i = 0; i < runs; i++) {
  const [ms, count] = once();
  times.push(ms);
  if (i === 0) {
    rows = count;
  }
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({
  quads: store.size, loadSeconds, p50: times[Math.floor(times.length / 2)],
  p99: times[Math.min(times.length - 1, Math.floor(times.length * 0.99))], rows, runs,
}));
