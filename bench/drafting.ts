// `npm run bench:drafting`: what the draftReply activity spends before it calls the LLM — knowledge-base
// retrieval, approved examples, calibration and prompt assembly — over a 10,000-article knowledge base, and
// how often retrieval puts first (and in the top 3) the article that answers a question, with the starter
// articles alone and among 10,000: for the starter questions and for customers' questions
// (tests/fixtures/customer-questions.json: the half retrieval was tuned on, the half held out, and questions
// written after tuning; and tests/fixtures/customer-questions-unseen.json, by someone who never saw the tags or
// the search code). Writes bench/results/drafting.json. bench/run.ts calls runDraftingBench() at its end.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { initOrm, migrate } from '../db/orm.js';
import { upsertArticles } from '../knowledge/articles.js';
import { readArticleFolder, STARTER_DIR } from '../knowledge/starter.js';
import { calibrationFor, examplesFor, passagesFor } from '../llm/draft-context.js';
import { buildPrompt } from '../llm/prompt.js';
import { startEmbeddedPostgres } from '../runtime/embedded-postgres.js';
import { freePorts } from '../runtime/ports.js';
import { customerQuestions, retrievalQuality, starterQuestions, unseenQuestions, type RetrievalQuality } from '../tests/helpers/question-sets.js';
import { seededRandom } from '../runtime/seeded-random.js';
import { percentile, round } from './stats.js';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 10_000);
const ROUNDS = Number(process.env.BENCH_DRAFTING_ROUNDS ?? 20);
const TARGET_P99_MS = 20;

// The generated articles are shaped like a real help centre: each is about one of 1,000 topics with its
// own words, and the words customers use (SUPPORT) run through all of them with a Zipf distribution, so
// "order" is in most articles and "cancel" in a few percent, as in real text.
const SUPPORT = ('order delivery parcel refund return exchange card payment account password email address shipping courier ' +
  'tracking invoice charge discount voucher store warranty replacement size colour stock price cancel subscription app ' +
  'login points gift damaged broken late missing wrong item customer service days working hours week month').split(' ');
const TOPICS = 1_000;
const TOPIC_WORDS = 12;
/** Support words per article: about 4 of its 74 words, so "order" is in over half the articles. */
const SUPPORT_SHARE = 0.06;

export function generatedArticles(count: number) {
  const random = seededRandom(42);
  const pick = (words: string[]) => words[Math.floor(random() * words.length)]!;
  const zipfWeights = SUPPORT.map((_, rank) => 1 / (rank + 1));
  const zipfTotal = zipfWeights.reduce((a, b) => a + b, 0);
  const pickSupport = () => {
    let target = random() * zipfTotal;
    for (let i = 0; i < SUPPORT.length; i++) if ((target -= zipfWeights[i]!) <= 0) return SUPPORT[i]!;
    return SUPPORT.at(-1)!;
  };
  const topicWords = Array.from({ length: TOPICS }, (_, t) => Array.from({ length: TOPIC_WORDS }, (_, w) => `topic${t.toString(36)}x${w.toString(36)}`));
  return Array.from({ length: count }, (_, i) => {
    const topic = topicWords[i % TOPICS]!;
    const word = () => (random() < SUPPORT_SHARE ? pickSupport() : pick(topic));
    const sentence = () => Array.from({ length: 12 }, word).join(' ');
    return {
      slug: `generated-${i}`,
      title: `${pick(topic)} ${pickSupport()} ${pick(topic)}`,
      body: Array.from({ length: 6 }, sentence).join('. '),
      tags: [pickSupport(), pick(topic)],
    };
  });
}

