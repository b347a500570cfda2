import { type CountOptions, countElection } from './counting/count';
import { RULE_NAMES, type RuleName, TIE_BREAKINGS, type TieBreaking } from './counting/election';
import { explainResult, formatAmount, type Lang, ruleLabel } from './counting/explain';
import { ruleFromFile } from './counting/file-rule';
import { parseDecimal } from './counting/rational';
import { toExactJson } from './json';
import { readPb } from './pabulib/pb-reader';

export interface PbCliIo {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
  readonly readFile: (path: string) => Promise<string>;
}

export const PB_USAGE = `Usage: kuemmerer pb count FILE.pb [options]
       kuemmerer pb help

Counts a participatory-budgeting election in pabulib's .pb format with exact arithmetic.

Options:
  --rule greedy|mes|mes-add1|mes-add1-pabulib
                     greedy            most votes first; fund what still fits
                     mes               Method of Equal Shares (cost utilities)
                     mes-add1          MES + Add1 completion as equalshares.net recommends
                                       (stop once the outcome is exhaustive)
                     mes-add1-pabulib  MES + Add1 as pabulib defines it (raise while it fits)
                     Default: the file's META rule where it maps to one of these, else greedy.
  --ties cost-votes|id
                     cost-votes: lower cost first, then more votes (cities, equalshares.net)
                     id: project id in plain string order (pabutools)
                     Default: id for greedy and mes, cost-votes for the Add1 rules.
  --comparison       MES rules: take the greedy outcome if strictly more voters prefer it
  --add1-step N      Add1 rules: raise per-voter budgets by N currency units per step (default 1)
  --threshold N      greedy: projects with a score below N are not eligible
  --no-skip          greedy: stop at the first project that does not fit
  --lang en|de       language of the explanations (default en)
  --json             print one JSON object (winners, totalCost, explanations, …)

Exit codes: 0 counted, 1 file unreadable or invalid, 2 bad arguments.`;

interface Parsed {
  file: string;
  rule?: RuleName;
  ties?: TieBreaking;
  comparison: boolean;
  threshold?: string;
  add1Step?: string;
  noSkip: boolean;
  lang: Lang;
  json: boolean;
}

class UsageError extends Error {}

