import { redactNin } from '../redact.ts';
import type { VerifyResult } from './verify.ts';

const entries = (n: number): string => `${n} ${n === 1 ? 'entry' : 'entries'}`;

/**
 * The one-line verdict on the chain's links that `npm run audit:verify` prints. Identity numbers are masked in
 * case one ever reached an action name or request id.
 * @param r - the verification result
 */
export function formatVerifyResult(r: VerifyResult): string {
  const p = r.firstProblem;
  if (!p) {
    return `Audit chain intact: ${entries(r.checked)} verified (${r.pending} not yet sealed).`;
  }
  const entry = p.id === null ? 'no longer in the log' : `id ${p.id}, ${p.occurredAt ?? '?'}, ${p.action ?? '?'}`;
  return redactNin(`Audit chain broken at entry #${p.seq} (${entry}): ${p.kind} — ${p.detail}.`);
}

export type VerifyReport = {
  /** The verdicts, for stdout: the links, then the checkpoints. */
  lines: string[];
  /** What does not fail the check but needs a look (no checkpoints, unsealed entries, missing insert ids). */
  warnings: string[];
};

/**
 * Everything `npm run audit:verify` prints about a verification: the links' verdict, the checkpoints' (a rewind or
 * a tampered checkpoint file fails the check, like a broken link), and warnings about the pre-seal window.
 * @param r - the verification result
 */
export function formatVerifyReport(r: VerifyResult): VerifyReport {
  const lines: string[] = [];
  const warnings: string[] = [];
  const c = r.checkpoints;
  const rewound = c?.state === 'read' ? c.rewound : undefined;
  if (r.firstProblem || !rewound) {
    lines.push(formatVerifyResult(r));
  }
  if (rewound) {
    const { checkpoint: cp, affected } = rewound;
    const what =
      rewound.kind === 'missing'
        ? `is missing: the log ends at #${rewound.lastSeq}`
        : `is changed: entry #${cp.seq} now has hash ${rewound.hashNow}`;
    const others = affected > 1 ? ` (${affected} checkpoints affected)` : '';
    lines.push(
      `Audit chain rewound: checkpoint seq ${cp.seq} hash ${cp.hash} (sealed ${cp.sealedAt}, line ${cp.line}) ${what}${others}.`,
    );
  }
  if (c?.state === 'read') {
    if (c.tampered) {
      const { line, reason, affected } = c.tampered;
      lines.push(
        `Audit checkpoint file tampered: line ${line} of ${c.file} does not verify — ${reason}` +
          (affected > 1 ? ` (${affected} lines affected).` : '.'),
      );
    }
    if (!rewound && !c.tampered) {
      lines.push(
        c.latest
          ? `Checkpoints intact: ${c.verified} in the chain, the latest #${c.latest.seq} sealed ${c.latest.sealedAt}.`
          : `Checkpoints: none yet in ${c.file}.`,
      );
    }
    if (c.torn) {
      warnings.push(
        `the last line (${c.torn.line}) of ${c.file} was cut off, as a crash during a write leaves it; it was not checked.`,
      );
    }
  } else if (c?.state === 'missing') {
    warnings.push(
      `no audit checkpoints at ${c.file}, so a rewind of the chain's newest entries cannot be detected. On a new ` +
        'installation the sealer writes the first one when it first seals; otherwise the file was moved or ' +
        'deleted: compare the chain with the "audit checkpoint" lines in the server\'s log.',
    );
  } else if (c?.state === 'off') {
    warnings.push('AUDIT_CHECKPOINT_FILE is not set, so a rewind of the chain cannot be detected.');
  }
  if (r.stalePending) {
    warnings.push(
      `${entries(r.stalePending.count)} recorded since ${r.stalePending.oldest} or earlier ${r.stalePending.count === 1 ? 'is' : 'are'} not sealed: ` +
        'no sealer has run since. Until one does, deleting or changing them breaks no link.',
    );
  }
  if (r.missingIds) {
    const m = r.missingIds;
    const where =
      m.firstAfter === 0 ? `before id ${m.firstBefore}` : `between ids ${m.firstAfter} and ${m.firstBefore}`;
    warnings.push(
      `${m.ids} insert ${m.ids === 1 ? 'id is' : 'ids are'} missing from the log in ${m.gaps} ${m.gaps === 1 ? 'gap' : 'gaps'} ` +
        `(the first ${where}). An entry deleted before it was sealed leaves such a gap; so do a transaction that ` +
        "rolled back and a PostgreSQL crash. Compare the entries' times with the server's log.",
    );
  }
  // Only the links' verdict can carry text from an entry (formatVerifyResult masks it); masking the rest would
  // mask the 11-digit runs some hashes contain.
  return { lines, warnings };
}