export async function runDraftingBench() {
  const root = mkdtempSync(path.join(os.tmpdir(), 'countersign-bench-drafting-'));
  const [pgPort] = (await freePorts(1)) as [number];
  const pg = await startEmbeddedPostgres({ dir: path.join(root, 'pg'), port: pgPort, persistent: false });
  const orm = await initOrm({ clientUrl: pg.url });
  try {
    await migrate(orm);
    const starter = starterQuestions();
    const customers = customerQuestions();
    const questions = [...starter, ...customers];
    const sets = {
      starter, tuned: customers.filter((q) => q.half === 'tune'), held_out: customers.filter((q) => q.half === 'held-out'),
      fresh: customers.filter((q) => q.half === 'fresh'), unseen: unseenQuestions(1), unseen_2: unseenQuestions(2),
    };
    const measure = async () => {
      const scored: Record<string, RetrievalQuality> = {};
      for (const [name, set] of Object.entries(sets)) scored[name] = await retrievalQuality(orm.em.fork(), set);
      return scored;
    };
    // Quality with the starter articles alone (the knowledge base `npm start` begins with), then among 10,000.
    await upsertArticles(orm.em.fork(), readArticleFolder(STARTER_DIR), 'bench');
    const alone = await measure();
    const generated = generatedArticles(ARTICLES - 14);
    for (let i = 0; i < generated.length; i += 1_000) await upsertArticles(orm.em.fork(), generated.slice(i, i + 1_000), 'bench');
    await orm.em.fork().execute('analyze kb_articles');
    const among = await measure();

    const timings: number[] = [];
    const byQuestion = new Map<string, number[]>();
    for (let round_ = 0; round_ <= ROUNDS; round_++) {
      for (const { question } of questions) {
        const em = orm.em.fork();
        const started = performance.now();
        const [passages, examples] = await Promise.all([
          passagesFor(em, question), examplesFor(em, 'msg:sms:bench', question), calibrationFor(em, 'order_status'),
        ]);
        buildPrompt({ channel: 'sms', text: question, passages, examples, voice: { persona: 'p', tone: 't' } });
        const elapsed = performance.now() - started;
        // The first round warms caches.
        if (round_ === 0) continue;
        timings.push(elapsed);
        byQuestion.set(question, [...(byQuestion.get(question) ?? []), elapsed]);
      }
    }
    const share = (n: number, of: number) => `${n}/${of} (${round((100 * n) / of)} %)`;
    const table = (scored: Record<string, RetrievalQuality>) => Object.fromEntries(Object.entries(scored).map(([name, q]) =>
      [name, { top1: share(q.top1, q.questions), top3: share(q.top3, q.questions) }]));
    if (process.env.BENCH_VERBOSE) {
      console.table([...byQuestion].map(([question, ms]) => ({ question, p50: round(percentile(ms, 50), 2), max: round(Math.max(...ms), 2) })));
    }
    const result = {
      articles: ARTICLES,
      questions: questions.length,
      samples: timings.length,
      p50_ms: round(percentile(timings, 50), 2),
      p99_ms: round(percentile(timings, 99), 2),
      max_ms: round(Math.max(...timings), 2),
      target_p99_ms: TARGET_P99_MS,
      quality_starter_articles: table(alone),
      quality_among_all_articles: table(among),
      not_first: Object.fromEntries(Object.entries(alone).map(([name, q]) => [name, q.misses])),
    };
    return result;
  } finally {
    await orm.close();
    await pg.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await runDraftingBench();
  const { quality_starter_articles: alone, quality_among_all_articles: among, not_first: misses, ...timing } = result;
  console.table([timing].map(({ articles, questions, samples, p50_ms, p99_ms, max_ms }) => ({ articles, questions, samples, p50_ms, p99_ms, max_ms })));
  console.table(Object.fromEntries(Object.keys(alone).map((set) => [set, {
    'top 1, starter articles': alone[set]!.top1, 'top 3, starter articles': alone[set]!.top3,
    [`top 1, among ${ARTICLES}`]: among[set]!.top1, [`top 3, among ${ARTICLES}`]: among[set]!.top3,
  }])));
  console.log('not first, starter articles alone:', misses);
  const out = path.resolve('bench/results');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'drafting.json'), `${JSON.stringify({ at: new Date().toISOString(), cpus: os.cpus().length, load: os.loadavg()[0], ...result }, null, 2)}\n`);
  console.log(`p99 ${result.p99_ms} ms (target ≤ ${TARGET_P99_MS} ms)`);
}
