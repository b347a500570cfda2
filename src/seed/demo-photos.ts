import sharp from 'sharp';
import type { Rng } from './prng';

// Simple drawn scenes for demo photos, rendered locally with sharp (no downloaded images, no licences).

export type Scene = 'pothole' | 'lamp' | 'bags' | 'graffiti' | 'tree' | 'playground' | 'sign';

export const SCENE_FOR_CATEGORY: Record<string, Scene> = {
  strassenschaden: 'pothole',
  strassenbeleuchtung: 'lamp',
  muell: 'bags',
  graffiti: 'graffiti',
  'gruen-baum': 'tree',
  spielplatz: 'playground',
  'ampel-schild': 'sign',
};

const W = 1200;
const H = 900;

function sky(rng: Rng): string {
  const shade = rng.pick(['#b9d3e8', '#c8d8e4', '#a9c4dc', '#d5dde3']);
  return `<rect width="${W}" height="${H}" fill="${shade}"/>`;
}

function road(): string {
  return `<polygon points="0,${H} ${W},${H} ${W},520 0,520" fill="#6d6f72"/>
    <polygon points="560,${H} 640,${H} 612,520 588,520" fill="#e8e8e0" opacity="0.8"/>
    <rect x="0" y="470" width="${W}" height="50" fill="#9a9c9e"/>`;
}

function houses(rng: Rng): string {
  let out = '';
  for (let x = -40; x < W; x += rng.int(180, 260)) {
    const h = rng.int(200, 340);
    const color = rng.pick(['#c9a27e', '#b5b0a8', '#d8cfc0', '#a65e46', '#e1d7c6']);
    out += `<rect x="${x}" y="${470 - h}" width="${rng.int(170, 240)}" height="${h}" fill="${color}"/>`;
    for (let wy = 470 - h + 30; wy < 430; wy += 70)
      for (let wx = x + 20; wx < x + 150; wx += 55) out += `<rect x="${wx}" y="${wy}" width="30" height="40" fill="#4b5a66"/>`;
  }
  return out;
}

function scene(kind: Scene, rng: Rng): string {
  switch (kind) {
    case 'pothole': {
      const cx = rng.int(420, 780);
      const cy = rng.int(690, 780);
      return `${sky(rng)}${houses(rng)}${road()}
        <ellipse cx="${cx}" cy="${cy}" rx="${rng.int(120, 190)}" ry="${rng.int(45, 70)}" fill="#2b2b2c"/>
        <ellipse cx="${cx + 10}" cy="${cy + 8}" rx="${rng.int(70, 110)}" ry="${rng.int(22, 35)}" fill="#3f4a55" opacity="0.9"/>
        <path d="M${cx - 200},${cy - 40} l60,20 l40,-15 l50,25" stroke="#3a3a3a" stroke-width="6" fill="none"/>`;
    }
    case 'lamp': {
      const x = rng.int(300, 800);
      return `<rect width="${W}" height="${H}" fill="#1c2333"/>${road()}
        <rect x="${x}" y="140" width="22" height="400" fill="#4a4f57"/>
        <path d="M${x + 11},150 q80,-40 150,0" stroke="#4a4f57" stroke-width="16" fill="none"/>
        <rect x="${x + 130}" y="145" width="70" height="26" rx="8" fill="#30343a"/>
        <text x="${x - 20}" y="420" font-family="sans-serif" font-size="28" fill="#d0d4da">${rng.int(1000, 9999)}</text>`;
    }
    case 'bags': {
      let bags = '';
      for (let i = 0; i < rng.int(5, 9); i++) {
        bags += `<ellipse cx="${rng.int(360, 840)}" cy="${rng.int(600, 760)}" rx="${rng.int(60, 100)}" ry="${rng.int(50, 80)}" fill="${rng.pick(['#1d1f22', '#2f3a2f', '#3b3f46', '#e6e2d3'])}"/>`;
      }
      return `${sky(rng)}${houses(rng)}<rect x="0" y="470" width="${W}" height="${H - 470}" fill="#8d8f91"/>
        <rect x="180" y="560" width="260" height="180" fill="#6b4a2f"/>${bags}
        <rect x="820" y="600" width="220" height="140" fill="#c8c2b4" transform="rotate(-8 930 670)"/>`;
    }
    case 'graffiti': {
      const colors = ['#d6336c', '#1c7ed6', '#f59f00', '#2b8a3e', '#212529'];
      let tags = '';
      for (let i = 0; i < 6; i++) {
        tags += `<path d="M${rng.int(100, 1000)},${rng.int(200, 600)} c${rng.int(-80, 80)},${rng.int(-120, 0)} ${rng.int(60, 200)},${rng.int(-40, 40)} ${rng.int(120, 260)},${rng.int(-60, 60)}" stroke="${rng.pick(colors)}" stroke-width="${rng.int(10, 24)}" fill="none" stroke-linecap="round"/>`;
      }
      return `<rect width="${W}" height="${H}" fill="#b8b2a6"/>
        ${Array.from({ length: 14 }, (_, r) => `<line x1="0" y1="${r * 64}" x2="${W}" y2="${r * 64}" stroke="#9f988b" stroke-width="3"/>`).join('')}
        ${tags}<rect x="0" y="780" width="${W}" height="120" fill="#77787a"/>`;
    }
    case 'tree': {
      return `${sky(rng)}<rect x="0" y="520" width="${W}" height="${H - 520}" fill="#6f9a4b"/>
        <rect x="520" y="260" width="60" height="300" fill="#5b3d26"/>
        <circle cx="550" cy="230" r="${rng.int(150, 190)}" fill="#2f6b2f"/>
        <rect x="${rng.int(620, 700)}" y="640" width="360" height="34" rx="14" fill="#5b3d26" transform="rotate(${rng.int(-14, -4)} 800 650)"/>`;
    }
    case 'playground': {
      return `${sky(rng)}<rect x="0" y="520" width="${W}" height="${H - 520}" fill="#d9c59a"/>
        <polygon points="380,700 420,320 460,320 500,700" fill="none" stroke="#c92a2a" stroke-width="18"/>
        <line x1="420" y1="330" x2="820" y2="330" stroke="#c92a2a" stroke-width="18"/>
        <line x1="640" y1="330" x2="${rng.int(600, 700)}" y2="600" stroke="#444" stroke-width="6"/>
        <rect x="${rng.int(560, 660)}" y="600" width="90" height="16" fill="#3b5bdb" transform="rotate(${rng.int(15, 35)} 640 608)"/>`;
    }
    case 'sign': {
      return `${sky(rng)}${houses(rng)}${road()}
        <rect x="700" y="250" width="16" height="320" fill="#8c9096" transform="rotate(${rng.int(8, 20)} 708 570)"/>
        <polygon points="708,150 800,300 616,300" fill="#fff" stroke="#c92a2a" stroke-width="22" transform="rotate(${rng.int(8, 20)} 708 570)"/>`;
    }
  }
}

/** A JPEG of the scene; the seed feeds it through the normal photo pipeline like an upload. */
export async function renderScene(kind: Scene, rng: Rng): Promise<Buffer> {
  // Drawn at 1200 × 900, rendered at 960 × 720: plenty for a demo, and quick to process.
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="960" height="720" viewBox="0 0 ${W} ${H}">${scene(kind, rng)}</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer();
}
