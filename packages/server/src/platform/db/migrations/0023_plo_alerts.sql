-- PLO message monitoring and alerts (issue 14, D3/D9; plo-messaging.md §5.3, §8). The monitoring job
-- (modules/plo/monitor) raises an alert once per event, keyed by `dedup_key`:
--   apprec_missing:<message>:<hours>  a message we sent has had no AppRec for a configured number of hours (< 96)
--   apprec_timeout:<message>          96 h without an AppRec: the message counts as rejected (HIS 80415-1.1 §3.3.6)
--   apprec_negative:<apprec>          a negative AppRec received for a message we sent (HIS 80415-1.1 §3.3.5)
--   delivery_failed:<event>           the delivery of a message we sent failed for good (HIS 1037 §5.2)
-- Each alert belongs to the hosted service (ours) whose message it is; message handlers of that service's
-- organisation see it in the console, acknowledge it (who, when) and close it with a note. The e-mail to the
-- message-responsible address (plo_parties.responsible_*, ours and, where the partner must act, the partner's)
-- carries only the alert's kind and a link; `email_*` say whether it was sent.
-- Platform-wide like the rest of the hub (see tenancy.ts): a hospital's services have no municipality.
CREATE TABLE plo_alerts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dedup_key text NOT NULL UNIQUE CHECK (length(dedup_key) BETWEEN 1 AND 200),
  kind text NOT NULL CHECK (kind IN ('apprec_missing', 'apprec_timeout', 'apprec_negative', 'delivery_failed')),
  severity text NOT NULL CHECK (severity IN ('warning', 'critical')),
  -- Our hosted service the alert is about, and the partner organisation on the other side.
  party_id uuid NOT NULL REFERENCES plo_parties(id),
  partner_party_id uuid REFERENCES plo_parties(id),
  municipality_id uuid REFERENCES municipalities(id),
  message_id uuid REFERENCES plo_messages(id),
  apprec_id uuid REFERENCES plo_apprecs(id),
  -- What the kind needs: the threshold in hours, the AppRec's code list 8221 codes. Never patient data.
  detail jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(detail) = 'object'),
  raised_at timestamptz NOT NULL,
  state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'acknowledged', 'closed')),
  acknowledged_at timestamptz,
  acknowledged_by uuid REFERENCES personnel(id),
  closed_at timestamptz,
  closed_by uuid REFERENCES personnel(id),
  close_note text CHECK (close_note IS NULL OR length(close_note) BETWEEN 1 AND 2000),
  email_ours text CHECK (email_ours IN ('queued', 'sent', 'no_address')),
  email_ours_at timestamptz,
  email_partner text CHECK (email_partner IN ('queued', 'sent', 'no_address')),
  email_partner_at timestamptz,
  CHECK ((state = 'open') = (acknowledged_at IS NULL)),
  CHECK ((acknowledged_at IS NULL) = (acknowledged_by IS NULL)),
  CHECK ((state = 'closed') = (closed_at IS NOT NULL)),
  CHECK ((closed_at IS NULL) = (closed_by IS NULL) AND (closed_at IS NULL) = (close_note IS NULL))
);
CREATE INDEX plo_alerts_party_idx ON plo_alerts (party_id, state, raised_at DESC);
CREATE INDEX plo_alerts_message_idx ON plo_alerts (message_id) WHERE message_id IS NOT NULL;
-- The sweep looks for negative AppRecs received lately that have no alert yet.
CREATE INDEX plo_apprecs_received_negative_idx ON plo_apprecs (created_at) WHERE direction = 'in' AND status = '2';
