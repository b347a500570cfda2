// Benchmark (not a test) for the participatory-budget counting engine.
// Run: node --import tsx bench/pb-counting.ts
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { countElection } from '../src/modules/budgets/counting/count';
import type { Ballot, Election, Project, RuleName } from '../src/modules/budgets/counting/election';
import { compileElection } from '../src/modules/budgets/counting/profile';
import { rat, toExactString } from '../src/modules/budgets/counting/rational';
import { readPb } from '../src/modules/budgets/pabulib/pb-reader';
import { writePb } from '../src/modules/budgets/pabulib/pb-writer';

const VOTERS = 100_000;
const PROJECTS = 100;
const SEED = 20_260_501;

/** mulberry32: small, seedable, integer-only; the same election on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** Picks an index with probability proportional to integer weights (prefix sums + binary search). */
function weightedPicker(weights: readonly number[], next: () => number): () => number {
  const prefix: number[] = [];
  let total = 0;
  for (const w of weights) {
    total += w;
    prefix.push(total);
  }
  return () => {
    const r = next() % total;
    let lo = 0;
    let hi = prefix.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((prefix[mid] ?? 0) > r) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

/**
 * 100 projects with Zipf-like popularity (weight ∝ 1/rank), costs 5,000–250,000 in steps of 500,
 * 100,000 approval ballots of 1–10 projects (short ballots more common), budget 3,000,000.
 */
export function generateElection(seed = SEED, voters = VOTERS, projectCount = PROJECTS): Election {
  const next = prng(seed);
  const projects: Project[] = [];
  for (let i = 0; i < projectCount; i++) {
    projects.push({ id: `P${String(i + 1).padStart(3, '0')}`, cost: rat(5_000 + (next() % 491) * 500) });
  }
  const popularity = weightedPicker(
    projects.map((_, i) => Math.floor(1_000_000 / (i + 1))),
    next,
  );
  const length = weightedPicker([20, 16, 14, 12, 10, 8, 7, 6, 4, 3], next);
  const ballots: Ballot[] = [];
  for (let v = 0; v < voters; v++) {
    const k = length() + 1;
    const chosen = new Set<number>();
    while (chosen.size < k) chosen.add(popularity());
    ballots.push({ voterId: String(v + 1), projects: [...chosen].map((i) => projects[i]?.id ?? '') });
  }
  return { voteType: 'approval', budget: rat(3_000_000n), projects, ballots };
}

const REPEAT = 3;

interface Measurement {
  readonly label: string;
  readonly times: readonly number[];
  readonly winners: number;
  readonly totalCost: string;
  readonly detail: string;
  readonly heapMb: number;
  readonly maxRssMb: number;
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const fmt = (ms: number) => (ms < 10_000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);

function measure(label: string, work: () => { winners: number; totalCost: string; detail: string }): Measurement {
  const times: number[] = [];
  let last = { winners: 0, totalCost: '', detail: '' };
  let heap = 0;
  for (let i = 0; i < REPEAT; i++) {
    const t0 = performance.now();
    last = work();
    times.push(performance.now() - t0);
    heap = Math.max(heap, process.memoryUsage().heapUsed);
  }
  return {
    label,
    times,
    ...last,
    heapMb: mb(heap),
    // resourceUsage().maxRSS is in kilobytes and covers the whole process so far.
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

function countWith(election: Election, rule: RuleName) {
  return () => {
    const r = countElection(election, { rule });
    return {
      winners: r.winners.length,
      totalCost: toExactString(r.totalCost),
      detail: r.add1 ? `${r.add1.runs} MES runs, per-voter budget ${toExactString(r.add1.perVoterBudget)}, stop: ${r.add1.stopReason}` : '',
    };
  };
}

export async function run(): Promise<string> {
  const t0 = performance.now();
  const election = generateElection();
  const genMs = performance.now() - t0;
  const approvals = election.ballots.reduce((n, b) => n + b.projects.length, 0);
  let groups = 0;
  let text = '';
  const rows = [
    measure('write .pb (writePb)', () => {
      text = writePb({ ...election, meta: { description: 'benchmark' } });
      return { winners: 0, totalCost: '–', detail: `${(text.length / 1024 / 1024).toFixed(1)} MB of text` };
    }),
    measure('read .pb (readPb: CSV, validation, exact numbers)', () => {
      const r = readPb(text);
      return { winners: 0, totalCost: '–', detail: r.ok ? `${r.election.ballots.length} ballots` : 'errors' };
    }),
    measure('group ballots only (part of every rule below)', () => {
      groups = compileElection(election).groups.length;
      return { winners: 0, totalCost: '–', detail: `${groups.toLocaleString('en')} distinct ballots` };
    }),
    measure('greedy', countWith(election, 'greedy')),
    measure('MES', countWith(election, 'mes')),
    measure('MES + Add1 (equalshares.net)', countWith(election, 'mes-add1')),
    measure('MES + Add1 (pabulib)', countWith(election, 'mes-add1-pabulib')),
  ];
  const lines = [
    '## Participatory-budget counting (exact arithmetic)',
    '',
    `Seeded election (seed ${SEED}): ${election.ballots.length.toLocaleString('en')} approval ballots, ` +
      `${election.projects.length} projects, ${approvals.toLocaleString('en')} approvals, budget 3,000,000 ` +
      `(generated in ${Math.round(genMs)} ms). Each rule ran ${REPEAT} times on the parsed election; ` +
      'time is the median (min–max in brackets); the rule timings start from the parsed election and include grouping the ballots.',
    '',
    '| rule | time (median) | winners | total cost | max heap | max RSS so far | notes |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows.map(
      (r) =>
        `| ${r.label} | ${fmt(median(r.times))} (${fmt(Math.min(...r.times))}–${fmt(Math.max(...r.times))}) | ` +
        `${r.winners || '–'} | ${r.totalCost} | ${r.heapMb} MB | ${r.maxRssMb} MB | ${r.detail} |`,
    ),
    '',
    `Node ${process.version}, ${process.platform}/${process.arch}, ${availableParallelism()} CPUs.`,
  ];
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(await run());
}
