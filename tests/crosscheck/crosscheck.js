'use strict';
// HTTP signatures (draft-cavage) cross-checked with an independent implementation, the
// `http-signature` package. Driven by tests/integration/signature_crosscheck.rs; reads one JSON
// object from stdin.
//
//   node crosscheck.js post   {url, keyId, privateKeyPem, body, tamper}
//     Signs a POST of `body` (rsa-sha256 over "(request-target) host date digest") with the
//     package and sends it. `tamper`: null, "body" (another body and its digest after signing)
//     or "date" (another Date after signing). Prints {"status": <the answer's status>}.
//
//   node crosscheck.js serve  {publicKeyPem}
//     Listens on loopback, prints {"port": N}, and answers every request after checking its
//     signature with the package: 202 when it verifies (POSTs: and the Digest matches the body),
//     otherwise 401 with the reason. Runs until killed.

const crypto = require('crypto');
const http = require('http');
const httpSignature = require('http-signature');

const SIGNED_POST = ['(request-target)', 'host', 'date', 'digest'];
const SIGNED_GET = ['(request-target)', 'host', 'date'];

function digest(body) {
  return 'SHA-256=' + crypto.createHash('sha256').update(body).digest('base64');
}

function print(value) {
  process.stdout.write(JSON.stringify(value) + '\n');
}

function post(input) {
  const url = new URL(input.url);
  let body = Buffer.from(input.body, 'utf8');
  const request = http.request({
    method: 'POST',
    hostname: url.hostname,
    port: url.port,
    path: url.pathname + url.search,
    headers: {
      'content-type': 'application/activity+json',
      'digest': digest(body),
    },
  });
  httpSignature.sign(request, {
    key: input.privateKeyPem,
    keyId: input.keyId,
    algorithm: 'rsa-sha256',
    headers: SIGNED_POST,
    authorizationHeaderName: 'signature',
  });
  if (input.tamper === 'body') {
    body = Buffer.from(input.body.replace('}', ',"tampered":true}'), 'utf8');
    request.setHeader('digest', digest(body));
  } else if (input.tamper === 'date') {
    request.setHeader('date', new Date(Date.now() - 120 * 1000).toUTCString());
  }
  request.setHeader('content-length', body.length);
  request.on('response', (response) => {
    response.resume();
    response.on('end', () => print({ status: response.statusCode }));
  });
  request.on('error', (error) => {
    process.stderr.write('request failed: ' + error.message + '\n');
    process.exitCode = 1;
  });
  request.end(body);
}

function verdict(request, body, publicKeyPem) {
  try {
    const parsed = httpSignature.parseRequest(request, {
      headers: request.method === 'POST' ? SIGNED_POST : SIGNED_GET,
      clockSkew: 300,
    });
    if (!httpSignature.verifySignature(parsed, publicKeyPem)) {
      return 'the signature does not verify';
    }
    if (request.method === 'POST' && request.headers.digest !== digest(body)) {
      return 'the digest does not match the body';
    }
    return null;
  } catch (error) {
    return error.name + ': ' + error.message;
  }
}

function serve(input) {
  const server = http.createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const reason = verdict(request, Buffer.concat(chunks), input.publicKeyPem);
      response.writeHead(reason === null ? 202 : 401, { 'content-type': 'text/plain' });
      response.end(reason === null ? 'verified' : reason);
    });
  });
  server.listen(0, '127.0.0.1', () => print({ port: server.address().port }));
}

function main() {
  const command = process.argv[2];
  const chunks = [];
  process.stdin.on('data', (chunk) => chunks.push(chunk));
  process.stdin.on('end', () => {
    const input = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (command === 'post') {
      post(input);
    } else if (command === 'serve') {
      serve(input);
    } else {
      process.stderr.write('usage: node crosscheck.js post|serve < input.json\n');
      process.exitCode = 2;
    }
  });
}

main();
