-- Issue 14: partner silence (D3) and changes and cancellations applied (D2, Forsendelsesstatus M/C).
-- Issue 14 (D3): partner silence. The monitoring sweep raises `partner_silent` when a partner organisation that
-- has sent us messages lately has sent nothing for a configured number of office hours (08–16 on working days,
-- Oslo), keyed partner_silent:<our organisation>:<partner organisation>:<its last message>, so traffic that
-- resumes and stops again raises a new one.
ALTER TABLE plo_alerts DROP CONSTRAINT plo_alerts_kind_check;
ALTER TABLE plo_alerts ADD CONSTRAINT plo_alerts_kind_check
  CHECK (kind IN ('apprec_missing', 'apprec_timeout', 'apprec_negative', 'delivery_failed', 'partner_silent'));
-- The sweep finds each (our service, partner) pair and its latest message by skipping through this index, so a
-- sweep costs a few lookups per pair, not a scan of the month's traffic.
CREATE INDEX plo_messages_in_traffic_idx ON plo_messages (receiver_party_id, sender_party_id, received_at DESC)
  WHERE direction = 'in';
-- Forsendelsesstatus M (change) and C (cancellation) applied when read (HISD 1154 §4.2): the console finds the
-- latest M/C whose RefToParent is a message's MsgId, from the same sender and direction, through this index.
CREATE INDEX plo_messages_superseding_idx ON plo_messages (direction, sender_her_id, conversation_parent)
  WHERE forsendelsesstatus IN ('M', 'C');
