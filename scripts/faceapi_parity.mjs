// Run the ORIGINAL face-api.js expression net (npm @vladmandic/face-api 1.7.15) in Node
// on raw 112x112 RGB inputs and print its probabilities, so the LiteRT conversion made by
// scripts/convert_faceapi.py can be checked against the source it came from.
//
// Setup (offline-capable from the npm registry; node_modules stays outside the repo):
//
//   mkdir -p /tmp/faceapi && cd /tmp/faceapi && npm init -y >/dev/null \
//     && npm install @vladmandic/face-api@1.7.15 @tensorflow/tfjs@4.22.0 \
//                    @tensorflow/tfjs-backend-wasm@4.22.0
//
// (face-api's node-wasm build requires the wasm backend package; the net still runs on
// tfjs's pure-JS "cpu" backend, selected below. tfjs-node needs a native download and is
// not used.) Normally scripts/faceapi_parity.py drives this script; by hand:
//
//   node scripts/faceapi_parity.mjs /tmp/faceapi/node_modules inputs.f32 out.json
//
// inputs.f32: little-endian float32, N x 112 x 112 x 3 RGB values in 0..255, row-major.
// out.json: {"labels": [face-api order], "probabilities": [[7 floats] x N], ...}.
// Each input goes through faceExpressionNet.predictExpressions(tensor3d), the library's
// public path (toNetInput -> toBatchTensor(112) -> mean subtraction /255 -> net ->
// softmax); at exactly 112x112 that path neither pads nor resizes.

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const [modulesDir, inputPath, outputPath] = process.argv.slice(2);
if (!modulesDir || !inputPath || !outputPath) {
  console.error('usage: node faceapi_parity.mjs <node_modules dir> <inputs.f32> <out.json>');
  process.exit(2);
}

const require = createRequire(path.join(path.resolve(modulesDir), 'noop.js'));
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');
const pkg = require('@vladmandic/face-api/package.json');
const { tf } = faceapi;

await tf.setBackend('cpu');
await tf.ready();

const modelDir = path.join(path.resolve(modulesDir), '@vladmandic/face-api/model');
await faceapi.nets.faceExpressionNet.loadFromDisk(modelDir);

const SIZE = 112 * 112 * 3;
const raw = readFileSync(inputPath);
const values = new Float32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4);
if (values.length % SIZE !== 0) throw new Error(`input size ${values.length} is not N*112*112*3`);
const n = values.length / SIZE;

const labels = ['neutral', 'happy', 'sad', 'angry', 'fearful', 'disgusted', 'surprised'];
const probabilities = [];
for (let i = 0; i < n; i += 1) {
  const input = tf.tensor3d(values.slice(i * SIZE, (i + 1) * SIZE), [112, 112, 3], 'float32');
  // eslint-disable-next-line no-await-in-loop
  const expressions = await faceapi.nets.faceExpressionNet.predictExpressions(input);
  probabilities.push(labels.map((label) => expressions[label]));
  input.dispose();
}

writeFileSync(outputPath, JSON.stringify({
  faceapi_version: pkg.version,
  tfjs_version: tf.version_core,
  backend: tf.getBackend(),
  labels,
  probabilities,
}));
console.log(`face-api ${pkg.version}, tfjs ${tf.version_core} (${tf.getBackend()}): ${n} inputs`);
