// npm run bench [name…]: runs the benchmark scripts and prints their Markdown sections for BENCHMARKS.md.
// Benchmarks never run in the test suite; numbers go into BENCHMARKS.md with the command that made them.
const suites: Record<string, () => Promise<{ run(): Promise<string> }>> = {
  'pb-counting': () => import('./pb-counting'),
  load: () => import('./load'),
  profile: () => import('./profile'),
  'page-weight': () => import('./page-weight'),
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !(w in suites));
if (unknown.length > 0) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Available: ${Object.keys(suites).join(', ')}`);
  process.exit(2);
}
for (const name of wanted.length > 0 ? wanted : Object.keys(suites)) {
  const suite = await suites[name]!();
  console.log(await suite.run());
}

export {};
