// Forbidden topics: subjects the business does not want an assistant to answer at all. Admins edit them; these
// are the defaults. Each phrase is a pattern (see engine/pattern.ts) describing someone *asking for* an
// opinion or advice, so "my card was stolen, can I dispute it?" is not legal advice and "what are your
// opening hours?" is not politics.

export interface ForbiddenTopic {
  id: string;
  name: string;
  phrases: string[];
  /** Sent instead of a draft; null falls back to the class's neutral reply. */
  neutralReply: string | null;
}

export const DEFAULT_TOPICS: ForbiddenTopic[] = [
  {
    id: 'politics',
    name: 'Politics',
    phrases: [
      'who ~3 should ~2 vote', 'which ~2 party|candidate ~4 vote|support|better|best', 'should i vote', 'who ~2 vote for',
      'your ~2 political ~1 views|opinion|opinions|stance|leaning', 'opinion|think|view|views ~4 election*|democrat*|republican*|abortion|immigration|brexit|trump|biden|government',
      'democrats|republicans|liberals|conservatives|labour|tories ~4 better|worse|right|wrong|evil|good',
    ],
    neutralReply: "Sorry, we can't discuss politics here. Is there anything about your account or order we can help with?",
  },
  {
    id: 'legal_advice',
    name: 'Legal advice',
    phrases: [
      'legal ~1 advice', 'should|can|could ~2 i|we ~2 sue ~2 my|the|a|an|him|her|them|our', 'sue ~2 my|the|a|an|him|her|them|our ~3 for|over', 'file ~2 lawsuit', 'lawsuit ~4 against|win',
      'my ~2 rights ~3 in ~2 court', 'custody|divorce|eviction|immigration|visa ~3 court|case|hearing|judge|rights',
      'plead|plea ~2 guilty', 'what ~2 sentence ~2 get', 'avoid|beat ~3 charges|conviction',
    ],
    neutralReply: "Sorry, we can't give legal advice. For questions about your account or an order, we're happy to help.",
  },
  {
    id: 'medical_advice',
    name: 'Medical advice',
    phrases: [
      'medical ~1 advice', 'diagnos*', 'should|can ~2 i ~3 take ~4 mg|pill|pills|medication|medicine|ibuprofen|paracetamol|aspirin|antibiotics|tylenol|advil',
      'dose|dosage ~3 of|for ~3 ibuprofen|paracetamol|aspirin|medication|antibiotics|insulin|my', 'side effects ~4 pill|pills|medication|medicine|drug|drugs|vaccine|vaccines|ibuprofen|antibiotics|treatment|dose|chemo*',
      'my ~2 symptoms', 'symptoms ~3 i ~1 have|ve|am|m', 'symptoms ~3 mean', 'treat|cure|treatment ~3 my ~2 cancer|diabetes|depression|infection|rash|fever|flu|pain|disease',
      'is it safe ~4 pregnant|medication|pills|dose', 'am i ~2 pregnant', 'do i have ~2 cancer|diabetes|covid|flu|infection|disease',
    ],
    neutralReply: "Sorry, we can't give medical advice; please ask a doctor or pharmacist. Anything else we can help with?",
  },
];
