import type { XmlElement } from './xml-tree.ts';

/** A problem found in a document, as data: where and what (libxml2's message, or ours). */
export type XmlIssue = { line: number; column: number; message: string };

/** Why a document was refused before or during parsing (it never became a tree). */
export type XmlRefusal =
  'too_large' | 'not_utf8' | 'unsupported_encoding' | 'dtd_forbidden' | 'too_deep' | 'not_well_formed';

export type XmlLimits = {
  /** Largest document accepted, in bytes. */
  maxBytes: number;
  /** Deepest element nesting accepted. */
  maxDepth: number;
};

export const DEFAULT_XML_LIMITS: XmlLimits = { maxBytes: 8 * 1024 * 1024, maxDepth: 64 };

/** A document refused before it became a tree. */
export type XmlRefused = { wellFormed: false; refusal: XmlRefusal; issues: XmlIssue[] };

export type XmlParseOutcome = { wellFormed: true; root: XmlElement } | XmlRefused;

export type XmlValidationOutcome =
  { wellFormed: true; root: XmlElement; valid: boolean; issues: XmlIssue[] } | XmlRefused;
