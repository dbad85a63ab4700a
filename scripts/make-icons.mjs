// make-icons.mjs — draws the Gouji add-in icon (ledger grid + check badge) and writes assets/icon-{16,32,64,80,128}.png.
// Node built-ins only: geometry is rasterised here with supersampled coverage (anti-aliasing), PNG is assembled by hand
// (zlib deflate for IDAT, own CRC-32). Output is deterministic, so re-running it produces byte-identical files.
// Usage: node scripts/make-icons.mjs [outDir]   (default: <repo>/assets)

import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SIZES = [16, 32, 64, 80, 128];
const SS = 8; // supersampling grid per pixel axis (64 samples per pixel)

// Palette: finance teal background, white sheet, pale-teal grid, amber "verified" badge (white ring) with a dark-teal check.
const C = {
  bgTop: [20, 150, 128], bgBottom: [11, 104, 92],
  sheet: [255, 255, 255], header: [196, 234, 225], grid: [120, 190, 176],
  badge: [245, 166, 35], badgeRing: [255, 255, 255], check: [11, 93, 81],
};

// ---- geometry: each shape is an "inside" test in unit coordinates (0..1, y down) ----
const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r), cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const segDist2 = (px, py, ax, ay, bx, by) => {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return (px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2;
};
// Thick polyline with round caps/joins: inside when within w/2 of any segment.
const stroke = (pts, w) => (x, y) => {
  for (let i = 0; i + 1 < pts.length; i++) {
    if (segDist2(x, y, pts[i][0], pts[i][1], pts[i + 1][0], pts[i + 1][1]) <= (w / 2) ** 2) return true;
  }
  return false;
};
const clip = (shape, mask) => (x, y) => shape(x, y) && mask(x, y);

/** Layers (back to front) for one icon size; small sizes snap grid lines to whole pixels and drop detail. */
function layers(size) {
  const snap = (v) => Math.round(v * size) / size;
  const line = Math.max(1, Math.round(size * 0.025)) / size; // grid line width, never below 1px
  const hline = (y) => (x, yy) => yy >= snap(y) && yy < snap(y) + line;
  const vline = (x) => (xx) => xx >= snap(x) && xx < snap(x) + line;
  const small = size <= 16;

  const bg = roundRect(0.02, 0.02, 0.98, 0.98, 0.2);
  const [sx0, sy0, sx1, sy1] = small ? [snap(0.125), snap(0.125), snap(0.75), snap(0.8125)]
                                     : [snap(0.16), snap(0.15), snap(0.74), snap(0.8)];
  const sheet = roundRect(sx0, sy0, sx1, sy1, small ? 0.5 / size : 0.05);
  const headerBottom = small ? snap(0.3125) : snap(0.3);
  const header = clip((x, y) => y < headerBottom, sheet);
  const rows = small ? [0.5] : [0.45, 0.6];
  const grid = clip((x, y) => hline(headerBottom - line)(x, y) || rows.some((r) => hline(r)(x, y)) || vline(small ? 0.3125 : 0.35)(x), sheet);

  // Badge stays inside the rounded square (ring edge <= 0.94); at 16px the check is placed on whole pixels by hand.
  const [bx, by, br] = small ? [11 / 16, 11 / 16, 4.4 / 16] : [0.68, 0.68, 0.22];
  const ring = circle(bx, by, br + (small ? 0.9 / 16 : 0.04));
  const badge = circle(bx, by, br);
  const check = small
    ? stroke([[8.6 / 16, 11.1 / 16], [10.1 / 16, 12.6 / 16], [13.6 / 16, 9.1 / 16]], 1.6 / 16)
    : stroke([[bx - br * 0.48, by + br * 0.02], [bx - br * 0.12, by + br * 0.38], [bx + br * 0.5, by - br * 0.32]], br * 0.3);

  return [
    { shape: bg, color: (x, y) => mix(C.bgTop, C.bgBottom, y) },
    { shape: sheet, color: () => C.sheet },
    { shape: header, color: () => C.header },
    { shape: grid, color: () => C.grid },
    { shape: ring, color: () => C.badgeRing },
    { shape: badge, color: () => C.badge },
    { shape: check, color: () => C.check },
  ];
}

const mix = (a, b, t) => a.map((v, i) => v + (b[i] - v) * Math.min(1, Math.max(0, t)));

/** Rasterise: per pixel, per layer coverage from SSxSS samples, composited "over" in premultiplied space. */
function render(size) {
  const ls = layers(size);
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0; // premultiplied accumulator
      const cx = (px + 0.5) / size, cy = (py + 0.5) / size;
      for (const { shape, color } of ls) {
        let hits = 0;
        for (let sy = 0; sy < SS; sy++) {
          for (let sx = 0; sx < SS; sx++) {
            if (shape((px + (sx + 0.5) / SS) / size, (py + (sy + 0.5) / SS) / size)) hits++;
          }
        }
        if (hits === 0) continue;
        const cov = hits / (SS * SS), [lr, lg, lb] = color(cx, cy);
        r = lr * cov + r * (1 - cov); g = lg * cov + g * (1 - cov); b = lb * cov + b * (1 - cov); a = cov + a * (1 - cov);
      }
      const o = (py * size + px) * 4;
      rgba[o] = a ? Math.round(r / a) : 0; rgba[o + 1] = a ? Math.round(g / a) : 0;
      rgba[o + 2] = a ? Math.round(b / a) : 0; rgba[o + 3] = Math.round(a * 255);
    }
  }
  return rgba;
}

// ---- PNG encoding ----
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4), crc = Buffer.alloc(4), td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  len.writeUInt32BE(data.length);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};
export function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0; // 8-bit RGBA, no interlace
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) { // filter type 0 (None) per scanline
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0)),
  ]);
}

const outDir = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'assets'));
mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  const file = join(outDir, `icon-${size}.png`);
  writeFileSync(file, encodePng(size, render(size)));
  console.log(`wrote ${file}`);
}
