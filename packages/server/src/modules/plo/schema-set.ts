import { fileURLToPath } from 'node:url';
import { compileSchemaSet, type XmlLimits, type XmlSchemaSet } from '../../platform/xml/index.ts';
import { createXmlPool, type XmlPool } from '../../platform/xml/xml-pool.ts';
import type { Config } from '../../config.ts';

const XSD_DIR = fileURLToPath(new URL('./xsd/', import.meta.url));

/**
 * Limits for PLO documents: 8 MiB covers a Helsefaglig dialog with a PDF or image attachment (the official one is
 * 2 MB); 64 levels is four times the deepest official example (16).
 */
export const PLO_XML_LIMITS: XmlLimits = { maxBytes: 8 * 1024 * 1024, maxDepth: 64 };

const PLO_SCHEMA = { dir: XSD_DIR, entry: 'messages.xsd', limits: PLO_XML_LIMITS };

let compiled: XmlSchemaSet | undefined;

/**
 * The official schema set (`xsd/messages.xsd`: MsgHead 1.2, AppRec 1.0/1.1, Dialogmelding 1.0/1.1, PLO 1.6),
 * compiled on first use and then shared by the whole process. The PLO module asks for it when the app is built,
 * so compilation happens at start.
 */
export function ploSchemaSet(): XmlSchemaSet {
  compiled ??= compileSchemaSet(PLO_SCHEMA);
  return compiled;
}

/**
 * The official schema set behind a pool of XML threads (issue 10): documents over `inlineMaxBytes` are parsed and
 * validated off the event loop, each thread compiling the set once when it starts (on first use).
 * @param opts - the XML settings (XML_WORKERS, XML_INLINE_MAX_BYTES, XML_WORKER_TIMEOUT_MS)
 */
export function createPloXmlPool(opts: Config['xml']): XmlPool {
  return createXmlPool({
    schema: PLO_SCHEMA,
    inline: ploSchemaSet(),
    size: opts.workers,
    inlineMaxBytes: opts.inlineMaxBytes,
    timeoutMs: opts.workerTimeoutMs,
  });
}