function parseArgs(args: readonly string[]): Parsed {
  const files: string[] = [];
  const parsed: Omit<Parsed, 'file'> = { comparison: false, noSkip: false, lang: 'en', json: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const eqAt = arg.indexOf('=');
    const name = arg.startsWith('--') && eqAt > 0 ? arg.slice(0, eqAt) : arg;
    const inline = arg.startsWith('--') && eqAt > 0 ? arg.slice(eqAt + 1) : undefined;
    const value = (): string => {
      if (inline !== undefined) return inline;
      const v = args[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${name} needs a value`);
      return v;
    };
    switch (name) {
      case '--rule': {
        const v = value();
        if (!(RULE_NAMES as readonly string[]).includes(v)) {
          throw new UsageError(`unknown rule "${v}" (expected ${RULE_NAMES.join(', ')})`);
        }
        parsed.rule = v as RuleName;
        break;
      }
      case '--ties': {
        const v = value();
        if (!(TIE_BREAKINGS as readonly string[]).includes(v)) {
          throw new UsageError(`unknown tie-breaking "${v}" (expected ${TIE_BREAKINGS.join(', ')})`);
        }
        parsed.ties = v as TieBreaking;
        break;
      }
      case '--lang': {
        const v = value();
        if (v !== 'en' && v !== 'de') throw new UsageError(`unknown language "${v}" (expected en, de)`);
        parsed.lang = v;
        break;
      }
      case '--threshold':
        parsed.threshold = value();
        break;
      case '--add1-step':
        parsed.add1Step = value();
        break;
      case '--comparison':
      case '--no-skip':
      case '--json':
        if (inline !== undefined) throw new UsageError(`${name} takes no value`);
        if (name === '--comparison') parsed.comparison = true;
        else if (name === '--no-skip') parsed.noSkip = true;
        else parsed.json = true;
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
        files.push(arg);
    }
  }
  if (files.length !== 1) {
    throw new UsageError(files.length === 0 ? 'missing FILE.pb' : `expected one file, got ${files.length}`);
  }
  return { ...parsed, file: files[0] ?? '' };
}

/** `kuemmerer pb …`: `args` is what follows `pb`; returns the exit code. */
export async function runPbCli(args: string[], io: PbCliIo): Promise<number> {
  const [command, ...rest] = args;
  if (command === 'help' || command === '--help' || command === '-h') {
    io.out(PB_USAGE);
    return 0;
  }
  if (command !== 'count') {
    io.err(command === undefined ? PB_USAGE : `pb: unknown command "${command}"\n\n${PB_USAGE}`);
    return 2;
  }

  let opts: Parsed;
  try {
    opts = parseArgs(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`pb count: ${e.message}\nRun "kuemmerer pb help" for usage.`);
      return 2;
    }
    throw e;
  }

  let text: string;
  try {
    text = await io.readFile(opts.file);
  } catch (e) {
    io.err(`pb count: cannot read ${opts.file}: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  const read = readPb(text);
  const warnings = read.warnings;
  if (!read.ok) {
    io.err(`pb count: ${opts.file} is not a valid .pb file:`);
    for (const issue of read.errors) io.err(`  line ${issue.line}: ${issue.message}`);
    return 1;
  }
  const election = read.election;
  const shown = warnings.slice(0, 20);
  for (const w of shown) io.err(`warning: line ${w.line}: ${w.message}`);
  if (warnings.length > shown.length) io.err(`warning: … and ${warnings.length - shown.length} more`);

  let options: CountOptions;
  let ruleSource: 'argument' | 'file' | 'default';
  let ruleNote: string;
  if (opts.rule) {
    options = { rule: opts.rule };
    ruleSource = 'argument';
    ruleNote = `rule ${opts.rule} given on the command line`;
  } else {
    const fromFile = ruleFromFile(election);
    options = fromFile.options;
    ruleSource = fromFile.source;
    ruleNote = fromFile.note;
  }
  if (opts.ties) options = { ...options, ties: opts.ties };
  if (opts.comparison) {
    if (options.rule === 'greedy') {
      io.err('pb count: --comparison applies to the MES rules only');
      return 2;
    }
    options = { ...options, comparison: true };
  }
  if (opts.threshold !== undefined || opts.noSkip) {
    if (options.rule !== 'greedy') {
      io.err('pb count: --threshold and --no-skip apply to greedy only');
      return 2;
    }
    if (opts.threshold !== undefined) {
      const t = parseDecimal(opts.threshold);
      if (!t) {
        io.err(`pb count: --threshold "${opts.threshold}" is not a number`);
        return 2;
      }
      options = { ...options, threshold: t };
    }
    if (opts.noSkip) options = { ...options, noSkip: true };
  }

  if (opts.add1Step !== undefined) {
    const step = parseDecimal(opts.add1Step);
    if (options.rule !== 'mes-add1' && options.rule !== 'mes-add1-pabulib') {
      io.err('pb count: --add1-step applies to the Add1 rules only');
      return 2;
    }
    if (!step || step.num <= 0n) {
      io.err(`pb count: --add1-step "${opts.add1Step}" is not a positive number`);
      return 2;
    }
    options = { ...options, add1Increment: step };
  }

  let result: ReturnType<typeof countElection>;
  try {
    result = countElection(election, options);
  } catch (e) {
    io.err(`pb count: cannot count ${opts.file}: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  const currency = election.meta?.currency;
  const sentences = explainResult(result, opts.lang, currency ? { currency } : {});
  const tiesSource = opts.ties ? 'argument' : options.ties ? 'file-rule' : 'rule-default';

  if (opts.json) {
    io.out(
      toExactJson(
        {
          file: opts.file,
          ...result,
          ruleSource,
          ruleNote,
          tieBreakingSource: tiesSource,
          currency: currency ?? null,
          sentences,
          warnings,
        },
        2,
      ),
    );
    return 0;
  }

  const amount = (x: typeof result.totalCost) => formatAmount(x, opts.lang, currency);
  const title = [election.meta?.description, election.meta?.unit, election.meta?.instance].filter(Boolean).join(', ');
  const lines: string[] = [];
  if (title) lines.push(`Election: ${title}`);
  lines.push(`Rule: ${result.rule} – ${ruleLabel(result.rule, 'en')} (${ruleNote})`);
  if (result.comparison) lines.push('Comparison step: on');
  const tiesWhy = {
    argument: '',
    'file-rule': ' (convention of the file rule)',
    'rule-default': ` (default for ${result.rule})`,
  };
  lines.push(`Tie-breaking: ${result.tieBreaking}${tiesWhy[tiesSource]}`);
  lines.push(`Winners (${result.winners.length}): ${result.winners.join(', ')}`);
  lines.push(`Total cost: ${amount(result.totalCost)} of ${amount(result.budget)} (left over ${amount(result.leftover)})`);
  lines.push('', ...sentences.map((s) => `- ${s}`));
  io.out(lines.join('\n'));
  return 0;
}
