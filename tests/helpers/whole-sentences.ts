// Whether a draft is made of an article's own sentences: what the offline drafter promises reviewers.

const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A draft's sentences, split after every . ! or ? that a space follows. */
export const sentencesOf = (text: string) => text.split(/(?<=[.!?]["')”’]?)\s+/);

/** Whether `sentence` stands in `body` as written, beginning where a sentence begins and ending where one ends. */
export function isWholeSentenceOf(sentence: string, body: string): boolean {
  const text = flat(body);
  for (let at = text.indexOf(sentence); at >= 0; at = text.indexOf(sentence, at + 1)) {
    const starts = at === 0 || /[.!?]["')”’]? $/.test(text.slice(0, at));
    const ends = /[.!?]["')”’]?$/.test(sentence) && (at + sentence.length === text.length || text[at + sentence.length] === ' ');
    if (starts && ends) return true;
  }
  return false;
}

/** The parts of `draft` that are not whole sentences of `body` (none: the draft quotes it faithfully). */
export const sentencesNotIn = (draft: string, body: string) => sentencesOf(draft).filter((sentence) => !isWholeSentenceOf(sentence, body));
