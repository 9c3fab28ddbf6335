import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { childElement, textOf } from '../../../platform/xml/index.ts';
import { NS } from '../codes.ts';
import { ploSchemaSet } from '../schema-set.ts';
import { sampleMessage, SAMPLE_PATIENT } from '../testing/sample-messages.ts';
import { BUILDABLE_TYPES, buildMessage, MessageBuildError } from './message.build.ts';
import { followUpOf } from './msghead.build.ts';
import { addresseeHerIds, mainContent, parseMsgHead } from './msghead.parse.ts';

const bytes = (s: string) => Buffer.from(s, 'utf8');

void describe('MsgHead v1.2 build', () => {
  for (const type of BUILDABLE_TYPES) {
    void it(`builds a ${type} that validates against the official XSDs and reads back`, () => {
      const built = buildMessage(sampleMessage(type));
      const outcome = ploSchemaSet().validate(bytes(built.xml));
      assert.ok(outcome.wellFormed);
      assert.deepEqual(outcome.issues, []);
      const m = parseMsgHead(outcome.root);
      assert.equal(m.msgInfo.type.v, type);
      assert.equal(m.msgInfo.msgId, built.msgId);
      assert.match(m.msgInfo.msgId, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      assert.equal(m.msgInfo.migVersion, 'v1.2 2006-05-24');
      assert.equal(m.msgInfo.genDate, '2025-01-15T10:11:54+01:00');
      assert.equal(m.msgInfo.ack?.v, 'J');
      assert.equal(m.msgInfo.patient?.idents[0]?.id, SAMPLE_PATIENT.nin);
      assert.equal(m.msgInfo.patient?.sex?.v, '1');
      assert.ok(addresseeHerIds(m.msgInfo.sender).party);
      assert.ok(addresseeHerIds(m.msgInfo.receiver).organisation);
      assert.ok(mainContent(m));
    });
  }

  void it('keeps the element order the XSD demands: Ack before ConversationRef, no S on CS elements', () => {
    const built = buildMessage(sampleMessage('DIALOG_SVAR'));
    assert.ok(built.xml.indexOf('<Ack ') < built.xml.indexOf('<ConversationRef>'));
    assert.match(built.xml, /<Type V="DIALOG_SVAR" DN="Svar på forespørsel"\/>/);
  });

  void it('marks changes and cancellations with Forsendelsesstatus M and C', () => {
    const report = sampleMessage('INNLEGGELSESRAPPORT');
    for (const status of ['M', 'C'] as const) {
      const built = buildMessage({ ...report, content: { ...report.content, status } } as typeof report);
      const parsed = ploSchemaSet().parse(bytes(built.xml));
      assert.ok(parsed.wellFormed);
      const content = mainContent(parseMsgHead(parsed.root));
      const info = childElement(content, NS.poKomponent, 'InformasjonOmForsendelsen');
      assert.equal(childElement(info, NS.poKomponent, 'Forsendelsesstatus')?.attrs.V, status);
    }
    const cancel = sampleMessage('LOG_INNLAGT');
    const built = buildMessage({ ...cancel, content: { ...cancel.content, status: 'C' } } as typeof cancel);
    assert.match(built.xml, /<Forsendelsesstatus V="C" DN="Kansellering"\/>/);
  });

  void it('links a follow-up to its parent and to the first message of the conversation', () => {
    const first = buildMessage(sampleMessage('LOG_INNLAGT'));
    const second = buildMessage({ ...sampleMessage('LOG_UTSKRIVNINGSKLAR'), conversationRef: followUpOf(first) });
    const third = buildMessage({
      ...sampleMessage('LOG_UTSKREVET'),
      conversationRef: followUpOf({ msgId: second.msgId, conversationRef: followUpOf(first) }),
    });
    const parsed = ploSchemaSet().parse(bytes(third.xml));
    assert.ok(parsed.wellFormed);
    assert.deepEqual(parseMsgHead(parsed.root).msgInfo.conversationRef, {
      refToParent: second.msgId,
      refToConversation: first.msgId,
    });
  });

  void it('keeps identity numbers with leading zeros as written', () => {
    const patient = { ...SAMPLE_PATIENT, nin: '02914400069', dateOfBirth: '1944-11-02' };
    const built = buildMessage(sampleMessage('LOG_INNLAGT', { patient }));
    assert.match(built.xml, /<Id>02914400069<\/Id>/);
  });

  void it('adds attachments as extra Documents (RefDoc/MsgType A) that still validate', () => {
    const built = buildMessage({
      ...sampleMessage('DIALOG_HELSEFAGLIG'),
      attachments: [
        { mimeType: 'application/pdf', description: 'EKG', base64: Buffer.from('%PDF-1.4').toString('base64') },
      ],
    });
    const parsed = ploSchemaSet().parse(bytes(built.xml));
    assert.ok(parsed.wellFormed);
    const m = parseMsgHead(parsed.root);
    assert.deepEqual(
      m.documents.map((d) => d.refDoc.msgType.v),
      ['XML', 'A'],
    );
    assert.equal(m.documents[1]?.refDoc.content?.name, 'Base64Container');
    assert.equal(textOf(m.documents[1]?.refDoc.content), Buffer.from('%PDF-1.4').toString('base64'));
  });

  void it('refuses to hand out a message that does not validate', () => {
    const bad = sampleMessage('LOG_INNLAGT');
    const broken = { ...bad, content: { ...bad.content, admitted: { at: 'yesterday' } } } as typeof bad;
    assert.throws(
      () => buildMessage(broken),
      (err: unknown) => {
        assert.ok(err instanceof MessageBuildError);
        assert.match(err.issues[0]?.message ?? '', /TidspunktForHendelse/);
        return true;
      },
    );
  });

  const contentChildren = (type: Parameters<typeof sampleMessage>[0]) => {
    const built = buildMessage(sampleMessage(type));
    const parsed = ploSchemaSet().validate(bytes(built.xml));
    assert.ok(parsed.wellFormed && parsed.valid, JSON.stringify(parsed.wellFormed ? parsed.issues : parsed));
    const content = mainContent(parseMsgHead(parsed.root))!;
    return { content, names: content.children.flatMap((c) => (typeof c === 'string' ? [] : [c.name])) };
  };

  void it('builds Helseopplysninger (HIS 1144) with TypeInnhold 9140, the stay and the services needed, in XSD order', () => {
    const { content, names } = contentChildren('HELSEOPPL_SOKNAD');
    assert.equal(content.name, 'HelseopplysningerVedSoknad');
    assert.equal(content.ns, NS.helseopplysningerVedSoknad);
    assert.deepEqual(names, [
      'InformasjonOmForsendelsen',
      'TilknyttetEnhet',
      'AnsvarForRapport',
      'TypeInnholdIMelding',
      'OpplysningOpphold',
      'OpplysningOpphold',
      'InfoMedisinskDiagnose',
      'MedisinskfagligeOpplysninger',
      'TjenesteBehov',
    ]);
    const type = childElement(
      childElement(content, NS.poKomponent, 'TypeInnholdIMelding'),
      NS.poKomponent,
      'TypeInnhold',
    );
    assert.deepEqual([type?.attrs.V, type?.attrs.S], ['1', '2.16.578.1.12.4.1.1.9140']);
  });

  void it('builds Helseopplysninger til lege, Medisinske opplysninger and Orientering om tjenestetilbud with their roots', () => {
    assert.equal(contentChildren('HELSEOPPLYSNINGER_LEGE').content.name, 'Konsultasjon');
    const med = contentChildren('MEDISINSKE_OPPLYSNINGER');
    assert.equal(med.content.name, 'OverforingMedisinskeOpplysninger');
    assert.deepEqual(med.names, [
      'InformasjonOmForsendelsen',
      'OpplysningerTilSoknad',
      'InfoMedisinskDiagnose',
      'MedisinskfagligeOpplysninger',
    ]);
    const ori = contentChildren('ORIENTERING_TJENESTETILBUD');
    assert.equal(ori.content.name, 'OrienteringOmTjenestetilbud');
    const service = childElement(ori.content, NS.poKomponent, 'EksisterendeTjeneste');
    assert.equal(textOf(childElement(service, NS.poKomponent, 'PrivatTjeneste')), 'false');
    assert.equal(textOf(childElement(service, NS.poKomponent, 'AntallEnheter')), '7');
  });

  void it('builds DIALOG_AVVIK (TemaKodet 8117) and DIALOG_NOTAT as Dialogmelding 1.0 notes', () => {
    const avvik = contentChildren('DIALOG_AVVIK');
    assert.equal(avvik.content.ns, NS.dialog10);
    const note = childElement(avvik.content, NS.dialog10, 'Notat');
    assert.equal(childElement(note, NS.dialog10, 'TemaKodet')?.attrs.S, '2.16.578.1.12.4.1.1.8117');
    assert.equal(textOf(childElement(note, NS.dialog10, 'DokIdNotat')), 'b088a160-0698-11e8-b566-0800200c9a66');
    const notat = childElement(contentChildren('DIALOG_NOTAT').content, NS.dialog10, 'Notat');
    assert.equal(textOf(childElement(notat, NS.dialog10, 'DatoNotat')), '2025-01-16');
  });

  void it('refuses a new-type message whose content breaks the schema (a date written the Norwegian way)', () => {
    const m = sampleMessage('ORIENTERING_TJENESTETILBUD');
    assert.equal(m.type, 'ORIENTERING_TJENESTETILBUD');
    const broken = {
      ...m,
      content: { services: [{ private: false, from: '22.01.2025' }] },
    } as typeof m;
    assert.throws(
      () => buildMessage(broken),
      (err: unknown) => err instanceof MessageBuildError && /Startdato/.test(err.issues[0]?.message ?? ''),
    );
  });
});
