#!/usr/bin/env node
// Oxigraph (npm, in memory) as a peer in RoleGraph's benchmarks: loads an N-Quads file, then runs one
// SPARQL query a number of times and prints, as one JSON line, the load time, the query's p50 and p99
// in milliseconds and the number of rows. The default graph is the union of the named graphs, as in
// RoleGraph's stores.
//   node run.js DATA.nq QUERY.rq [WARMUP] [RUNS]
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
const query = fs.readFileSync(queryFile, 'utf8');
const store = new oxigraph.Store();
let t0 = process.hrtime.bigint();
store.load(fs.readFileSync(data), { format: 'application/n-quads' });
const loadSeconds = Number(process.hrtime.bigint() - t0) / 1e9;

function once() {
  const start = process.hrtime.bigint();
  const rows = store.query(query, { use_default_graph_as_union: true });
  const count = Array.isArray(rows) ? rows.length : 0;
  return [Number(process.hrtime.bigint() - start) / 1e6, count];
}
for (let i = 0; i < warmup; i++) {
  once();
}
const times = [];
let rows = 0;
for (let i = 0; i < runs; i++) {
  const [ms, count] = once();
  times.push(ms);
  rows = count;
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({
  quads: store.size, loadSeconds, p50: times[Math.floor(times.length / 2)],
  p99: times[Math.min(times.length - 1, Math.floor(times.length * 0.99))], rows, runs,
}));
