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
// One load of the file read in slices: a file over V8's largest string (about 512 MiB, 100k generated
// roles) cannot be passed whole.
function* slices(path) {
  const fd = fs.openSync(path, 'r');
  try {
    for (;;) {
      const slice = Buffer.alloc(64 << 20);
      const read = fs.readSync(fd, slice, 0, slice.length, null);
      if (read === 0) {
        return;
      }
      yield slice.subarray(0, read);
    }
  } finally {
    fs.closeSync(fd);
  }
}
store.load(slices(data), { format: 'application/n-quads' });
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
// Between calls (untimed) the event loop gets a turn, as in any Node server: the terms of an answer
// hold WebAssembly memory that is given back by finalizers, which only run then. A tight loop never
// lets them run: similar-candidates on 10k roles went from 15 ms to 300-900 ms after 200 calls.
const turn = () => new Promise((resolve) => setImmediate(resolve));
(async () => {
  for (let i = 0; i < warmup; i++) {
    await turn();
    once();
  }
  call = 0;
  const times = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    await turn();
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
})();
