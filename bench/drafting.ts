// `npm run bench:drafting`: what the draftReply activity spends before it calls the LLM — knowledge-base
// retrieval, approved examples, calibration and prompt assembly — over a 10,000-article knowledge base, and
// whether the starter articles still come out on top for their questions among 10,000 others. Writes
// bench/results/drafting.json. bench/run.ts calls runDraftingBench() at its end.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
import { seededRandom } from '../tests/helpers/seeded-random.js';
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

function generatedArticles(count: number) {
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
    const generated = generatedArticles(ARTICLES - 14);
    for (let i = 0; i < generated.length; i += 1_000) await upsertArticles(orm.em.fork(), generated.slice(i, i + 1_000), 'bench');
    await upsertArticles(orm.em.fork(), readArticleFolder(STARTER_DIR), 'bench');
    await orm.em.fork().execute('analyze kb_articles');
    const questions = JSON.parse(readFileSync(path.join(STARTER_DIR, 'questions.json'), 'utf8')) as { question: string; article: string }[];
    const slugs = new Map((await orm.em.fork().execute<{ id: string; slug: string }[]>('select id, slug from kb_articles where slug not like ?', ['generated-%'])).map((r) => [r.id, r.slug]));

    const timings: number[] = [];
    const byQuestion = new Map<string, number[]>();
    const misses: string[] = [];
    let top1 = 0;
    let top3 = 0;
    for (let round_ = 0; round_ <= ROUNDS; round_++) {
      for (const { question, article } of questions) {
        const em = orm.em.fork();
        const started = performance.now();
        const [passages, examples] = await Promise.all([
          passagesFor(em, question), examplesFor(em, 'msg:sms:bench', question), calibrationFor(em, 'order_status'),
        ]);
        buildPrompt({ channel: 'sms', text: question, passages, examples, voice: { persona: 'p', tone: 't' } });
        const elapsed = performance.now() - started;
        if (round_ === 0) {
          // The first round warms caches and measures quality only.
          const found = passages.map((p) => slugs.get(p.articleId));
          if (found[0] === article) top1++;
          if (found.includes(article)) top3++;
          else misses.push(`${question} → ${found.join(', ') || 'nothing'}`);
          continue;
        }
        timings.push(elapsed);
        byQuestion.set(question, [...(byQuestion.get(question) ?? []), elapsed]);
      }
    }
    if (process.env.BENCH_VERBOSE) {
      console.table([...byQuestion].map(([question, ms]) => ({ question, p50: round(percentile(ms, 50), 2), max: round(Math.max(...ms), 2) })));
      console.log(misses);
    }
    const result = {
      articles: ARTICLES,
      questions: questions.length,
      samples: timings.length,
      p50_ms: round(percentile(timings, 50), 2),
      p99_ms: round(percentile(timings, 99), 2),
      max_ms: round(Math.max(...timings), 2),
      target_p99_ms: TARGET_P99_MS,
      starter_top1: `${top1}/${questions.length}`,
      starter_top3: `${top3}/${questions.length}`,
    };
    return result;
  } finally {
    await orm.close();
    await pg.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await runDraftingBench();
  console.table([result]);
  const out = path.resolve('bench/results');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'drafting.json'), `${JSON.stringify({ at: new Date().toISOString(), cpus: os.cpus().length, ...result }, null, 2)}\n`);
  console.log(`p99 ${result.p99_ms} ms (target ≤ ${TARGET_P99_MS} ms); starter articles top 3 ${result.starter_top3}, top 1 ${result.starter_top1}`);
}
