#!/usr/bin/env node
// Oxigraph (npm, in memory) as a SPARQL 1.1 query endpoint, for RoleGraph's store-parity tests: loads
// an N-Quads file, listens on a free loopback port, prints "PORT n" and answers the SPARQL protocol
// (GET ?query=, POST of application/sparql-query or of a form) at /sparql. SELECT and ASK answer
// SPARQL JSON results, CONSTRUCT and DESCRIBE N-Triples, a query Oxigraph refuses 400 with its reason.
// With --union the default graph is the union of the named graphs (Oxigraph's union mode, a bag: a
// triple in five graphs comes back five times); without it the default graph is the empty one that
// the N-Quads file leaves, as on an Oxigraph server started with no options.
//   node endpoint.js DATA.nq [--union]
'use strict';
const fs = require('fs');
const http = require('http');
const oxigraph = require('oxigraph');

const args = process.argv.slice(2);
const data = args.find((a) => !a.startsWith('--'));
const union = args.includes('--union');
if (!data) {
  console.error('usage: node endpoint.js DATA.nq [--union]');
  process.exit(2);
}
const store = new oxigraph.Store();
store.load(fs.readFileSync(data), { format: 'application/n-quads' });

function answer(response, status, type, body) {
  response.writeHead(status, { 'Content-Type': type + '; charset=utf-8' });
  response.end(body);
}

function evaluate(query, response) {
  const options = { use_default_graph_as_union: union };
  try {
    // The query form decides the format; Oxigraph says which it is only by refusing the other.
    let body;
    let type = 'application/sparql-results+json';
    try {
      body = store.query(query, { ...options, results_format: type });
    } catch (e) {
      if (!/RDF format/.test(e.message)) {
        throw e;
      }
      type = 'application/n-triples';
      body = store.query(query, { ...options, results_format: type });
    }
    answer(response, 200, type, body);
  } catch (e) {
    answer(response, 400, 'text/plain', 'Bad query: ' + e.message + '\n');
  }
}

const server = http.createServer((request, response) => {
  const url = new URL(request.url, 'http://localhost');
  if (url.pathname !== '/sparql') {
    answer(response, 404, 'text/plain', 'Not found: ' + url.pathname + '\n');
    return;
  }
  if (request.method === 'GET') {
    const query = url.searchParams.get('query');
    if (query === null) {
      answer(response, 400, 'text/plain', 'Bad request: no query parameter\n');
      return;
    }
    evaluate(query, response);
    return;
  }
  if (request.method !== 'POST') {
    answer(response, 405, 'text/plain', 'Method not allowed: ' + request.method + '\n');
    return;
  }
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    const type = (request.headers['content-type'] || '').split(';')[0].trim().toLowerCase();
    if (type === 'application/sparql-query') {
      evaluate(body, response);
    } else if (type === 'application/x-www-form-urlencoded' && new URLSearchParams(body).has('query')) {
      evaluate(new URLSearchParams(body).get('query'), response);
    } else {
      answer(response, 415, 'text/plain', 'Unsupported: POST a query as application/sparql-query or as a form\n');
    }
  });
});
server.listen(0, '127.0.0.1', () => {
  console.log('PORT ' + server.address().port);
});
